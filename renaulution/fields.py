"""Model fields that several content models share."""

import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# What Pillow calls the formats we resize and serve.
ACCEPTED_IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
# Longest side over shortest side. A panorama or a banner is well within it;
# beyond, no page can show the image (a 1 × 30000 strip resized for a card is
# a 1-pixel line, a 50000 × 2 one resized to 480 wide has no height left).
MAX_ASPECT_RATIO = 20


def _accepted_formats():
    return ", ".join(ACCEPTED_IMAGE_FORMATS.values())


def _looks_like_svg(file, head):
    name = (getattr(file, "name", "") or "").lower()
    return name.endswith((".svg", ".svgz")) or b"<svg" in head.lower()


def validate_image_upload(file):
    """
    Refuse what we would not serve: files that are too large, that are not
    images, that are truncated or corrupt, that decode to too many pixels (a
    decompression bomb), or whose format is not JPEG, PNG, WebP or GIF (SVG
    can carry scripts and is never resized).
    """
    if getattr(file, "_committed", False):
        # Already stored (and checked when it was uploaded): model validation
        # runs on every save, and the file may be closed by then.
        return
    # A form's field checks the upload, then the model's validator sees the
    # same file again (as a FieldFile around it): decode it only once.
    upload = getattr(file, "file", None) if hasattr(file, "field") else file
    if getattr(upload, "_passed_image_checks", False):
        return
    limit = settings.MAX_IMAGE_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    try:
        _check_pixels(file, head)
    finally:
        file.seek(0)
    if upload is not None:
        upload._passed_image_checks = True


def _check_pixels(file, head):
    pixel_limit = settings.MAX_IMAGE_PIXELS
    too_many_pixels = ValidationError(
        _(
            "This image has too many pixels to be processed safely (the most accepted is "
            "%(limit)s megapixels). Reduce its size and upload it again."
        ),
        code="too_many_pixels",
        params={"limit": f"{pixel_limit / 1_000_000:g}"},
    )
    try:
        with warnings.catch_warnings():
            # Over our limit is refused below with a message; Pillow's warning
            # (and its error at twice its own limit) must not escape as a 500.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
            image_format = image.format
            width, height = image.size
            if image_format in ACCEPTED_IMAGE_FORMATS and width * height <= pixel_limit:
                # Decode every pixel: a truncated or corrupt file fails here,
                # not later when a rendition is made for a reader.
                image.load()
    except Image.DecompressionBombError as error:
        raise too_many_pixels from error
    except (OSError, SyntaxError, ValueError) as error:
        if _looks_like_svg(file, head):
            raise _unaccepted_format("SVG") from error
        if isinstance(error, UnidentifiedImageError):
            raise ValidationError(
                _("This file is not an image. Upload a %(formats)s file."),
                code="invalid_image",
                params={"formats": _accepted_formats()},
            ) from error
        raise ValidationError(
            _("This image is damaged or incomplete and cannot be read. Export it again."),
            code="corrupt_image",
        ) from error
    if image_format not in ACCEPTED_IMAGE_FORMATS:
        raise _unaccepted_format(image_format)
    if width * height > pixel_limit:
        raise too_many_pixels
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise ValidationError(
            _(
                "This image is %(width)s × %(height)s pixels: one side is more than "
                "%(limit)s times the other, which no page can show. Crop it to at most "
                "%(limit)s:1 and upload it again."
            ),
            code="extreme_aspect_ratio",
            params={"width": width, "height": height, "limit": MAX_ASPECT_RATIO},
        )


def _unaccepted_format(image_format):
    return ValidationError(
        _("%(format)s images are not accepted. Upload a %(formats)s file."),
        code="unaccepted_format",
        params={"format": image_format, "formats": _accepted_formats()},
    )


class ImageUploadField(forms.ImageField):
    """
    The admin's image field: our checks run before Django's own, whose single
    "not a valid image" message would hide why a bomb or an SVG was refused.
    """

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "size"):
            validate_image_upload(data)
        return super().to_python(data)


class RenditionImageField(models.ImageField):
    """
    An image field that writes the image's renditions as soon as a new file
    is stored, whoever saves it (the admin, the loader, a script), so that no
    reader's request ever has to.
    """

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        new_upload = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if new_upload:
            from .images import generate_renditions  # images.py needs the app registry

            generate_renditions(model_instance, self.name)
        return file

    def deconstruct(self):
        # The database column is a plain ImageField's: migrations need not know.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def image_fields(name, verbose_name, upload_to):
    """
    An optional image with its stored size and its text alternative:
    `logo, logo_width, logo_height, logo_alt = image_fields("logo", …)`.

    The size is stored so pages can give <img> its width and height without
    opening the file; the text alternative is registered as localized.
    """
    image = RenditionImageField(
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
