"""
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

from dataclasses import dataclass

from django.urls import reverse

from . import memory, segments
from .registry import source_language, translatable_fields, value


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
    if memory.is_rich(type(obj), field):
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
    if not memory.is_rich(type(obj), field):
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
