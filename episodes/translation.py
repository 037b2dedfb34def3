from modeltranslation.translator import TranslationOptions, register

from companies.translation import SLUG_AS_NULL
from revisions.registry import register as register_revisions

from .models import Episode, EpisodeCompany, Series, SeriesProducer


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("title", "tagline", "synopsis", "reception", "poster_alt")
    required_languages = {"en": ("title",), "default": ()}


@register(Episode)
class EpisodeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "synopsis", "still_alt")
    required_languages = {"en": ("title", "slug"), "default": ()}
    empty_values = SLUG_AS_NULL


# Revisions, after the translation fields exist (revisions/registry.py).
register_revisions(Series, follow=["seriesproducer_set"])
register_revisions(SeriesProducer)
register_revisions(Episode, follow=["episodecompany_set"])
register_revisions(EpisodeCompany)
