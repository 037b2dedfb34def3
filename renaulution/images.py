"""
Responsive renditions of uploaded images, made by django-imagekit.

A rendition is one image field's file resized to one width, in one format,
optionally cropped to a fixed aspect ratio. Its file name is derived from the
source's name and the resizing parameters (imagekit's hash), so finding it
needs neither the database nor the source file: pages compute every URL from
the stored name, width and height. Whether the file has been written is
remembered in the default cache (locmem, or Redis with REDIS_URL), one
`get_many` per picture; once all of a picture's renditions exist, its URLs
and `srcset`s are remembered in the process (renaulution/memo.py) under the
upload's name, which is unique per upload, so later pages build none of them.

Renditions are written when an image is saved (`RenditionImageField`, so
through the admin, the loader and any other save alike), or by
`load_renaulution --renditions` for images stored before; never while a
reader waits. A page that finds one missing shows the original instead.

`rendition_url(image, width)` is the entry point for code outside templates
(og:image…); `picture_html()` is what the `{% picture %}` tag renders.
"""

import hashlib
import logging
import math
import os
import posixpath
from contextlib import nullcontext
from contextvars import ContextVar
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import ImageField
from django.utils.html import format_html, format_html_join
from imagekit.cachefiles import ImageCacheFile
from imagekit.cachefiles.backends import Simple
from imagekit.cachefiles.state import (
    get_active_state_cache,
    prefetch_cachefile_states,
    use_cachefile_state_cache,
)
from imagekit.specs import ImageSpec
from imagekit.utils import get_cache, process_image
from PIL import Image
from pilkit.processors import Resize, ResizeToFill, ResizeToFit

from .memo import Memo

logger = logging.getLogger(__name__)

WEBP = "WEBP"
JPEG = "JPEG"
PNG = "PNG"
MIME_TYPES = {WEBP: "image/webp", JPEG: "image/jpeg", PNG: "image/png"}
# Sources whose format can carry transparency keep it in their fallback:
# a logo flattened onto a white JPEG square would lose its shape.
TRANSPARENT_CAPABLE = {".png", ".gif", ".webp"}
SAVE_OPTIONS = {
    WEBP: {"quality": 80, "method": 4},
    JPEG: {"quality": 82, "optimize": True, "progressive": True},
    PNG: {"optimize": True},
}


@dataclass(frozen=True)
class Preset:
    """
    How one usage displays an image: the candidate widths offered to the
    browser, the `sizes` telling it how wide the image is shown (kept in step
    with static/css/site.css), and an optional aspect ratio to crop to when
    the CSS shows the image at a fixed ratio (`object-fit: cover`).
    """

    widths: tuple
    sizes: str
    aspect: tuple | None = None


PRESETS = {
    # Episode cards: a grid of columns at least 15rem wide, 16:9.
    "card": Preset(
        (320, 480, 640, 960),
        "(min-width: 72rem) 17rem, (min-width: 34rem) 50vw, calc(100vw - 2rem)",
        aspect=(16, 9),
    ),
    # People cards: the same grid, square.
    "portrait-card": Preset(
        (320, 480, 640),
        "(min-width: 72rem) 17rem, (min-width: 34rem) 50vw, calc(100vw - 2rem)",
        aspect=(1, 1),
    ),
    # The main image of an episode or a press release: full width up to 56rem.
    "detail": Preset(
        (480, 768, 1024, 1280, 1792),
        "(min-width: 58rem) 56rem, calc(100vw - 2rem)",
    ),
    # The series poster on the home page: min(22rem, 60vw).
    "poster": Preset((240, 360, 480, 720), "(min-width: 36.7rem) 22rem, 60vw"),
    # Company logo and person portrait beside a detail page's title: 8rem square.
    "logo": Preset((128, 256, 384), "8rem", aspect=(1, 1)),
    "portrait": Preset((128, 256, 384), "8rem", aspect=(1, 1)),
}
DEFAULT_PRESET = "detail"

# The presets each image field is shown with, for pre-generation.
FIELD_PRESETS = {
    "poster": ("poster",),
    "still": ("card", "detail"),
    "logo": ("logo",),
    "portrait": ("portrait", "portrait-card"),
    "image": ("detail",),
}
# Rendition URLs and srcsets already built, by upload name (see _srcsets):
# up to about 1.5 KB each, so at most some 6 MB per process, room for the
# images of a large site's busy pages; the others are rebuilt when shown.
_memo = Memo("renditions", 4000)

# Width of the rendition shared on social networks (og:image).
SHARE_WIDTH = 1200
# Width of the admin's preview of an image (sharp at twice its 240 pixels).
PREVIEW_WIDTH = 480


class RenditionStates(Simple):
    """
    imagekit's default backend (existence remembered in the cache, checked on
    the storage when unknown), reading the cache through `caches` on every
    use: the stock one keeps the first cache object it got for the process,
    across threads and across a change of CACHES.
    """

    @property
    def cache(self):
        return get_cache()


@dataclass(frozen=True)
class _Decoded:
    """A source decoded once, reduced, for all its renditions: see `generate_renditions`."""

    name: str
    width: int
    height: int
    image: Image.Image


_decoded_source = ContextVar("_decoded_source", default=None)


class Rendition(ImageSpec):
    """One width (and optional height, to crop), one format, never upscaled."""

    def __init__(self, source, *, width, height=None, format=WEBP):
        self.size = (width, height)
        if height:
            self.processors = [ResizeToFill(width, height, upscale=False)]
        else:
            self.processors = [ResizeToFit(width=width, upscale=False)]
        self.format = format
        self.options = SAVE_OPTIONS[format]
        super().__init__(source=source)

    def get_hash(self):
        # The file name's hash, from the parameters as text: imagekit's own
        # pickles the processors, which costs more than the rest of a picture.
        key = f"{self.source.name}|{self.size}|{self.format}|{sorted(self.options.items())}"
        return hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()

    def scale(self, width, height):
        """How much of an original of `width` × `height` this rendition needs (at most 1)."""
        target_width, target_height = self.size
        if target_height:
            return min(1, max(target_width / width, target_height / height))
        return min(1, target_width / width)

    def generate(self):
        decoded = _decoded_source.get()
        if decoded is None or decoded.name != self.source.name:
            return super().generate()
        target_width, target_height = self.size
        if target_height:
            processors = [ResizeToFill(target_width, target_height, upscale=False)]
        else:
            # The exact size pages announce, whatever the reduced copy's rounding.
            size = scaled_size(decoded.width, decoded.height, target_width)
            processors = [Resize(*size)]
        return process_image(
            decoded.image.copy(),
            processors=processors,
            format=self.format,
            autoconvert=self.autoconvert,
            options=self.options,
        )


# Not registered with imagekit's registry on purpose: it runs its strategy
# only for registered generators, and the default one writes a missing file
# when its URL is read, in a reader's request (seconds for a large original).


def fallback_format(image):
    """The format of the <img> fallback: PNG when the source may be transparent."""
    extension = os.path.splitext(image.name)[1].lower()
    return PNG if extension in TRANSPARENT_CAPABLE else JPEG


def rendition_file(image, width, format=JPEG, height=None):
    """The ImageCacheFile of one rendition (its `.url` never writes it)."""
    return ImageCacheFile(Rendition(image, width=width, height=height, format=format))


def _exists(file):
    return file.cachefile_backend.exists(file)


def _no_wider_than_stored(image, width):
    """
    `width`, or the original's stored width when it is narrower: the same
    picture then has one file, whichever usage asks for it (and no file read).
    """
    stored = getattr(image.instance, image.field.width_field or "", None)
    return min(width, stored) if stored else width


def rendition_url(image, width=SHARE_WIDTH, format=JPEG):
    """
    URL of `image` (an ImageFieldFile) resized to `width` pixels wide, aspect
    kept, in `format` ("JPEG", "PNG" or "WEBP"); an image narrower than
    `width` keeps its own width. Empty string when there is no image, or
    when that rendition was not made (see `generate_renditions`): the caller
    shows the original instead.
    """
    if not image:
        return ""
    width = _no_wider_than_stored(image, width)
    key = ("url", image.name, width, format)
    url = _memo.get(key)
    if url is None:
        file = rendition_file(image, width, format)
        if not _exists(file):
            return ""  # not remembered: it may be made later
        url = file.url
        _memo.set(key, url)
    return url


def scaled_size(width, height, target_width):
    """The size of a `width` × `height` original resized to `target_width`, never upscaled."""
    new_width = min(width, target_width)
    return new_width, max(1, round(height * new_width / width))


def candidate_widths(preset, width, height):
    """
    The (width, height) pairs of the renditions offered for an original of
    `width` × `height`: the preset's widths that need no upscaling, plus the
    largest size the original allows when it is narrower than the widest one.
    """
    if preset.aspect:
        aspect_w, aspect_h = preset.aspect
        largest = max(1, min(width, height * aspect_w // aspect_h))

        def height_for(w):
            return max(1, round(w * aspect_h / aspect_w))
    else:
        largest = width

        def height_for(w):
            return scaled_size(width, height, w)[1]

    widths = [w for w in preset.widths if w <= largest]
    if largest < max(preset.widths) and largest not in widths:
        widths.append(largest)
    return [(w, height_for(w)) for w in widths]


def _files(preset, image, sizes):
    """{format: [(ImageCacheFile, width)]} for the WebP source and the fallback."""
    cropped = preset.aspect is not None
    return {
        fmt: [(rendition_file(image, w, fmt, h if cropped else None), w) for w, h in sizes]
        for fmt in (WEBP, fallback_format(image))
    }


def picture_html(
    obj, field, *, css_class="", eager=False, preset=None, sizes=None, alt="", lang=""
):
    """
    A <picture> for image `field` of `obj`: a WebP <source> and a JPEG or PNG
    <img>, each with a srcset, with `width`/`height` from the stored size so
    no file is opened. Falls back to a plain <img> of the original when the
    size is unknown or a rendition was not made.
    """
    image = getattr(obj, field, None)
    if not image:
        return ""
    width = getattr(obj, f"{field}_width", None)
    height = getattr(obj, f"{field}_height", None)
    # The main image is fetched first; the others wait until they near the viewport.
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy"'
    common = format_html(
        'alt="{}" class="{}" ' + loading + ' decoding="async"{}', alt, css_class, lang
    )
    if not width or not height:
        return format_html('<img src="{}" {}>', image.url, common)

    try:
        chosen = PRESETS[preset or DEFAULT_PRESET]
    except KeyError:
        raise ValueError(
            f"Unknown picture preset {preset!r}: one of {', '.join(PRESETS)}"
        ) from None
    srcsets = _srcsets(image, width, height, chosen)
    if srcsets is None:
        return format_html(
            '<img src="{}" width="{}" height="{}" {}>', image.url, width, height, common
        )
    return format_html(
        '<picture><source type="{webp_type}" srcset="{webp}" sizes="{sizes}">'
        '<img src="{src}" srcset="{srcset}" sizes="{sizes}" width="{width}" height="{height}" '
        "{common}></picture>",
        webp_type=MIME_TYPES[WEBP],
        webp=srcsets.webp,
        sizes=sizes or chosen.sizes,
        src=srcsets.src,
        srcset=srcsets.fallback,
        width=srcsets.width,
        height=srcsets.height,
        common=common,
    )


@dataclass(frozen=True)
class _Srcsets:
    """What a <picture> of one image with one preset needs from its renditions."""

    webp: str
    fallback: str
    src: str
    width: int
    height: int


def _srcsets(image, width, height, preset):
    """
    The `srcset`s of `image` (`width` × `height`) shown with `preset`, or
    None when a rendition is missing. Remembered per upload name (unique per
    upload) and preset once every rendition exists: a page with 300 pictures
    then builds no imagekit file and asks neither the cache nor the disk.
    """
    key = ("srcsets", image.name, width, height, preset)
    found = _memo.get(key)
    if found is not None:
        return found
    candidates = candidate_widths(preset, width, height)
    files = _files(preset, image, candidates)
    every_file = [f for pairs in files.values() for f, _w in pairs]
    with _state_cache():
        # One cache round trip for every rendition of this picture.
        prefetch_cachefile_states(every_file)
        missing = [f.name for f in every_file if not _exists(f)]
    if missing:
        # Saved before renditions were made at upload, or one could not be
        # made: the original, whose URL works, rather than a broken image.
        # Not remembered, so the renditions are used once they are written.
        logger.warning(
            "%d renditions of %s are missing (load_renaulution --renditions writes them)",
            len(missing),
            image.name,
        )
        return None
    fallback = files[fallback_format(image)]
    display_width, display_height = candidates[-1]
    found = _Srcsets(
        webp=format_html_join(", ", "{} {}w", ((f.url, w) for f, w in files[WEBP])),
        fallback=format_html_join(", ", "{} {}w", ((f.url, w) for f, w in fallback)),
        src=fallback[-1][0].url,
        width=display_width,
        height=display_height,
    )
    _memo.set(key, found)
    return found


def _state_cache():
    """imagekit's in-memory state cache for this context, unless one is open."""
    return use_cachefile_state_cache() if get_active_state_cache() is None else nullcontext()


def generate_renditions(obj, field):
    """
    Write every rendition `obj`'s image `field` is shown with (its presets'
    WebP and fallback files, the share rendition and the admin's preview)
    that is missing. Returns how many files were looked at.

    The original is decoded once for them all, reduced to twice the largest
    size they need (a JPEG is decoded at that size directly): a 40-megapixel
    photograph costs one decode, not twenty. A file that cannot be made is
    logged and left missing; pages then show the original.
    """
    image = getattr(obj, field, None)
    width = getattr(obj, f"{field}_width", None)
    height = getattr(obj, f"{field}_height", None)
    if not image or not width or not height:
        return 0
    fallback = fallback_format(image)
    files = [
        rendition_file(image, _no_wider_than_stored(image, SHARE_WIDTH), fallback),
        rendition_file(image, _no_wider_than_stored(image, PREVIEW_WIDTH), fallback),
    ]
    for name in FIELD_PRESETS.get(field, (DEFAULT_PRESET,)):
        preset = PRESETS[name]
        for pairs in _files(preset, image, candidate_widths(preset, width, height)).values():
            files.extend(f for f, _w in pairs)
    files = list({file.name: file for file in files}.values())  # one per name
    missing = [file for file in files if not _exists(file)]
    if not missing:
        return len(files)
    scale = max(file.generator.scale(width, height) for file in missing)
    try:
        decoded = _decode(image, width, height, scale)
    except Exception:
        logger.exception("%s could not be read to make its renditions", image.name)
        return len(files)
    token = _decoded_source.set(decoded)
    try:
        for file in missing:
            try:
                file.generate()
            except Exception:
                logger.exception("Rendition %s of %s could not be made", file.name, image.name)
    finally:
        _decoded_source.reset(token)
        decoded.image.close()
    return len(files)


def delete_renditions(storage, name):
    """
    Delete every rendition of the stored image `name` (imagekit keeps them
    in a folder named after it) and forget that they existed.
    """
    folder = posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, os.path.splitext(name)[0])
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    backend = RenditionStates()
    paths = [posixpath.join(folder, file) for file in files]
    for path in paths:
        storage.delete(path)
    backend.cache.delete_many([backend.get_key(_Named(path)) for path in paths])
    _memo.discard(lambda key: key[1] == name)


@dataclass(frozen=True)
class _Named:
    name: str


# Modes Image.reduce() works in; others (palette, 1-bit) are resized as they are.
_REDUCIBLE_MODES = {"L", "LA", "RGB", "RGBA", "CMYK", "I", "F"}


def _decode(image, width, height, scale):
    """`image` decoded into memory at no less than twice `scale` of its size."""
    needed = (math.ceil(width * scale * 2), math.ceil(height * scale * 2))
    closed = image.closed
    image.open("rb")
    try:
        with Image.open(image) as source:
            if scale * 2 < 1:
                source.draft(None, needed)  # JPEG only: decode at 1/2, 1/4 or 1/8
            source.load()
            factor = min(source.width // needed[0], source.height // needed[1])
            if factor >= 2 and source.mode in _REDUCIBLE_MODES:
                reduced = source.reduce(factor)
            else:
                reduced = source.copy()
    finally:
        if closed:
            image.close()
    return _Decoded(name=image.name, width=width, height=height, image=reduced)


def image_models():
    """The installed models that have an image field, in a stable order."""
    return [
        model
        for model in apps.get_models()
        if any(isinstance(field, ImageField) for field in model._meta.fields)
    ]


def generate_all_renditions(models=None):
    """
    Write the missing renditions of every image of `models`' rows (every
    model with an image field by default); returns the count.
    """
    count = 0
    for model in image_models() if models is None else models:
        fields = [f.name for f in model._meta.fields if isinstance(f, ImageField)]
        for obj in model._default_manager.iterator():
            count += sum(generate_renditions(obj, field) for field in fields)
    return count
