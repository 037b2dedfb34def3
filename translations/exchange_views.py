"""
Download and upload of exchange files (XLIFF 1.2, PO) in the admin.

Wired under `admin.site.admin_view` at /admin/translations/export/ and
/admin/translations/import/; each view also checks the user's languages.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from revisions.services import recording

from .exchange import (
    MAX_FILE_SIZE,
    ImportFailed,
    export_units,
    import_translations,
    user_languages,
    write_po,
    write_xliff,
)
from .forms import ImportFileForm
from .registry import languages

FORMATS = {
    "xliff": (write_xliff, "xlf", "application/x-xliff+xml"),
    "po": (write_po, "po", "text/x-gettext-translation; charset=utf-8"),
}


def export_view(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    language = request.GET.get("language", "")
    format_ = request.GET.get("format", "xliff")
    if language not in languages() or format_ not in FORMATS:
        return HttpResponseBadRequest(
            _("Choose a language (%(languages)s) and a format (xliff or po).")
            % {"languages": ", ".join(languages())},
            content_type="text/plain; charset=utf-8",
        )
    if language not in own:
        raise PermissionDenied
    write, extension, content_type = FORMATS[format_]
    units = export_units(
        language,
        only_pending=request.GET.get("pending") == "1",
        languages_allowed=own,
        segment=request.GET.get("segment") == "1",
        # XLIFF only: PO has no state that says "to review" (see export_translations).
        prefill=format_ == "xliff" and request.GET.get("prefill") == "1",
    )
    response = HttpResponse(write(units, target_language=language), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="renaulution-{language}.{extension}"'
    return response


class ExchangeImportForm(ImportFileForm):
    """The XLIFF/PO upload, which may also apply units changed since the export."""

    force = forms.BooleanField(
        required=False,
        label=gettext_lazy("Also apply units whose source or translation changed since the export"),
    )
    field_order = ["file", "force", "dry_run"]


def import_form(*args):
    return ExchangeImportForm(
        *args,
        max_size=MAX_FILE_SIZE,
        file_label=gettext_lazy("XLIFF or PO file"),
        accept=".xlf,.xliff,.po",
    )


def import_view(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = import_form(request.POST, request.FILES)
        if form.is_valid():
            report = _import(request, form, own)
    else:
        form = import_form()
    try:
        dashboard_url = reverse("translations:dashboard")
    except NoReverseMatch:
        dashboard_url = ""
    context = admin.site.each_context(request) | {
        "title": _("Import translations"),
        "form": form,
        "report": report,
        "dashboard_url": dashboard_url,
    }
    return render(request, "admin/translations/import.html", context)


def _import(request, form, own):
    try:
        # The revisions the import records are the user's.
        with recording(user=request.user):
            report = import_translations(
                form.cleaned_data["file"].read(),
                force=form.cleaned_data["force"],
                languages_allowed=own,
                dry_run=form.cleaned_data["dry_run"],
            )
    except ImportFailed as failure:
        messages.error(
            request,
            ngettext(
                "Nothing was imported: the file has %(count)d error.",
                "Nothing was imported: the file has %(count)d errors.",
                len(failure.report.errors),
            )
            % {"count": len(failure.report.errors)},
        )
        return failure.report
    if report.dry_run:
        summary = _("Dry run, nothing was changed: %(summary)s") % {
            "summary": ngettext(
                "%(count)d field would be updated",
                "%(count)d fields would be updated",
                report.updated,
            )
            % {"count": report.updated}
        }
    else:
        summary = ngettext(
            "%(count)d field updated", "%(count)d fields updated", report.updated
        ) % {"count": report.updated}
    if report.skipped_changed_source:
        summary += "; " + _("%(count)d skipped because their source changed since the export") % {
            "count": len(report.skipped_changed_source)
        }
    if report.skipped_changed_target:
        summary += "; " + _(
            "%(count)d skipped because someone changed the translation since the export"
        ) % {"count": len(report.skipped_changed_target)}
    if report.skipped_unreviewed:
        summary += "; " + _(
            "%(count)d skipped because their translation pre-filled from the memory "
            "was not reviewed"
        ) % {"count": len(report.skipped_unreviewed)}
    skipped = (
        report.skipped_changed_source or report.skipped_changed_target or report.skipped_unreviewed
    )
    level = messages.WARNING if skipped else messages.SUCCESS
    messages.add_message(request, level, summary + ".")
    return report
