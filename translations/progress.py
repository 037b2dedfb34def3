"""
How far the translation work has come.

Per language and per model, from the stored states (the dashboard, the
`translation_status` command); and per document, in segments (the queue
and the segment view):

How far a document's translation into one language has come, in segments.

A document is one object: its translatable fields in its source language.
Each field is cut as the segment view and the XLIFF `--segment` export cut
it (segments.py): a rich text that can be cut counts one segment per block
(paragraph, heading, list item), any other field with text one segment, a
field without source text none.

A segment counts as done when its field is current in the language (its
translation was saved or reviewed against today's source), so a field is
all done or all to do; a missing or outdated field's segments are all to do.
In the segment view, the field being translated counts instead the blocks
whose target is filled in, so the figure moves as the translator types.
"""

import dataclasses
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse

from . import segments
from .models import FieldTranslation, State
from .registry import (
    is_rich,
    languages,
    source_language,
    translatable_fields,
    translatable_models,
    value,
)


@dataclass
class Counts:
    current: int = 0
    outdated: int = 0
    missing: int = 0

    @property
    def total(self):
        return self.current + self.outdated + self.missing

    def percent(self, state):
        if not self.total:
            # Nothing to translate counts as done.
            return 100.0 if state == State.CURRENT else 0.0
        return round(100 * getattr(self, state) / self.total, 1)

    @property
    def percent_current(self):
        return self.percent("current")

    def as_dict(self):
        return {
            "current": self.current,
            "outdated": self.outdated,
            "missing": self.missing,
            "total": self.total,
            "percent": {state: self.percent(state) for state in State.values},
        }


@dataclass
class LanguageStatus:
    language: str
    total: Counts = dataclasses.field(default_factory=Counts)
    by_model: dict = dataclasses.field(default_factory=dict)


def translation_status(only_languages=None):
    """
    [LanguageStatus] for each language (or the ones asked for): counts of
    current, outdated and missing fields, in total and per model. One query.
    """
    codes = [code for code in languages() if not only_languages or code in only_languages]
    models = translatable_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    label_of = {ct.pk: model._meta.label_lower for model, ct in content_types.items()}
    result = {
        code: LanguageStatus(code, by_model={model._meta.label_lower: Counts() for model in models})
        for code in codes
    }
    rows = (
        FieldTranslation.objects.filter(language__in=codes)
        .values("language", "content_type", "state")
        .annotate(count=Count("id"))
    )
    for row in rows:
        label = label_of.get(row["content_type"])
        if label is None:
            continue
        status = result[row["language"]]
        for counts in (status.total, status.by_model[label]):
            setattr(counts, row["state"], getattr(counts, row["state"]) + row["count"])
    return list(result.values())


def consistency_rows(only_languages=None):
    """Current translations with findings (`with_findings`), as the dashboard counts them."""
    queryset = FieldTranslation.objects.with_findings().select_related("content_type")
    if only_languages:
        queryset = queryset.filter(language__in=only_languages)
    return queryset.order_by("content_type", "object_id", "field", "language")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 100


def field_segments(obj, field, source_lang=None):
    """The number of segments of `field`'s source text (see the module's docstring)."""
    source = value(obj, field, source_lang or source_language(obj))
    if not source:
        return 0
    if is_rich(type(obj), field):
        cut = segments.split(source)
        if cut is not None:
            return len(cut.blocks)
    return 1


def document_progress(obj, pending, *, field=None, filled=0):
    """
    Progress of `obj` in one language, `pending` naming its fields that are
    missing or outdated there; with `field`, that field counts `filled`
    segments done instead (the segment view's live count).
    """
    done = total = 0
    source_lang = source_language(obj)
    for name in translatable_fields(type(obj)):
        count = field_segments(obj, name, source_lang)
        total += count
        if name == field:
            done += min(filled, count)
        elif name not in pending:
            done += count
    return Progress(done, total)


def segments_url(obj, field, language):
    """The segment view of `obj`'s `field` in `language`, or "" when it cannot be cut."""
    if not is_rich(type(obj), field):
        return ""
    if segments.split(value(obj, field, source_language(obj))) is None:
        return ""
    return reverse("translations:segments", args=[language, obj._meta.label_lower, obj.pk, field])


def add_progress(entries, language):
    """
    The queue's entries (translations.views) with each document's progress
    and, beside each rich-text field that can be cut, its segment view. No
    query: the entries hold their objects and their pending fields already.
    """
    for entry in entries:
        obj = entry["object"]
        pending = {item["field"] for item in entry["fields"]}
        entry["progress"] = document_progress(obj, pending)
        for item in entry["fields"]:
            item["segments_url"] = segments_url(obj, item["field"], language)
    return entries
