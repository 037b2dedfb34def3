"""Model fields that several content models share."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


def validate_image_upload(file):
    """Refuse files that are too large or that Pillow cannot read as an image."""
    if getattr(file, "_committed", False):
        # Already stored (and checked when it was uploaded): model validation
        # runs on every save, and the file may be closed by then.
        return
    limit = settings.MAX_IMAGE_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    width, height = get_image_dimensions(file)
    if not width or not height:
        raise ValidationError(_("This file is not an image we can read."), code="invalid_image")


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
    for code, _name in settings.LANGUAGES:
        field = f"slug_{code}"
        condition &= ~Q(**{f"{field}__in": list(reserved)}) | Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition,
        name=f"{model_name}_slug_not_reserved",
        violation_error_message=_("This slug is the address of another page; choose another."),
    )


def image_fields(name, verbose_name, upload_to):
    """
    An optional image with its stored size and its text alternative:
    `logo, logo_width, logo_height, logo_alt = image_fields("logo", …)`.

    The size is stored so pages can give <img> its width and height without
    opening the file; the text alternative is registered as localized.
    """
    image = models.ImageField(
        verbose_name,
        upload_to=upload_to,
        blank=True,
        width_field=f"{name}_width",
        height_field=f"{name}_height",
        validators=[validate_image_upload],
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(
        _("text alternative"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    return image, width, height, alt
