"""
Rich text's markup as XLIFF 1.2 inline elements, and the tag checks of an import.

Every element of the HTML, block or inline, becomes an inline element whose id
is its number in document order: a paired element (<p>, <strong>, <a href>…)
a <g>, an empty one (<br>) an <x/>, each with the ctype CAT tools know
("bold", "italic", "link", "lb", else "x-html-<tag>"). The ids are the whole
tag map: no attribute (a link's href) reaches the translatable text, and an
import rebuilds each element from the source's element with the same id, so a
translator can move a tag within its parent but not change, drop, copy or
invent one. Characters XML cannot carry travel as <ph ctype="x-char">.

PO keeps HTML as text; `check_html` holds a PO target to the same rule: the
same tags, nested the same way, as the source's HTML.

Problems are sentences in the active language, without the unit's name: the
caller knows which unit it is.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from lxml import etree

from renaulution.richtext import sanitize_html

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
# Characters XML 1.0 cannot carry, even as references: in XLIFF they travel
# as <ph ctype="x-char">U+0001</ph> placeholders, which CAT tools keep as tags.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CHAR_PLACEHOLDER = "x-char"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
CTYPES = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underlined"}
CTYPES |= {"a": "link", "br": "lb"}
# Text that a browser would read as a tag, or its escaped form: markup must
# travel as the exported inline elements, never as text.
RAW_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|&lt;\s*/?\s*[A-Za-z][^<>]*?&gt;")
# XLIFF inline elements this site never writes: a target holding one was not
# made from our source's tags.
FOREIGN = {"bpt", "ept", "it", "ph", "bx", "ex", "sub"}


def _q(tag):
    return f"{{{XLIFF_NS}}}{tag}"


@dataclass
class Node:
    """An HTML element: its tag, attributes and content (str or Node)."""

    tag: str
    attrs: list = field(default_factory=list)
    children: list = field(default_factory=list)
    id: str = ""

    @property
    def key(self):
        return (self.tag, tuple(self.attrs))

    def label(self):
        return f"<{self.tag}>"


class MarkupError(ValueError):
    """HTML whose tags do not close properly; `.problems` says where."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(problems))


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("")
        self.open = [self.root]
        self.problems = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs)
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Node(tag, attrs))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if len(self.open) == 1:
            self.problems.append(_("</%(tag)s> closes nothing") % {"tag": tag})
        elif self.open[-1].tag != tag:
            self.problems.append(
                _("</%(end)s> closes <%(open)s>") % {"end": tag, "open": self.open[-1].tag}
            )
            if any(node.tag == tag for node in self.open[1:]):
                while self.open.pop().tag != tag:
                    pass
        else:
            self.open.pop()

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse_html(html):
    """The fragment `html` as a Node with no tag; MarkupError if a tag is left open or stray."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    problems = builder.problems + [
        _("<%(tag)s> is never closed") % {"tag": node.tag} for node in builder.open[1:]
    ]
    if problems:
        raise MarkupError(problems)
    return builder.root


def parse_source(html):
    """
    A stored source as a tree. Sources are sanitized on save, but a bulk
    update skips that: one with a tag left open is read as the sanitizer
    would write it.
    """
    try:
        return parse_html(html)
    except MarkupError:
        return parse_html(sanitize_html(html))


def to_html(children):
    """HTML for a list of str and Node."""
    parts = []
    for child in children:
        if isinstance(child, str):
            parts.append(escape(child, quote=False))
            continue
        attrs = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in child.attrs
        )
        parts.append(f"<{child.tag}{attrs}>")
        if child.tag not in VOID:
            parts.append(f"{to_html(child.children)}</{child.tag}>")
    return "".join(parts)


def elements(node):
    """Every element under `node`, in document order."""
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from elements(child)


def text_of(node):
    return "".join(child if isinstance(child, str) else text_of(child) for child in node.children)


def numbered(html):
    """The source's tree, each element given its id, and {id: (node, parent id)}."""
    root = parse_source(html)
    tags = {}
    for number, node in enumerate(elements(root), start=1):
        node.id = str(number)
    for parent in [root, *elements(root)]:
        for child in parent.children:
            if isinstance(child, Node):
                tags[child.id] = (child, parent.id)
    return root, tags


def _ctype(tag):
    return CTYPES.get(tag, f"x-html-{tag}")


# Writing ---------------------------------------------------------------------


class _Writer:
    """Appends text and inline elements to an lxml element, keeping ids unique."""

    def __init__(self):
        self.chars = 0

    def text(self, parent, text):
        pieces = NOT_XML.split(text)
        self._append(parent, pieces[0])
        for char, piece in zip(NOT_XML.findall(text), pieces[1:], strict=True):
            self.chars += 1
            placeholder = etree.SubElement(
                parent, _q("ph"), id=f"char{self.chars}", ctype=CHAR_PLACEHOLDER
            )
            placeholder.text = f"U+{ord(char):04X}"
            self._append(parent, piece)

    @staticmethod
    def _append(parent, text):
        if not text:
            return
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def children(self, parent, children):
        for child in children:
            if isinstance(child, str):
                self.text(parent, child)
                continue
            name = "x" if child.tag in VOID else "g"
            element = etree.SubElement(parent, _q(name), id=child.id, ctype=_ctype(child.tag))
            if name == "g":
                self.children(element, child.children)


def write_text(element, text):
    """Give `element` the plain text `text`, characters XML cannot carry as placeholders."""
    _Writer().text(element, text)


def write_source(element, html):
    """Fill `element` (a <source>) with `html` as text and inline elements."""
    root, _tags = numbered(html)
    _Writer().children(element, root.children)


def aligned(target_html, source_html):
    """
    The target's tree with the source's ids, each of its elements matched to
    the source's element with the same tag and attributes in the same order
    of occurrence; None when the target's tags are not exactly the source's
    (an outdated translation, say), which an XLIFF target could not carry.
    """
    try:
        source, tags = numbered(source_html)
        target = parse_html(target_html)
    except MarkupError:
        return None
    by_key = {}
    for node in elements(source):
        by_key.setdefault(node.key, []).append(node.id)
    targets = list(elements(target))
    if Counter(node.key for node in targets) != Counter(
        {key: len(ids) for key, ids in by_key.items()}
    ):
        return None
    for node in targets:
        node.id = by_key[node.key].pop(0)
    for parent in [target, *targets]:
        for child in parent.children:
            if isinstance(child, Node) and tags[child.id][1] != parent.id:
                return None
    return target


def write_target(element, target_html, source_html):
    """Fill `element` (a <target>) with the aligned target; False if it does not align."""
    target = aligned(target_html, source_html)
    if target is None:
        return False
    _Writer().children(element, target.children)
    return True


# Reading -----------------------------------------------------------------------


def _placeholder_char(element):
    text = (element.text or "").strip()
    code = int(text[2:], 16) if re.fullmatch(r"U\+[0-9A-Fa-f]{1,6}", text) else None
    if code is None or code > 0x10FFFF or not NOT_XML.match(chr(code)) or code == 0:
        raise ValueError(
            _(
                "Line %(line)d: a character placeholder holds %(text)s, "
                "not a character that XML cannot carry."
            )
            % {"line": element.sourceline, "text": repr(text)}
        )
    return chr(code)


def inner_text(element):
    """
    A plain-text target's text. Inline XLIFF tags a CAT tool may add (<g>,
    <x/>…) keep their text; our character placeholders become their character.
    """
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            pass
        elif child.tag == _q("ph") and child.get("ctype") == CHAR_PLACEHOLDER:
            parts.append(_placeholder_char(child))
        else:
            parts.append(inner_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _describe(tags, node_id):
    if not node_id:
        return _("the top level")
    node = tags[node_id][0]
    return _("tag %(id)s (%(tag)s)") % {"id": node_id, "tag": node.label()}


class _Reader:
    """Rebuilds HTML from a target's inline elements against the source's tag map."""

    def __init__(self, tags, source_text):
        self.tags = tags
        self.source_text = source_text
        self.seen = set()
        self.problems = []

    def text(self, text, into):
        for raw in RAW_TAG.findall(text):
            if raw not in self.source_text:
                self.problems.append(
                    _(
                        "raw HTML %(html)s in the text: markup travels as the exported "
                        "tags (<g>, <x/>), never as text"
                    )
                    % {"html": raw}
                )
        if text:
            into.append(text)

    def children(self, element, parent_id, into):
        self.text(element.text or "", into)
        for child in element:
            if isinstance(child.tag, str):
                self.child(child, parent_id, into)
            self.text(child.tail or "", into)

    def child(self, child, parent_id, into):
        name = etree.QName(child).localname if child.tag.startswith("{") else child.tag
        if child.tag == _q("ph") and child.get("ctype") == CHAR_PLACEHOLDER:
            try:
                into.append(_placeholder_char(child))
            except ValueError as error:
                self.problems.append(str(error))
            return
        if child.tag == _q("mrk"):  # a marker (a term, a segment), not a tag
            self.children(child, parent_id, into)
            return
        if child.tag not in (_q("g"), _q("x")):
            self.problems.append(
                _(
                    "the element <%(name)s> is not one this site writes: keep the tags "
                    "as exported (<g>, <x/>)"
                )
                % {"name": name}
            )
            return
        node_id = child.get("id", "")
        if node_id not in self.tags:
            self.problems.append(
                _("tag %(id)s is not in the source") % {"id": node_id or "?"}
                if node_id
                else _("a <%(name)s> has no id") % {"name": name}
            )
            return
        if node_id in self.seen:
            self.problems.append(_("tag %(id)s appears more than once") % {"id": node_id})
            return
        self.seen.add(node_id)
        source, source_parent = self.tags[node_id]
        expected = "x" if source.tag in VOID else "g"
        ctype = child.get("ctype")
        if name != expected or (ctype and ctype != _ctype(source.tag)):
            self.problems.append(
                _("tag %(id)s is <%(found)s ctype=%(ctype)s> here but %(tag)s in the source")
                % {
                    "id": node_id,
                    "found": name,
                    "ctype": ctype or "",
                    "tag": f'<{expected} ctype="{_ctype(source.tag)}"> ({source.label()})',
                }
            )
            if name == "g":  # its content is still read: its own tags are not "missing"
                self.children(child, node_id, [])
            return
        if source_parent != parent_id:
            self.problems.append(
                _("%(tag)s is inside %(found)s here but inside %(expected)s in the source")
                % {
                    "tag": _describe(self.tags, node_id),
                    "found": _describe(self.tags, parent_id),
                    "expected": _describe(self.tags, source_parent),
                }
            )
        node = Node(source.tag, source.attrs)
        into.append(node)
        if expected == "g":
            self.children(child, node_id, node.children)


def rebuild(target, source_html):
    """
    (HTML, problems) from the XLIFF <target> `target`, each inline element
    made again from the source's element with its id.
    """
    source, tags = numbered(source_html)
    reader = _Reader(tags, text_of(source))
    children = []
    reader.children(target, "", children)
    for node_id in tags:
        if node_id not in reader.seen:
            reader.problems.append(
                _("tag %(id)s (%(tag)s) is missing")
                % {"id": node_id, "tag": tags[node_id][0].label()}
            )
    return to_html(children), reader.problems


def _shape(root):
    """Counter of (tag, the tags it sits in) for every element under `root`."""
    shape = Counter()

    def walk(node, path):
        for child in node.children:
            if isinstance(child, Node):
                shape[(child.tag, path)] += 1
                walk(child, (*path, child.tag))

    walk(root, ())
    return shape


def check_html(target_html, source_html):
    """
    The problems of a PO target whose HTML does not have the source's tags
    (each as many times, nested the same way); [] when it does.
    """
    try:
        target = parse_html(target_html)
    except MarkupError as error:
        return error.problems
    source = parse_source(source_html)
    expected, found = _shape(source), _shape(target)
    problems = []
    for tag, path in sorted(set(expected) | set(found)):
        if expected[(tag, path)] != found[(tag, path)]:
            problems.append(
                _("<%(tag)s> inside %(path)s: %(source)d in the source, %(target)d here")
                % {
                    "tag": tag,
                    "path": " › ".join(f"<{name}>" for name in path) or _("the top level"),
                    "source": expected[(tag, path)],
                    "target": found[(tag, path)],
                }
            )
    source_text = text_of(source)
    for raw in RAW_TAG.findall(text_of(target)):
        if raw not in source_text:
            problems.append(
                _("escaped HTML %(html)s in the text: write the tags themselves") % {"html": raw}
            )
    return problems
