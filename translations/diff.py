"""
What changed in a source text, for translators: word_diff() word by word
as plain text; html_diff() for rich text, in its own headings and lists.
"""

import difflib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from renaulution.richtext import sanitize_html

# Tags that separate words when they are removed: "<p>a</p><p>b</p>" is two words.
BLOCK_TAG = re.compile(
    r"<(?=/?(?:p|br|hr|li|ul|ol|div|h[1-6]|blockquote|table|tr|td|th|figure|figcaption)\b)",
    re.IGNORECASE,
)


def words(text):
    """The words of `text` as a reader sees them: tags removed, entities decoded."""
    plain = strip_tags(BLOCK_TAG.sub(" <", text or ""))
    return html.unescape(plain).split()


def word_diff(old, new):
    """
    [(op, text)] turning `old` into `new` word by word, HTML tags removed:
    op is "equal", "delete" or "insert" ("replace" is a delete then an insert).
    Consecutive words with the same op are joined by single spaces.
    """
    old_words, new_words = words(old), words(new)
    result = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            result.append(("delete", " ".join(old_words[a1:a2])))
        if op in ("insert", "replace"):
            result.append(("insert", " ".join(new_words[b1:b2])))
        if op == "equal":
            result.append(("equal", " ".join(old_words[a1:a2])))
    return result


# Elements that hold no content: no end tag follows them.
VOID_TAGS = {"br", "hr", "img"}
# Where a run of deleted words needs a block of its own to stay valid HTML:
# between two list items, or between two paragraphs.
DELETED_BLOCK = {"ul": "li", "ol": "li", "blockquote": "p", None: "p"}


@dataclass(frozen=True)
class Token:
    """A start tag, an end tag or a word of sanitized HTML, as it is written out."""

    kind: str  # "start", "end" or "word"
    key: str  # what is compared: the tag as written, or the word as read
    html: str
    name: str = ""  # the tag's name
    space: bool = False  # whitespace before it


class _Tokenizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.space = False

    def add(self, kind, key, markup, name=""):
        self.tokens.append(Token(kind, key, markup, name, self.space))
        self.space = False

    def handle_starttag(self, tag, attrs):
        # Written out again from the parsed attributes, every value quoted
        # and escaped: the output cannot hold more than the parser read.
        markup = "<{}{}>".format(
            tag, "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        )
        self.add("start", markup, markup, tag)

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS:
            self.add("end", f"</{tag}>", f"</{tag}>", tag)

    def handle_data(self, data):
        for part in re.split(r"(\s+)", data):
            if not part:
                continue
            if part.isspace():
                self.space = True
            else:
                self.add("word", part, escape(part))


def html_tokens(text):
    """The tags and words of `text` after sanitizing, in order."""
    parser = _Tokenizer()
    parser.feed(sanitize_html(text or "") or "")
    parser.close()
    return parser.tokens


class _Writer:
    """Writes tokens out, knowing which element it is in."""

    def __init__(self):
        self.parts = []
        self.open = []

    def write(self, token, space=None):
        space = token.space if space is None else space
        self.parts.append((" " if space and self.parts else "") + token.html)
        if token.kind == "start" and token.name not in VOID_TAGS:
            self.open.append(token.name)
        elif token.kind == "end" and token.name in self.open:
            # Up to the element it closes, as a browser would.
            del self.open[len(self.open) - 1 - self.open[::-1].index(token.name) :]

    def words(self, tag, words, spaced=True):
        """`words` in one <ins> or <del>, the whitespace before them outside."""
        if not words:
            return
        text = " ".join(word.html for word in words)
        if spaced and self.parts and words[0].space:
            self.parts.append(" ")
        self.parts.append(f"<{tag}>{text}</{tag}>")

    def deleted(self, tokens):
        """Words of the old text, placed in the new text's structure."""
        words = [token for token in tokens if token.kind == "word"]
        if not words:
            return
        block = DELETED_BLOCK.get(self.open[-1] if self.open else None)
        if block:
            self.parts.append(f"<{block}>")
            self.words("del", words, spaced=False)
            self.parts.append(f"</{block}>")
        else:
            self.words("del", words)

    def inserted(self, tokens):
        """Words and tags of the new text; each run of words in one <ins>."""
        run = []
        for token in tokens:
            if token.kind == "word":
                run.append(token)
                continue
            self.words("ins", run)
            run = []
            self.write(token)
        self.words("ins", run)

    def html(self):
        return "".join(self.parts)


def _balanced(tokens):
    """Whether `tokens` are whole elements (or no element at all)."""
    depth = 0
    for token in tokens:
        if token.kind == "start" and token.name not in VOID_TAGS:
            depth += 1
        elif token.kind == "end":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _slid(opcodes, old_keys, new_keys, old_tokens, new_tokens):
    """
    The opcodes with each lone insertion or deletion moved to the place,
    among the equivalent ones, where it is whole elements. Of
    "<li>a</li><li>b</li><li>c</li>" → "<li>a</li><li>c</li>", difflib may
    delete "b</li><li>" when "<li>b</li>" is as true: with that one, the
    deleted item shows as an item.
    """
    codes = [list(code) for code in opcodes]
    for index, (op, a1, a2, b1, b2) in enumerate(codes):
        if op not in ("insert", "delete") or not 0 < index < len(codes) - 1:
            continue
        before, after = codes[index - 1], codes[index + 1]
        if before[0] != "equal" or after[0] != "equal":
            continue
        keys, tokens, start, end = (
            (old_keys, old_tokens, a1, a2) if op == "delete" else (new_keys, new_tokens, b1, b2)
        )
        if _balanced(tokens[start:end]):
            continue
        room_left = before[2] - before[1]
        room_right = after[2] - after[1]
        shifts = []
        for shift in range(1, max(room_left, room_right) + 1):
            shifts += [-shift, shift]
        for shift in shifts:
            if shift < 0 and (
                -shift > room_left or keys[start + shift : start] != keys[end + shift : end]
            ):
                continue
            if shift > 0 and (
                shift > room_right or keys[start : start + shift] != keys[end : end + shift]
            ):
                continue
            if not _balanced(tokens[start + shift : end + shift]):
                continue
            before[2] += shift
            before[4] += shift
            after[1] += shift
            after[3] += shift
            codes[index] = [op, a1 + shift, a2 + shift, b1 + shift, b2 + shift]
            if op == "delete":
                codes[index][3] = codes[index][4] = b1 + shift
            else:
                codes[index][1] = codes[index][2] = a1 + shift
            break
    return [code for code in codes if code[0] != "equal" or code[1] < code[2]]


def html_diff(old, new):
    """
    The new rich text as readers see it (headings, lists, quotes kept), with
    the words the old text did not have in <ins> and the words it lost in
    <del>. Both texts are sanitized first and the result is written from
    their parsed tags and escaped words only, so it holds nothing the
    allow-list refuses. The structure is the new text's: deleted tags are
    dropped, their words placed where they were.
    """
    old_tokens, new_tokens = html_tokens(old), html_tokens(new)
    old_keys = [(token.kind, token.key) for token in old_tokens]
    new_keys = [(token.kind, token.key) for token in new_tokens]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    opcodes = _slid(matcher.get_opcodes(), old_keys, new_keys, old_tokens, new_tokens)
    writer = _Writer()
    for op, a1, a2, b1, b2 in opcodes:
        if op == "equal":
            for token in new_tokens[b1:b2]:
                writer.write(token)
            continue
        inserted = new_tokens[b1:b2] if op in ("insert", "replace") else []
        # A replaced heading's old words go inside the new heading, not before it.
        opening = 0
        while opening < len(inserted) and inserted[opening].kind == "start":
            opening += 1
        for token in inserted[:opening]:
            writer.write(token)
        if op in ("delete", "replace"):
            writer.deleted(old_tokens[a1:a2])
        writer.inserted(inserted[opening:])
    return mark_safe(writer.html())  # noqa: S308 - built from parsed, sanitized tokens
