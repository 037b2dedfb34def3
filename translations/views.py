"""The translation dashboard and the per-language work queues, in the admin."""

from collections import defaultdict

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .consistency import describe_issues
from .models import FieldTranslation, State
from .registry import languages, translatable_models, value
from .rights import user_languages
from .status import translation_status

QUEUE_PAGE_SIZE = 50


def dashboard(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    names = {
        model._meta.label_lower: model._meta.verbose_name_plural for model in translatable_models()
    }
    statuses = [
        {
            "code": status.language,
            "name": get_language_info(status.language)["name_translated"],
            "total": status.total,
            "models": [
                (names[label], counts) for label, counts in status.by_model.items() if counts.total
            ],
        }
        for status in translation_status(own)
    ]
    context = admin.site.each_context(request) | {
        "title": _("Translations"),
        "statuses": statuses,
        "issues_count": FieldTranslation.objects.for_languages(own).exclude(issues="").count(),
    }
    return render(request, "admin/translations/dashboard.html", context)


def queue(request, language):
    if language not in languages():
        raise Http404(_("There is no such language."))
    if language not in user_languages(request.user):
        raise PermissionDenied
    pending = (
        FieldTranslation.objects.filter(language=language)
        .exclude(state=State.CURRENT, issues="")
        .values("content_type", "object_id")
        .annotate(latest=Max("source_changed_at"))
        .order_by("-latest", "content_type", "object_id")
    )
    page = Paginator(pending, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    keys = [(item["content_type"], item["object_id"]) for item in page]
    context = admin.site.each_context(request) | {
        "title": _("Work queue: %(language)s")
        % {"language": get_language_info(language)["name_translated"]},
        "language": language,
        "page_obj": page,
        "entries": queue_entries(keys, language),
    }
    return render(request, "admin/translations/queue.html", context)


def queue_entries(keys, language):
    """The queue's objects with their fields to do, in a constant number of queries."""
    if not keys:
        return []
    by_type = defaultdict(list)
    for content_type_id, object_id in keys:
        by_type[content_type_id].append(object_id)
    rows = defaultdict(list)
    for row in (
        FieldTranslation.objects.filter(language=language, object_id__in=[k[1] for k in keys])
        .filter(content_type__in=list(by_type))
        .exclude(state=State.CURRENT, issues="")
    ):
        rows[(row.content_type_id, row.object_id)].append(row)
    objects = {}
    for content_type_id, ids in by_type.items():
        # get_for_id is cached by ContentType's manager: no query after the first.
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for pk, obj in model._base_manager.in_bulk(ids).items():
            objects[(content_type_id, pk)] = obj
    entries = []
    for key in keys:
        obj = objects.get(key)
        if obj is None:
            continue
        opts = obj._meta
        entries.append(
            {
                "object": obj,
                "model": opts.verbose_name,
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
                "fields": [
                    {
                        "name": opts.get_field(f"{row.field}_{language}").verbose_name,
                        "state": row.get_state_display(),
                        "state_code": row.state,
                        "issues": describe_issues(row.issues),
                        "source": value(obj, row.field, row.source_language),
                    }
                    for row in sorted(rows[key], key=lambda row: row.field)
                ],
            }
        )
    return entries
