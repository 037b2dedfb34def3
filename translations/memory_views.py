"""
The translation memory's TMX download and upload, in the admin, beside the
dashboard. Wired under `admin.site.admin_view`; each view also checks the
user's languages: a translator exports and imports the entries into their
languages only.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import ImportFileForm
from .registry import languages
from .rights import user_languages
from .tmx import MAX_FILE_SIZE, TmxRefused, export_entries, import_tmx, tmx_file_name, write_tmx


def export_view(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    language = request.GET.get("language", "")
    if language and language not in languages():
        return HttpResponseBadRequest(
            _("Choose one of your languages (%(languages)s).") % {"languages": ", ".join(own)},
            content_type="text/plain; charset=utf-8",
        )
    if language and language not in own:
        raise PermissionDenied
    response = HttpResponse(
        write_tmx(export_entries([language] if language else own).iterator(chunk_size=2000)),
        content_type="application/x-tmx+xml",
    )
    name = tmx_file_name(language or None)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def import_form(*args):
    return ImportFileForm(
        *args, max_size=MAX_FILE_SIZE, file_label=gettext_lazy("TMX file"), accept=".tmx"
    )


def import_view(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    report, errors = None, []
    if request.method == "POST":
        form = import_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                report = import_tmx(
                    form.cleaned_data["file"].read(),
                    allowed_languages=own,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except TmxRefused as refused:
                errors = refused.errors
    else:
        form = import_form()
    context = admin.site.each_context(request) | {
        "title": _("Import a translation memory (TMX)"),
        "form": form,
        "report": report,
        "errors": errors,
    }
    return render(request, "admin/translations/memory_import.html", context)
