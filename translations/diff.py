"""A word-level diff of two source texts, for translators."""

import difflib
import html
import re

from django.utils.html import strip_tags

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
