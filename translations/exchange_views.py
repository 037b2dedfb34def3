"""Download and upload of exchange files from the translation dashboard."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exchange import ImportFailed, export_units, import_translations, write_po, write_xliff
from .registry import languages
from .rights import user_languages

MAX_UPLOAD = 5 * 1024 * 1024
FORMATS = {
    "xliff": (write_xliff, "xlf", "application/x-xliff+xml"),
    "po": (write_po, "po", "text/x-gettext-translation"),
}


def export_view(request):
    language = request.GET.get("language", "")
    format_ = request.GET.get("format", "xliff")
    if language not in languages() or format_ not in FORMATS:
        return HttpResponseBadRequest(_("Choose a language and a format (xliff or po)."))
    if language not in user_languages(request.user):
        raise PermissionDenied
    write, extension, content_type = FORMATS[format_]
    units = export_units(language, only_pending=request.GET.get("pending") == "1")
    response = HttpResponse(write(units, target_language=language), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="renaulution-{language}.{extension}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLIFF or PO file"))
    force = forms.BooleanField(
        required=False,
        label=gettext_lazy("Also apply units whose source changed since the export"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


def import_view(request):
    own = user_languages(request.user)
    if not own:
        raise PermissionDenied
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = import_translations(
                form.cleaned_data["file"].read(),
                force=form.cleaned_data["force"],
                languages_allowed=own,
            )
        except ImportFailed as failure:
            report = failure.report
            messages.error(request, _("Nothing was imported: the file has errors."))
        else:
            messages.success(
                request,
                _("%(count)d fields updated.") % {"count": report.updated},
            )
    context = admin.site.each_context(request) | {
        "title": _("Import translations"),
        "form": form,
        "report": report,
    }
    return render(request, "admin/translations/import.html", context)
