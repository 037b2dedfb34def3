"""
Rich text cut into segments, one per block (paragraph, heading, list item),
and put back together.

A segment is a block that holds text and inline markup only: a <p>, an <h2>,
an <li> without a nested list, a <p> inside a quote or a list item. What is
around the segments (the lists, the quotes, the whitespace between blocks) is
the skeleton: it comes from the source, so a segmented import has the
source's block structure exactly and the translator's text inside it. Text
outside any block cannot be cut that way: such a field is exported whole.
"""

from dataclasses import dataclass

from .inline import MarkupError, Node, aligned, parse_html, text_of, to_html

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "ul", "ol", "pre", "div"}


@dataclass
class Segmented:
    root: Node
    blocks: list  # the segments' Nodes, in document order

    @property
    def sources(self):
        """Each segment's inner HTML, in order."""
        return [to_html(block.children) for block in self.blocks]

    def shape(self):
        """The skeleton's tags and attributes, segments' content left out."""
        inside = {id(block) for block in self.blocks}

        def walk(node):
            return [
                (child.tag, tuple(child.attrs), () if id(child) in inside else walk(child))
                for child in node.children
                if isinstance(child, Node)
            ]

        return walk(self.root)

    def join(self, translations):
        """The HTML with each segment's content replaced by its translation's (HTML)."""
        saved = [block.children for block in self.blocks]
        try:
            for block, html in zip(self.blocks, translations, strict=True):
                block.children = parse_html(html).children
            return to_html(self.root.children)
        finally:
            for block, children in zip(self.blocks, saved, strict=True):
                block.children = children


def _has_block(node):
    return any(isinstance(child, Node) and child.tag in BLOCKS for child in node.children)


def _has_content(node):
    return any(isinstance(child, Node) or child.strip() for child in node.children)


def split(html):
    """A Segmented for `html`, or None if some of its text is outside any block."""
    try:
        root = parse_html(html)
    except MarkupError:
        return None
    blocks = []

    def walk(container):
        for child in container.children:
            if isinstance(child, str):
                if child.strip():
                    return False
            elif child.tag not in BLOCKS:
                return False
            elif _has_block(child):
                if not walk(child):
                    return False
            elif _has_content(child):
                blocks.append(child)
        return True

    if not walk(root) or not blocks:
        return None
    return Segmented(root, blocks)


def pieces(source, target):
    """
    [(block tag, source, target, previous translation)] per block of a rich
    text, or None if it cannot be cut into blocks. The targets are all there
    or none are: the target's blocks must be the source's, and each block's
    tags too; otherwise the target's blocks are only offered as references.
    """
    cut = split(source)
    if cut is None:
        return None
    tags = [block.tag for block in cut.blocks]
    cut_target = split(target) if target else None
    if cut_target is None or cut_target.shape() != cut.shape():
        return [(tag, piece, "", "") for tag, piece in zip(tags, cut.sources, strict=True)]
    rows = list(zip(tags, cut.sources, cut_target.sources, strict=True))  # same shape
    if all(aligned(piece_target, piece) is not None for _tag, piece, piece_target in rows):
        return [(tag, piece, piece_target, "") for tag, piece, piece_target in rows]
    return [(tag, piece, "", previous) for tag, piece, previous in rows]


def plain_text(html):
    """An earlier rich translation as text, one line per block, for an <alt-trans>."""
    cut = split(html)
    if cut is None:
        return html
    return "\n".join(text_of(block) for block in cut.blocks)
