from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from renaulution.admin import PUBLICATION_FIELDSET, ContentAdmin, image_preview
from renaulution.admin_limits import CharacterLimitsAdminMixin
from renaulution.admin_scale import ChosenObjectFilter, VectorSearchMixin, YearFilter, localized
from translations.admin import TranslatorRestrictionsMixin

from .models import Company, Person, Position, PressRelease


class PositionInline(
    CharacterLimitsAdminMixin, TranslatorRestrictionsMixin, TranslationTabularInline
):
    model = Position
    extra = 1
    autocomplete_fields = ["company"]
    fields = ["company", "title", "start_date", "end_date"]


@admin.register(Company)
class CompanyAdmin(VectorSearchMixin, ContentAdmin):
    list_display = ["name", "kind", "parent", "publication_state_column", "languages_column"]
    # No parent filter: it would list every company (thousands); the parent
    # is found by search, and `?parent=<id>` still filters.
    list_filter = ["status", "kind", ChosenObjectFilter.for_field("parent")]
    list_select_related = ["parent"]
    # The SQLite fallback, over the fields of the stored vectors PostgreSQL
    # searches (every language's): what one backend finds, the other does.
    search_fields = ["name", *localized("slug", "tagline", "description", "headquarters")]
    # The name is the same in every language: the other languages' slugs
    # stay empty and fall back to the English one, rather than copy it.
    prepopulated_fields = {"slug_en": ["name"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["logo_preview"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "parent", "tagline", "description"]}),
        (None, {"fields": ["founded_year", "headquarters", "website"]}),
        (None, {"fields": ["logo", "logo_preview", "logo_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    logo_preview = image_preview("logo", "preview")


@admin.register(Person)
class PersonAdmin(VectorSearchMixin, ContentAdmin):
    list_display = ["name", "headline", "publication_state_column", "languages_column"]
    list_filter = ["status"]
    search_fields = ["name", *localized("slug", "headline", "biography")]
    prepopulated_fields = {"slug_en": ["name"]}
    readonly_fields = ["portrait_preview"]
    inlines = [PositionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "headline", "biography"]}),
        (None, {"fields": ["portrait", "portrait_preview", "portrait_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    portrait_preview = image_preview("portrait", "preview")


@admin.register(PressRelease)
class PressReleaseAdmin(VectorSearchMixin, ContentAdmin):
    list_display = [
        "title",
        "kind",
        "company",
        "issued_on",
        "original_language",
        "publication_state_column",
        "languages_column",
    ]
    # Not a filter of every company (thousands): search finds a company's
    # releases by its name, and `?company=<id>` filters (shown when set).
    list_filter = [
        "status",
        "kind",
        "original_language",
        YearFilter.for_field("issued_on"),
        ChosenObjectFilter.for_field("company"),
    ]
    list_select_related = ["company"]
    search_fields = [*localized("title", "slug", "summary", "body"), "company__name"]
    vector_search_related = ["company"]
    # Years as a filter, not `date_hierarchy`, which reads every row's date
    # on every request (see YearFilter).
    # Each language's slug from that language's title, on the add form
    # (modeltranslation makes slug_fr ← title_fr of "slug" ← "title").
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["company", "people"]
    readonly_fields = ["image_preview"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "body"]}),
        (
            None,
            {
                "fields": [
                    "company",
                    "people",
                    "issued_on",
                    "date_estimated",
                    "original_language",
                ]
            },
        ),
        (
            _("Source"),
            {
                "fields": ["source_name", "source_url", "press_contact"],
                "description": _(
                    "For a press release: where it was published and whom the press "
                    "may contact. A background article has none."
                ),
            },
        ),
        (None, {"fields": ["image", "image_preview", "image_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    image_preview = image_preview("image", "preview")
