from modeltranslation.translator import TranslationOptions, register

from revisions.registry import register as register_revisions

from .models import Company, Person, Position, PressRelease

# Blank localized slugs are stored as NULL, so that many objects may leave a
# language's slug unset without breaking its uniqueness.
SLUG_AS_NULL = {"slug": None}


@register(Company)
class CompanyTranslationOptions(TranslationOptions):
    fields = ("slug", "tagline", "description", "headquarters", "logo_alt")
    required_languages = {"en": ("slug",), "default": ()}
    empty_values = SLUG_AS_NULL


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("slug", "headline", "biography", "portrait_alt")
    required_languages = {"en": ("slug",), "default": ()}
    empty_values = SLUG_AS_NULL


@register(Position)
class PositionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",), "default": ()}


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "image_alt")
    required_languages = {"en": ("title", "slug"), "default": ()}
    empty_values = SLUG_AS_NULL


# Revisions, after the translation fields exist (revisions/registry.py).
register_revisions(Company)
register_revisions(Person, follow=["positions"])
register_revisions(Position)
register_revisions(PressRelease)
