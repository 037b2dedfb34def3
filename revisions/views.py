"""
An object's history, the compare of two of its revisions, and the restore of
one: admin views, reached through RevisionsAdminMixin's URLs.
"""

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .compare import changes
from .services import restore as restore_version
from .services import versions_of
from .states import Restorable, limited, live_state, version_state

HISTORY_PAGE_SIZE = 50


def describe(comment):
    """
    A revision's comment in the reader's language: the admin's change
    messages are stored as data, the others as message ids.
    """
    if not comment or comment.startswith("["):
        return LogEntry(change_message=comment or "").get_change_message()
    return _(comment)


def _object(model_admin, request, object_id, *, restore=False):
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404(_("There is no such object."))
    allowed = (
        model_admin.has_restore_permission(request, obj)
        if restore
        else model_admin.has_view_or_change_permission(request, obj)
    )
    if not allowed:
        raise PermissionDenied
    return obj


def _url(model_admin, view, *args):
    opts = model_admin.opts
    return reverse(
        f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}",
        args=[quote(arg) if isinstance(arg, str) else arg for arg in args],
    )


def _render(model_admin, request, obj, template, title, **extra):
    """One of the revisions pages, in the admin's frame (breadcrumbs, sidebar)."""
    opts = model_admin.opts
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "object": obj,
        "opts": opts,
        "module_name": str(capfirst(opts.verbose_name_plural)),
        "history_url": _url(model_admin, "history", str(obj.pk)),
        **extra,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, f"admin/revisions/{template}", context)


def _entries(model_admin, obj, versions):
    return [
        {
            "version": version,
            "revision": version.revision,
            "comment": describe(version.revision.comment),
            "restore_url": _url(model_admin, "revisions_restore", str(obj.pk), version.pk),
        }
        for version in versions
    ]


def history(model_admin, request, object_id, extra_context=None):
    obj = _object(model_admin, request, object_id)
    page = Paginator(versions_of(obj), HISTORY_PAGE_SIZE).get_page(request.GET.get("p"))
    return _render(
        model_admin,
        request,
        obj,
        "history.html",
        _("Change history: %s") % obj,
        page_obj=page,
        entries=_entries(model_admin, obj, page),
        compare_url=_url(model_admin, "revisions_compare", str(obj.pk)),
        may_restore=model_admin.has_restore_permission(request, obj),
        **(extra_context or {}),
    )


def _version(obj, value):
    """The version of `obj` whose id is `value`, else 404 (also for an odd value)."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404(_("There is no such revision.")) from None
    version = versions_of(obj).filter(pk=pk).first()
    if version is None:
        raise Http404(_("There is no such revision."))
    return version


def compare(model_admin, request, object_id):
    """
    Two revisions of the object, `old` and `new` in the query: by default
    the latest one and the one before it.
    """
    obj = _object(model_admin, request, object_id)
    if "old" in request.GET or "new" in request.GET:
        old, new = _version(obj, request.GET.get("old")), _version(obj, request.GET.get("new"))
    else:
        latest = list(versions_of(obj)[:2])
        if len(latest) < 2:
            messages.info(request, _("There are not two revisions to compare yet."))
            return redirect(_url(model_admin, "history", str(obj.pk)))
        new, old = latest
    if old.pk > new.pk:
        old, new = new, old
    return _render(
        model_admin,
        request,
        obj,
        "compare.html",
        _("Compare revisions: %s") % obj,
        here=pgettext("revisions", "Compare"),
        old=_entries(model_admin, obj, [old])[0],
        new=_entries(model_admin, obj, [new])[0],
        sections=changes(version_state(old), version_state(new)),
        may_restore=model_admin.has_restore_permission(request, obj),
    )


def restore(model_admin, request, object_id, version_id):
    """GET: what the restore would change, and a button; POST: restore, as a new revision."""
    obj = _object(model_admin, request, object_id, restore=True)
    version = _version(obj, version_id)
    languages = model_admin.translator_languages(request)
    if request.method == "POST":
        try:
            restore_version(version, user=request.user, languages=languages)
        except Restorable.Refused as refusal:
            messages.error(
                request,
                _("Nothing was restored: %(reasons)s") % {"reasons": "; ".join(refusal.reasons)},
            )
            return redirect(_url(model_admin, "history", str(obj.pk)))
        if languages is None:
            message = _("The revision of %(date)s was restored, as a new revision.")
        else:
            message = _(
                "The fields of your languages were restored from the revision of %(date)s, "
                "as a new revision."
            )
        messages.success(request, message % {"date": _date(version)})
        return redirect(_url(model_admin, "change", str(obj.pk)))
    current, target = live_state(obj), version_state(version)
    if languages is not None:
        target = limited(current, target, languages)
    return _render(
        model_admin,
        request,
        obj,
        "restore.html",
        _("Restore a revision: %s") % obj,
        here=pgettext("revisions", "Restore"),
        entry=_entries(model_admin, obj, [version])[0],
        sections=changes(current, target),
        languages=languages,
    )


def _date(version):
    return date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
