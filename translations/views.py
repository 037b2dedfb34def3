"""The translation dashboard and the per-language work queues, in the admin."""

from collections import defaultdict

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from . import comments, memory
from .admin import change_url
from .consistency import describe_issues
from .diff import html_diff, word_diff
from .models import FINDINGS, FieldComment, FieldTranslation, MemoryEntry, State
from .progress import add_progress, translation_status
from .registry import (
    is_rich,
    languages,
    load_objects,
    translatable_fields,
    translatable_models,
    value,
)

# The one definition of who translates what; `translations.exchange` re-exports it.
from .rights import user_languages

QUEUE_PAGE_SIZE = 50
# Current translations with figures that differ from the source, shown under
# the queue: the newest ones, so the page stays bounded.
ISSUES_LIMIT = 50
PENDING = (State.MISSING, State.OUTDATED)
NO_FINDINGS = dict.fromkeys(FINDINGS, 0)


def language_name(code):
    return get_language_info(code)["name_translated"]


def dashboard(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    names = {
        model._meta.label_lower: model._meta.verbose_name_plural for model in translatable_models()
    }
    findings = FieldTranslation.objects.for_languages(own).finding_counts()
    open_comments = FieldComment.objects.open_counts(own)
    statuses = [
        {
            "code": status.language,
            "name": language_name(status.language),
            "total": status.total.as_dict(),
            "findings": findings.get(status.language, NO_FINDINGS),
            "open_comments": open_comments.get(status.language, 0),
            "models": [
                {"name": names[label], **counts.as_dict()}
                for label, counts in status.by_model.items()
            ],
        }
        for status in translation_status(own)
    ]
    memory_counts = dict(
        MemoryEntry.objects.for_languages(own)
        .values_list("target_language")
        .annotate(count=Count("id"))
        .order_by()
    )
    context = admin.site.each_context(request) | {
        "title": _("Translations"),
        "statuses": statuses,
        "findings": {kind: sum(counts[kind] for counts in findings.values()) for kind in FINDINGS},
        "memory": [
            {"code": code, "name": language_name(code), "count": memory_counts.get(code, 0)}
            for code in own
        ],
    }
    return render(request, "admin/translations/dashboard.html", context)


def queue(request, language):
    if language not in languages():
        raise Http404(_("There is no such language."))
    if language not in user_languages(request.user):
        raise PermissionDenied
    pending = (
        FieldTranslation.objects.filter(language=language, state__in=PENDING)
        .values("content_type", "object_id")
        .annotate(latest=Max("source_changed_at"))
        .order_by("-latest", "content_type", "object_id")
    )
    page = Paginator(pending, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    keys = [(item["content_type"], item["object_id"]) for item in page]
    in_language = FieldTranslation.objects.filter(language=language)
    issue_rows = list(
        in_language.with_findings().order_by(
            "-source_changed_at", "content_type", "object_id", "field"
        )[: ISSUES_LIMIT + 1]
    )
    more_issues = len(issue_rows) > ISSUES_LIMIT
    issue_rows = issue_rows[:ISSUES_LIMIT]
    comment_rows, open_comments = comments.queue_comments(language)
    objects = load_objects(
        keys
        + [(row.content_type_id, row.object_id) for row in issue_rows]
        + [(comment.content_type_id, comment.object_id) for comment in comment_rows]
    )
    context = admin.site.each_context(request) | {
        "title": _("Work queue: %(language)s") % {"language": language_name(language)},
        "language": language,
        "page_obj": page,
        "entries": add_progress(queue_entries(keys, language, objects), language),
        "issues": issue_entries(issue_rows, objects),
        "more_issues": more_issues,
        "findings": in_language.finding_counts().get(language, NO_FINDINGS),
        "comments": comments.queue_entries(comment_rows, objects, change_url),
        "open_comments": open_comments,
        "more_comments": max(open_comments - len(comment_rows), 0),
    }
    return render(request, "admin/translations/queue.html", context)


def queue_entries(keys, language, objects):
    """The queue's objects with their missing and outdated fields, in one query."""
    if not keys:
        return []
    rows = defaultdict(list)
    for row in FieldTranslation.objects.filter(
        language=language,
        state__in=PENDING,
        content_type__in={key[0] for key in keys},
        object_id__in={key[1] for key in keys},
    ):
        rows[(row.content_type_id, row.object_id)].append(row)
    entries, pending = [], []
    for key in keys:
        obj = objects.get(key)
        if obj is None:  # deleted since its rows were written
            continue
        fields = []
        for row in sorted_rows(obj, rows[key]):
            fields.append(field_entry(obj, row))
            pending.append((obj, row, fields[-1]))
        entries.append(object_entry(obj) | {"fields": fields})
    add_memory_matches(pending, language)
    return entries


def add_memory_matches(pending, language):
    """
    Each pending field's count of segments the memory has a match for, and
    the best match's percentage: one query per source language for the page.
    """
    by_source = defaultdict(list)
    for obj, row, entry in pending:
        rich = is_rich(type(obj), row.field)
        segments = [
            memory.normalize(segment, rich)
            for segment in memory.segments(value(obj, row.field, row.source_language), rich)
        ]
        by_source[row.source_language].append((entry, segments))
    for source_lang, items in by_source.items():
        texts = [segment for _entry, segments in items for segment in segments]
        found = iter(memory.suggest_many(texts, source_lang, language, limit=1))
        for entry, segments in items:
            best = [matches[0].percent for matches in (next(found) for _s in segments) if matches]
            entry["memory"] = {"matched": len(best), "best": max(best, default=0)}


def issue_entries(rows, objects):
    """Current translations whose figures differ from the source, grouped by object."""
    grouped = {}
    for row in rows:
        obj = objects.get((row.content_type_id, row.object_id))
        if obj is None or not sorted_rows(obj, [row]):  # deleted, or a field gone since
            continue
        key = (row.content_type_id, row.object_id)
        if key not in grouped:
            grouped[key] = object_entry(obj) | {"fields": []}
        grouped[key]["fields"].append(field_entry(obj, row))
    return list(grouped.values())


def object_entry(obj):
    opts = obj._meta
    return {
        "object": obj,
        "model": opts.verbose_name,
        "url": change_url(obj),
    }


def sorted_rows(obj, rows):
    """
    The rows in the order of the model's translatable fields. A row of a
    field the model no longer translates (renamed or dropped since; the next
    save or `translation_status --rebuild` deletes it) is left out: it has
    no column to show.
    """
    order = {name: index for index, name in enumerate(translatable_fields(type(obj)))}
    return sorted((row for row in rows if row.field in order), key=lambda row: order[row.field])


def field_entry(obj, row):
    source = value(obj, row.field, row.source_language)
    diff = diff_html = None
    if row.state == State.OUTDATED and row.translated_source:
        diff = word_diff(row.translated_source, source)
        if is_rich(type(obj), row.field):
            # The same changes in the source's own structure (lists, headings).
            diff_html = html_diff(row.translated_source, source)
    return {
        "field": row.field,
        "name": obj._meta.get_field(f"{row.field}_{row.language}").verbose_name,
        "state": row.get_state_display(),
        "state_code": row.state,
        "issues": describe_issues(row.issues),
        "source_language": row.source_language,
        "source": strip_tags(source),
        "diff": diff,
        "diff_html": diff_html,
    }
