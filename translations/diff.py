"""A word-level diff of two source texts, for translators."""

import difflib

from django.utils.html import strip_tags


def word_diff(old, new):
    """
    [(op, text)] turning `old` into `new` word by word, HTML tags removed:
    op is "equal", "delete" or "insert" ("replace" is a delete then an insert).
    """
    old_words = strip_tags(old or "").split()
    new_words = strip_tags(new or "").split()
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
