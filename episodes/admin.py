from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from renaulution.admin import PUBLICATION_FIELDSET, ContentAdmin, image_preview
from translations.admin import TranslatorRestrictionsMixin

from .models import Episode, EpisodeCompany, Series, SeriesProducer


class SeriesProducerInline(admin.TabularInline):
    model = SeriesProducer
    extra = 1
    autocomplete_fields = ["company"]


class EpisodeInline(TranslatorRestrictionsMixin, TranslationStackedInline):
    model = Episode
    extra = 0
    show_change_link = True
    fields = ["number", "title", "slug", "runtime_minutes", "release_date", "status"]
    prepopulated_fields = {"slug_en": ["title_en"]}


class EpisodeCompanyInline(admin.TabularInline):
    model = EpisodeCompany
    extra = 1
    autocomplete_fields = ["company"]


@admin.register(Series)
class SeriesAdmin(ContentAdmin):
    list_display = ["title", "premiere_date", "platform", "published_column", "languages_column"]
    list_filter = ["status"]
    list_select_related = ["platform"]
    search_fields = ["title", "tagline"]
    date_hierarchy = "premiere_date"
    autocomplete_fields = ["platform", "subject"]
    readonly_fields = ["poster_preview"]
    inlines = [SeriesProducerInline, EpisodeInline]
    fieldsets = [
        (None, {"fields": ["title", "tagline", "synopsis"]}),
        (None, {"fields": ["premiere_date", "platform", "subject"]}),
        (None, {"fields": ["poster", "poster_preview", "poster_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    poster_preview = image_preview("poster", "preview")


@admin.register(Episode)
class EpisodeAdmin(ContentAdmin):
    list_display = [
        "title",
        "series",
        "number",
        "release_date",
        "published_column",
        "languages_column",
    ]
    list_filter = ["status", "series"]
    list_select_related = ["series"]
    search_fields = ["title", "synopsis"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug_en": ["title_en"]}
    autocomplete_fields = ["series", "people"]
    readonly_fields = ["still_preview"]
    inlines = [EpisodeCompanyInline]
    fieldsets = [
        (None, {"fields": ["series", "number", "title", "slug", "synopsis"]}),
        (None, {"fields": ["runtime_minutes", "release_date", "people"]}),
        (None, {"fields": ["still", "still_preview", "still_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    still_preview = image_preview("still", "preview")
