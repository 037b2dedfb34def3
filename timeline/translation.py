from modeltranslation.translator import TranslationOptions, register

from .models import Milestone


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "image_alt")
    required_languages = {"en": ("title",), "default": ()}
