from modeltranslation.translator import TranslationOptions, register

from companies.translation import SLUG_AS_NULL

from .models import Episode, Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("title", "tagline", "synopsis", "poster_alt")
    required_languages = {"en": ("title",), "default": ()}


@register(Episode)
class EpisodeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "synopsis", "still_alt")
    required_languages = {"en": ("title", "slug"), "default": ()}
    empty_values = SLUG_AS_NULL
