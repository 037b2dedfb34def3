from django.contrib import admin
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from renaulution.admin import PUBLICATION_FIELDSET, ContentAdmin, image_preview
from renaulution.admin_scale import VectorSearchMixin, localized

from .models import Episode, EpisodeCompany, Series, SeriesProducer


class SeriesProducerInline(admin.TabularInline):
    model = SeriesProducer
    extra = 1
    autocomplete_fields = ["company"]


# The series form lists this many episodes, with a link to all of them.
EPISODES_LISTED = 50


class EpisodeCompanyInline(admin.TabularInline):
    model = EpisodeCompany
    extra = 1
    autocomplete_fields = ["company"]


@admin.register(Series)
class SeriesAdmin(ContentAdmin):
    list_display = [
        "title",
        "premiere_date",
        "platform",
        "publication_state_column",
        "languages_column",
    ]
    list_filter = ["status"]
    list_select_related = ["platform"]
    search_fields = localized("title", "tagline", "synopsis", "reception")
    date_hierarchy = "premiere_date"
    autocomplete_fields = ["platform", "subject"]
    readonly_fields = ["poster_preview"]
    # Episodes are edited on their own page, not inline: a series of a few
    # hundred episodes would post more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS
    # allows (400 TooManyFieldsSent), and the form would be too long to use.
    inlines = [SeriesProducerInline]
    fieldsets = [
        (None, {"fields": ["title", "tagline", "synopsis"]}),
        (_("Reception"), {"fields": ["reception"]}),
        (None, {"fields": ["premiere_date", "platform", "watch_url", "subject"]}),
        (None, {"fields": ["poster", "poster_preview", "poster_alt"]}),
        PUBLICATION_FIELDSET,
    ]
    poster_preview = image_preview("poster", "preview")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["episode_list"] = self.episode_list(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def episode_list(self, request, series):
        """The series' first episodes as links, and where to see or add the others."""
        episodes = series.episodes.order_by("number")[:EPISODES_LISTED]
        can_add = self.admin_site._registry[Episode].has_add_permission(request)
        add_url = reverse("admin:episodes_episode_add") + "?" + urlencode({"series": series.pk})
        return {
            "episodes": [
                (episode, reverse("admin:episodes_episode_change", args=[episode.pk]))
                for episode in episodes
            ],
            "total": series.episodes.count(),
            "all_url": reverse("admin:episodes_episode_changelist")
            + "?"
            + urlencode({"series__id__exact": series.pk}),
            "add_url": add_url if can_add else "",
        }


@admin.register(Episode)
class EpisodeAdmin(VectorSearchMixin, ContentAdmin):
    list_display = [
        "title",
        "series",
        "number",
        "release_date",
        "publication_state_column",
        "languages_column",
    ]
    list_filter = ["status", "series"]
    list_select_related = ["series"]
    search_fields = localized("title", "slug", "synopsis")
    date_hierarchy = "release_date"
    # Each language's slug from that language's title, on the add form.
    prepopulated_fields = {"slug": ["title"]}
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
