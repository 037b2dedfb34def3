"""
French typography for the shipped texts, one rule for the whole site.

French sets a narrow no-break space (U+202F) before `;` `:` `!` `?`, inside
« », between the groups of digits of a figure (`11 000`) and before `%`
(`35 %`): the space keeps the sign on its word's line. The French interface
catalog (locale/fr) follows the same rule (`manage.py typeset_french`, which
`make messages` runs); tests/test_content_quality.py
checks both.
"""

import re

NARROW_NBSP = "\u202f"

# An ordinary or a no-break space, the two that the rule replaces.
_SPACE = "[ \u00a0]"
_RULES = [
    (re.compile(_SPACE + "([;:!?»])"), NARROW_NBSP + r"\1"),
    (re.compile("«" + _SPACE), "«" + NARROW_NBSP),
    (re.compile(r"(?<=\d)" + _SPACE + r"(?=\d{3}(?!\d))"), NARROW_NBSP),
    (re.compile(r"(?<=\d)" + _SPACE + "%"), NARROW_NBSP + "%"),
]


def french(text):
    """`text` with the spaces of French typography (python-format `%(x)s` is left alone)."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
