"""
The checks of a translation against its source, stored with its state as
one compact list of findings ("-6.3 +7.3 lang:en").

Figures: numbers are compared by value, whatever the language writes them
with: "7,3 milliards" and "7.3 billion" agree, "11 000", "11,000" and
"11.000" agree, "6,3" and "7.3" do not. A separator followed by exactly
three digits groups thousands; any other separator is the decimal mark.

Terms: see translations.glossary.

Language: a sentence of the target that py3langid (its model ships in the
package: nothing is downloaded) reads, with high confidence, as another of
the site's languages, is text left untranslated ("lang:en"). Sentences of
fewer than six words are not judged: names and titles ("Renault 5 E-Tech
Electric") belong to every language. A finding never blocks a save.
"""

import functools
import re
from collections import Counter
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
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


# A block's end or a sentence's: where one judged stretch of text stops.
_BLOCK = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|blockquote|br)\b[^>]*>", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?;:]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 6
CONFIDENCE = 0.95
LANGUAGE_FINDING = "lang:"


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code, _name in settings.LANGUAGES])
    return identifier


def other_languages(text, language):
    """The site's languages other than `language` that whole sentences of `text` are in."""
    found = set()
    for block in _BLOCK.split(text or ""):
        for sentence in _SENTENCE.findall(strip_tags(block)):
            if len(_WORD.findall(sentence)) < MIN_WORDS:
                continue
            code, confidence = _identifier().classify(sentence)
            if code != language and confidence >= CONFIDENCE:
                found.add(code)
    return sorted(found)


def consistency_issues(source, target, language=None, source_language=None):
    """
    The findings of `target` against `source`, in a compact,
    language-neutral form stored with the state ('' when all agree): the
    numbers the target lacks or adds ("-6.3 +7.3"); given the target's
    `language`, the other languages it is partly written in ("lang:en");
    given both languages, the glossary terms it lacks
    ("term:Car%20of%20the%20Year", translations.glossary).
    """
    from .glossary import term_findings

    expected, actual = numbers(source), numbers(target)
    findings = [f"-{_fmt(n)}" for n in sorted((expected - actual).elements())]
    findings += [f"+{_fmt(n)}" for n in sorted((actual - expected).elements())]
    if language:
        findings += [LANGUAGE_FINDING + code for code in other_languages(target, language)]
    if language and source_language:
        findings += term_findings(source, target, source_language, language)
    return " ".join(findings)


def describe_issues(issues):
    """`consistency_issues`' compact form, told in the reader's language."""
    from .glossary import TERM_FINDING, describe_term

    tokens = (issues or "").split()
    missing = [token[1:] for token in tokens if token.startswith("-")]
    extra = [token[1:] for token in tokens if token.startswith("+")]
    foreign = [
        token.removeprefix(LANGUAGE_FINDING)
        for token in tokens
        if token.startswith(LANGUAGE_FINDING)
    ]
    parts = []
    if missing:
        parts.append(_("not in the translation: %s") % ", ".join(missing))
    if extra:
        parts.append(_("not in the source: %s") % ", ".join(extra))
    if foreign:
        names = ", ".join(str(get_language_info(code)["name_translated"]) for code in foreign)
        parts.append(_("text left in %s") % names)
    terms = [describe_term(token) for token in tokens if token.startswith(TERM_FINDING)]
    if terms:
        parts.append(_("glossary terms not rendered: %s") % ", ".join(terms))
    return "; ".join(parts)


def _fmt(number):
    return format(number, "f")
