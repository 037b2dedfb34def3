from modeltranslation.translator import TranslationOptions, register

from revisions.registry import register as register_revisions

from .models import Milestone


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "image_alt")
    required_languages = {"en": ("title",), "default": ()}


# Revisions, after the translation fields exist (revisions/registry.py).
register_revisions(Milestone)
