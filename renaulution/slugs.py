"""
The localized slug of a public object, in one place.

A public object has a slug per language: the English one is required (the
canonical address), the others are optional and fall back to it. This module
holds all of that: the field (`slug_field`), the slugs it must refuse
(`ReservedSlugValidator`, `reserved_slugs_refused`), the database's side of
the rules (`english_slug_required`, `localized_slugs_unique`) and the
lookups every reader of an address uses (`SlugQuerySet.by_slug`,
`by_any_slug`): the detail views, the lists' filters and the loader.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


def slug_languages():
    return [code for code, _name in settings.LANGUAGES]


def slug_in(obj, language):
    """The slug of `obj`'s address in `language`: its own, else the English one."""
    return getattr(obj, f"slug_{language}", None) or obj.slug_en


class SlugQuerySet(models.QuerySet):
    """Lookups by address for models with localized slugs (`slug_en`, `slug_fr`, …)."""

    def by_slug(self, slug, language=None):
        """
        Objects whose slug in `language` is `slug`, or whose slug in that
        language is unset and whose English slug is `slug` (the fallback).
        """
        language = language or translation.get_language()
        own = f"slug_{language}"
        if language == settings.LANGUAGE_CODE:
            return self.filter(**{own: slug})
        return self.filter(Q(**{own: slug}) | Q(**{f"{own}__isnull": True, "slug_en": slug}))

    def by_any_slug(self, *slugs):
        """Objects that have one of `slugs` in any language."""
        slugs = sorted(set(slugs))
        query = Q()
        for code in slug_languages():
            query |= Q(**{f"slug_{code}__in": slugs})
        return self.filter(query)


def english_slug_required(model_name):
    """A database check that the English slug, the canonical one, is set."""
    return models.CheckConstraint(
        condition=Q(slug_en__isnull=False) & ~Q(slug_en=""),
        name=f"{model_name}_english_slug_required",
    )


def slug_field(reserved=()):
    """
    The localized slug of a public object (English required, others optional).

    `reserved` lists slugs that a fixed address beside the object's own
    already uses (e.g. `feed` for press releases, whose feed is `press/feed/`).
    """
    validators = [ReservedSlugValidator(reserved)] if reserved else []
    return models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        validators=validators,
        help_text=_("Part of the page address. Other languages fall back to the English one."),
    )


@deconstructible
class ReservedSlugValidator:
    """Refuses the slugs that would make an object's page unreachable."""

    def __init__(self, reserved):
        self.reserved = tuple(reserved)

    def __call__(self, value):
        if value in self.reserved:
            raise ValidationError(
                _("“%(slug)s” is the address of another page; choose another slug."),
                code="reserved_slug",
                params={"slug": value},
            )

    def __eq__(self, other):
        return isinstance(other, ReservedSlugValidator) and self.reserved == other.reserved


def reserved_slugs_refused(model_name, reserved):
    """The database side of `ReservedSlugValidator`, for every language's slug."""
    condition = Q()
    for code in slug_languages():
        field = f"slug_{code}"
        condition &= ~Q(**{f"{field}__in": list(reserved)}) | Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition,
        name=f"{model_name}_slug_not_reserved",
        violation_error_message=_("This slug is the address of another page; choose another."),
    )


class FallbackSlugUnique(models.UniqueConstraint):
    """
    One object per address in a language: COALESCE(slug_<lang>, slug_en) is
    unique, so a localized slug cannot take the address another object has
    through the English fallback (and an English slug cannot take another
    object's localized one).

    Django skips validating an expression constraint when the form lacks a
    field it names; a translator's form has the English slug read-only, so
    this one is always validated, on the instance's values.
    """

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        (expression,) = self.expressions
        own, fallback = [ref.name for ref in expression.flatten() if isinstance(ref, F)]
        field = own if getattr(instance, own) is not None else fallback
        slug = getattr(instance, field)
        if not slug:
            return
        # The address is COALESCE(own, fallback), as in SlugQuerySet.by_slug.
        others = model._default_manager.using(using).filter(
            Q(**{own: slug}) | Q(**{f"{own}__isnull": True, fallback: slug})
        )
        if not instance._state.adding and instance.pk is not None:
            others = others.exclude(pk=instance.pk)
        other = others.first()
        if other is None:
            return
        error = ValidationError(
            _(
                "“%(slug)s” is already the %(language)s address of “%(other)s” (its own slug "
                "in that language, or its English one while it has none). Choose another slug."
            ),
            code="slug_taken",
            params={
                "slug": slug,
                "language": get_language_info(own.rsplit("_", 1)[1])["name_translated"],
                "other": other,
            },
        )
        raise ValidationError({NON_FIELD_ERRORS if field in (exclude or ()) else field: error})


def localized_slugs_unique(model_name):
    """A `FallbackSlugUnique` per language other than English, for `Meta.constraints`."""
    return [
        FallbackSlugUnique(
            Coalesce(f"slug_{code}", f"slug_{settings.LANGUAGE_CODE}"),
            name=f"{model_name}_slug_{code}_unique_with_fallback",
        )
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
