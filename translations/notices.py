"""
What readers are told about the translation of the page they read.

`coverage(obj)` reads the object's translation states in one query; the
detail views put it in the context (`TranslationNoticeMixin`), where
`notice()` turns it into the
sentences shown under the title and `language_links` leaves mostly missing
languages out of the hreflang alternates. The sitemap does the same for
many objects at once with `mostly_missing_by_object`.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils.translation import get_language, override

from renaulution import languages

from .models import FieldTranslation, State
from .registry import source_language


def source_version_text(source):
    """The source-language link's text, in that language (renaulution/languages.py)."""
    return languages.get(source).source_version


def _outdated(source):
    return str(languages.get(source).outdated_notice)


def _missing(source):
    return str(languages.get(source).missing_notice)


@dataclass
class Coverage:
    """The states of one object's fields, per target language."""

    source_language: str
    states: dict = field(default_factory=dict)  # language -> {state: count}

    def count(self, language, state):
        return self.states.get(language, {}).get(state, 0)

    def total(self, language):
        """Fields with a non-empty source, i.e. the fields to translate into `language`."""
        return sum(self.states.get(language, {}).values())

    def mostly_missing(self):
        """Languages in which more than half of the fields to translate are missing."""
        return {
            language
            for language in self.states
            if self.count(language, State.MISSING) * 2 > self.total(language)
        }

    def notice(self, language):
        """
        What to tell a reader of `language`, or None when there is nothing to
        say (the source language itself, or everything current):
        {language, source_language, outdated, missing, sentences}.
        """
        if language == self.source_language:
            return None
        outdated = self.count(language, State.OUTDATED)
        missing = self.count(language, State.MISSING)
        if not outdated and not missing:
            return None
        sentences = []
        if outdated:
            sentences.append(_outdated(self.source_language))
        if missing:
            sentences.append(_missing(self.source_language))
        return {
            "language": language,
            "source_language": self.source_language,
            "outdated": outdated,
            "missing": missing,
            "sentences": sentences,
        }


def coverage(obj):
    """The object's translation coverage, in one query."""
    result = Coverage(source_language(obj))
    for row in FieldTranslation.objects.for_object(obj).values("language", "state"):
        counts = result.states.setdefault(row["language"], {})
        counts[row["state"]] = counts.get(row["state"], 0) + 1
    return result


def notice(obj, language, *, from_coverage=None):
    """
    The notice for a reader of `obj` in `language` (dict or None), see
    `Coverage.notice`; pass the object's coverage if it is already read.
    """
    return (from_coverage or coverage(obj)).notice(language)


def mostly_missing_by_object(queryset):
    """
    {pk: languages mostly missing} for the objects of `queryset`, in one
    query, by the rule of `Coverage.mostly_missing` (more than half of the
    fields to translate are missing). Objects with no such language are left
    out. The objects are selected by a subquery, not a list of ids, so this
    scales to any number of objects.
    """
    opts = queryset.model._meta
    of_model = FieldTranslation.objects.filter(
        content_type__app_label=opts.app_label, content_type__model=opts.model_name
    )
    # Only objects with a missing field can have a language mostly missing:
    # on a translated archive that is a few of 100,000, found through the
    # (content type, state, object) index, and only their rows are grouped.
    with_missing = of_model.filter(state=State.MISSING).values("object_id")
    rows = (
        of_model.filter(
            object_id__in=with_missing,
        )
        .filter(object_id__in=queryset.order_by().values("pk"))
        .order_by()
        .values("object_id", "language")
        .annotate(missing=Count("pk", filter=Q(state=State.MISSING)), total=Count("pk"))
        .alias(twice_missing=F("missing") * 2)
        .filter(twice_missing__gt=F("total"))
    )
    result = {}
    for row in rows:
        result.setdefault(row["object_id"], set()).add(row["language"])
    return result


class TranslationNoticeMixin:
    """
    For the `DetailView` of a translated object: the object's coverage
    (`translation_coverage`, for the hreflang alternates) and what to tell a
    reader of the active language (`translation_notice`, under the title),
    with a link to the source-language version.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        translation_coverage = coverage(self.object)
        context["translation_coverage"] = translation_coverage
        found = notice(self.object, get_language(), from_coverage=translation_coverage)
        if found:
            source = found["source_language"]
            with override(source):
                found["source_url"] = self.object.get_absolute_url()
            found["source_link"] = source_version_text(source)
        context["translation_notice"] = found
        return context
