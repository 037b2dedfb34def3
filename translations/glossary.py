"""
The glossary (termbase): which terms a translation must carry.

A term of the source found in a source text (whole words, any case) must
appear in the translation as the target language writes it: unchanged for
a do-not-translate term ("ElectriCity"), its preferred translation
otherwise ("Car of the Year" → "Voiture de l'année"). A term with no
expression in one of the two languages is not checked for that pair.

The terms are read once per process and read again when the glossary
changes (a version in the cache, renewed on every save or delete),
so checking a save costs no query. A cache without the version (cleared,
or down) means the terms are read again. When a term changes, its texts
are recorded (`GlossaryRecheck`, in the same transaction) and the
translations whose text holds one are checked again by the next run of
`publish_scheduled` (every minute): at 100,000 objects that search does not
belong in the editor's request.
"""

import functools
import re
import uuid
from urllib.parse import quote, unquote

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.html import strip_tags

TERM_FINDING = "term:"
_VERSION_KEY = "translations:glossary-version"
_loaded = {"version": None, "terms": []}


def expression(term, language):
    """How `language` writes `term` (a dict from `terms()`), or None."""
    if term["do_not_translate"] or language == "en":
        return term["text"]
    return term["translations"].get(language)


def terms():
    """Every term: [{text, do_not_translate, translations: {language: text}}]."""
    from .models import Term

    version = cache.get(_VERSION_KEY)
    if version is None:  # a cleared or new cache: read the terms again
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY)
    if version is None or _loaded["version"] != version:
        _loaded["terms"] = [
            {
                "text": term.text,
                "do_not_translate": term.do_not_translate,
                "translations": {t.language: t.text for t in term.translations.all()},
            }
            for term in Term.objects.prefetch_related("translations")
        ]
        _loaded["version"] = version
    return _loaded["terms"]


def glossary_changed():
    """Every process reads the terms again before its next check."""
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


@functools.lru_cache(maxsize=2048)
def _pattern(text):
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE)


def contains(text, phrase):
    return bool(phrase) and _pattern(phrase).search(text) is not None


def source_terms(text, source_language, language):
    """The terms of `text` with their expression in both languages: [(term, source, target)]."""
    plain = strip_tags(text or "")
    found = []
    for term in terms():
        source, target = expression(term, source_language), expression(term, language)
        if source and target and contains(plain, source):
            found.append((term, source, target))
    return found


def term_findings(source, target, source_language, language):
    """The findings of the terms the target lacks: ["term:Car%20of%20the%20Year"]."""
    plain = strip_tags(target or "")
    return [
        TERM_FINDING + quote(term["text"])
        for term, _source, expected in source_terms(source, source_language, language)
        if not contains(plain, expected)
    ]


def describe_term(token):
    """The English term of a `term_findings` token."""
    return unquote(token.removeprefix(TERM_FINDING))


def recheck_changed_terms(*, since=None, now=None):
    """
    The scheduler's task: check again the translations holding a phrase of
    a term that changed, then forget those phrases. The number of phrases.
    Rows recorded while it runs wait for the next run; two schedulers do not
    take the same rows (on PostgreSQL).
    """
    from .models import GlossaryRecheck
    from .tracking import recheck_containing

    pending = list(
        GlossaryRecheck.objects.select_for_update(skip_locked=True).values_list("pk", "phrase")
    )
    if not pending:
        return 0
    # The terms as the database holds them now: this process's copy may be
    # older than the change, whatever a per-process cache says.
    _loaded["version"] = None
    phrases = sorted({phrase for _pk, phrase in pending})
    recheck_containing(phrases)
    GlossaryRecheck.objects.filter(pk__in=[pk for pk, _phrase in pending]).delete()
    return len(phrases)


def _record_recheck(phrases):
    from .models import GlossaryRecheck

    GlossaryRecheck.objects.bulk_create(
        [GlossaryRecheck(phrase=phrase) for phrase in sorted(phrases) if phrase]
    )


def _phrases(instance):
    """The texts a term's row holds, as stored before this change and as it is now."""
    from .models import Term

    term = instance if isinstance(instance, Term) else instance.term
    texts = {term.text, instance.text, *getattr(instance, "_stored_texts", ())}
    if isinstance(instance, Term) and instance.pk:
        texts.update(instance.translations.values_list("text", flat=True))
    return texts


def _remember_stored(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._stored_texts = set(
            sender._base_manager.filter(pk=instance.pk).values_list("text", flat=True)
        )


def _term_changed(sender, instance, raw=False, **kwargs):
    glossary_changed()
    if not raw:
        # The translations already checked may now lack, or carry, a term.
        _record_recheck(_phrases(instance))


def connect():
    from .models import Term, TermTranslation

    for model in (Term, TermTranslation):
        name = model.__name__
        pre_save.connect(_remember_stored, sender=model, dispatch_uid=f"glossary-pre-{name}")
        post_save.connect(_term_changed, sender=model, dispatch_uid=f"glossary-{name}")
        post_delete.connect(_term_changed, sender=model, dispatch_uid=f"glossary-del-{name}")
