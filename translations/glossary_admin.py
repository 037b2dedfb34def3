"""The glossary in the admin: editors maintain it, translators read it, anyone exports TBX."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .glossary import terms
from .models import Term, TermTranslation
from .tbx import glossary_tbx


class TermTranslationInline(admin.TabularInline):
    model = TermTranslation
    extra = 0


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "do_not_translate", "preferred_translations"]
    list_filter = ["do_not_translate"]
    search_fields = ["text", "translations__text"]
    inlines = [TermTranslationInline]
    change_list_template = "admin/translations/term_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("preferred translations"))
    def preferred_translations(self, term):
        return " · ".join(f"{t.language}: {t.text}" for t in term.translations.all())

    def get_urls(self):
        tbx = self.admin_site.admin_view(self.tbx_view)
        return [path("tbx/", tbx, name="translations_term_tbx"), *super().get_urls()]

    def tbx_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(glossary_tbx(terms()), content_type="application/x-tbx+xml")
        response["Content-Disposition"] = 'attachment; filename="renaulution-glossary.tbx"'
        return response
