from django.contrib import admin

from renaulution.admin import PUBLICATION_FIELDSET, ContentAdmin, image_preview
from renaulution.admin_scale import ChosenObjectFilter, localized

from .models import Milestone


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = [
        "title",
        "date",
        "precision",
        "publication_state_column",
        "languages_column",
    ]
    # Not a filter of every company (thousands): `?companies=<id>` filters.
    list_filter = ["status", "precision", ChosenObjectFilter.for_field("companies")]
    search_fields = [*localized("title", "summary"), "slug"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["companies", "people", "episodes", "press_releases"]
    readonly_fields = ["image_preview"]
    fieldsets = [
        (None, {"fields": ["date", "precision", "title", "slug", "summary"]}),
        (None, {"fields": ["companies", "people", "episodes", "press_releases"]}),
        (None, {"fields": ["image", "image_preview", "image_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    image_preview = image_preview("image", "preview")
