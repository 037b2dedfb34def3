"""
A check that a translation carries the same figures as its source.

Numbers are compared by value, whatever the language writes them with:
"7,3 milliards" and "7.3 billion" agree, "11 000", "11,000" and "11.000"
agree, "6,3" and "7.3" do not. A separator followed by exactly three digits
groups thousands; any other separator is the decimal mark.
"""

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
SEPARATOR = re.compile(r"[.,\u00a0\u202f ]")


def numbers(text):
    """The numbers written in `text` (HTML allowed), as Decimals, with repeats."""
    found = Counter()
    for token in NUMBER.findall(strip_tags(text or "")):
        parts = SEPARATOR.split(token)
        # Spaces only ever group thousands; a space before a group that is
        # not three digits long separates two numbers ("2024 7").
        digits, decimals = parts[0], ""
        for part, separator in zip(parts[1:], SEPARATOR.findall(token), strict=True):
            if len(part) == 3 and not decimals:
                digits += part
            elif separator in ".," and not decimals:
                decimals = part
            else:
                found[_decimal(digits, decimals)] += 1
                digits, decimals = part, ""
        found[_decimal(digits, decimals)] += 1
    return found


def _decimal(digits, decimals):
    try:
        return Decimal(f"{digits}.{decimals}" if decimals else digits).normalize()
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return Decimal(0)


def consistency_issues(source, target):
    """
    The numbers the target lacks or adds, in a compact, language-neutral
    form stored with the state: "-6.3 +7.3"; '' when they agree.
    """
    expected, actual = numbers(source), numbers(target)
    missing = [f"-{_fmt(n)}" for n in sorted((expected - actual).elements())]
    extra = [f"+{_fmt(n)}" for n in sorted((actual - expected).elements())]
    return " ".join(missing + extra)


def describe_issues(issues):
    """`consistency_issues`' compact form, told in the reader's language."""
    tokens = (issues or "").split()
    missing = [token[1:] for token in tokens if token.startswith("-")]
    extra = [token[1:] for token in tokens if token.startswith("+")]
    parts = []
    if missing:
        parts.append(_("not in the translation: %s") % ", ".join(missing))
    if extra:
        parts.append(_("not in the source: %s") % ", ".join(extra))
    return "; ".join(parts)


def _fmt(number):
    return format(number, "f")
