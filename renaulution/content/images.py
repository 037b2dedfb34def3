"""
The shipped pictures, drawn with Pillow: no file is copied from anywhere.

Every picture is a flat design (gradients, diamonds, circles, initials) that
stands in for a photograph or a logo we do not have the rights to. Each
`*_image` function returns the encoded bytes; the matching `*_alt` function
returns the text alternative in every language, built from the same
parameters so that the words always describe what is drawn.

Output is deterministic: the same parameters give the same bytes on every
run (no timestamps, no randomness, the font embedded in Pillow). The
drawing functions are pure, so their results are cached for the process.
"""

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

# Drawn at this multiple of the final size, then scaled down: smooth edges.
SUPERSAMPLE = 2

POSTER_SIZE = (800, 1200)
STILL_SIZE = (1280, 720)
LOGO_SIZE = (400, 400)
PORTRAIT_SIZE = (600, 600)
PRESS_SIZE = (1200, 630)

# Colour keys used by the content, with their value and their name in each
# language. The nouns they qualify (losange/rombo, cercle/cerchio,
# carré/quadrato, fond/sfondo) are all masculine.
COLOURS = {
    "yellow": ("#f2c200", {"en": "yellow", "fr": "jaune", "it": "giallo"}),
    "navy": ("#14213d", {"en": "deep blue", "fr": "bleu nuit", "it": "blu notte"}),
    "blue": ("#1f5fae", {"en": "blue", "fr": "bleu", "it": "blu"}),
    "teal": ("#0f7c80", {"en": "teal", "fr": "bleu canard", "it": "verde petrolio"}),
    "red": ("#b3261e", {"en": "red", "fr": "rouge", "it": "rosso"}),
    "green": ("#2e7d4f", {"en": "green", "fr": "vert", "it": "verde"}),
    "grey": ("#5b6770", {"en": "grey", "fr": "gris", "it": "grigio"}),
    "black": ("#111111", {"en": "black", "fr": "noir", "it": "nero"}),
    "white": ("#ffffff", {"en": "white", "fr": "blanc", "it": "bianco"}),
    "orange": ("#e8702a", {"en": "orange", "fr": "orange", "it": "arancione"}),
    "purple": ("#5e3a87", {"en": "purple", "fr": "violet", "it": "viola"}),
}

SHAPES = {
    "diamond": {"en": "diamond", "fr": "losange", "it": "rombo"},
    "circle": {"en": "circle", "fr": "cercle", "it": "cerchio"},
    "square": {"en": "square", "fr": "carré", "it": "quadrato"},
}

# The languages the shipped content is written in, not settings.LANGUAGES: a
# language added later (README, "Adding a language") starts empty and falls back.
LANGUAGES = ("en", "fr", "it")


def _rgb(colour):
    value = COLOURS[colour][0]
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def _name(colour, language):
    return COLOURS[colour][1][language]


# Plural forms of the colour names that change (the others are invariable).
_PLURALS = {
    "fr": {
        "jaune": "jaunes",
        "bleu": "bleus",
        "rouge": "rouges",
        "vert": "verts",
        "noir": "noirs",
        "blanc": "blancs",
        "violet": "violets",
    },
    "it": {
        "giallo": "gialli",
        "rosso": "rossi",
        "verde": "verdi",
        "grigio": "grigi",
        "nero": "neri",
        "bianco": "bianchi",
        "arancione": "arancioni",
    },
}


def _plural(colour, language):
    name = _name(colour, language)
    return _PLURALS.get(language, {}).get(name, name)


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font.
        return ImageFont.load_default()


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom):
    """A vertical gradient from `top` to `bottom` (RGB tuples)."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _diamond(draw, centre, half_width, half_height, fill=None, outline=None, width=0):
    cx, cy = centre
    points = [
        (cx, cy - half_height),
        (cx + half_width, cy),
        (cx, cy + half_height),
        (cx - half_width, cy),
    ]
    if outline is None:
        draw.polygon(points, fill=fill)
        return
    # Pillow's polygon outline has no joins; a closed line does.
    if fill is not None:
        draw.polygon(points, fill=fill)
    draw.line([*points, points[0], points[1]], fill=outline, width=width, joint="curve")


def _finish(image, size, fmt):
    """Scale the supersampled drawing down and encode it."""
    image = image.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=88, optimize=True, progressive=False)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _big(size):
    return (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)


# Series poster ---------------------------------------------------------------


@cache
def poster_image(*, background, accent, rings=5):
    """Nested diamond outlines on a dark gradient, 800×1200 JPEG."""
    w, h = _big(POSTER_SIZE)
    base, ink = _rgb(background), _rgb(accent)
    image = _gradient((w, h), _mix(base, (255, 255, 255), 0.12), _mix(base, (0, 0, 0), 0.55))
    draw = ImageDraw.Draw(image)
    centre = (w // 2, round(h * 0.46))
    for ring in range(rings):
        scale = 1 - ring * 0.17
        faded = _mix(ink, base, ring * 0.14)
        _diamond(
            draw,
            centre,
            round(w * 0.40 * scale),
            round(h * 0.34 * scale),
            outline=faded,
            width=8 * SUPERSAMPLE,
        )
    _diamond(draw, centre, round(w * 0.06), round(h * 0.05), fill=ink)
    draw.rectangle((0, round(h * 0.9), w, round(h * 0.9) + 6 * SUPERSAMPLE), fill=ink)
    return _finish(image, POSTER_SIZE, "JPEG")


def poster_alt(*, background, accent, rings=5):
    return {
        "en": (
            f"Series poster: {rings} nested {_name(accent, 'en')} diamond outlines "
            f"around a small solid diamond, on a {_name(background, 'en')} background"
        ),
        "fr": (
            f"Affiche de la série : {rings} contours de losanges {_plural(accent, 'fr')} "
            f"emboîtés autour d'un petit losange plein, sur un fond {_name(background, 'fr')}"
        ),
        "it": (
            f"Locandina della serie: {rings} contorni di rombi {_plural(accent, 'it')} "
            f"uno dentro l'altro attorno a un piccolo rombo pieno, su uno sfondo "
            f"{_name(background, 'it')}"
        ),
    }


# Episode stills ---------------------------------------------------------------


@cache
def still_image(*, number, background, accent):
    """A title card: the episode number and a diamond, 1280×720 JPEG."""
    w, h = _big(STILL_SIZE)
    base, ink = _rgb(background), _rgb(accent)
    image = _gradient((w, h), _mix(base, (255, 255, 255), 0.08), _mix(base, (0, 0, 0), 0.6))
    draw = ImageDraw.Draw(image)
    # A large diamond on the right, a thin echo of it behind.
    centre = (round(w * 0.68), h // 2)
    _diamond(
        draw,
        centre,
        round(h * 0.42),
        round(h * 0.42),
        outline=_mix(ink, base, 0.5),
        width=6 * SUPERSAMPLE,
    )
    _diamond(draw, centre, round(h * 0.3), round(h * 0.3), fill=ink)
    draw.text(
        (round(w * 0.22), h // 2),
        str(number),
        font=_font(round(h * 0.55)),
        anchor="mm",
        fill=(255, 255, 255),
    )
    return _finish(image, STILL_SIZE, "JPEG")


def still_alt(*, number, background, accent):
    return {
        "en": (
            f"Title card of episode {number}: a large number {number} beside a "
            f"{_name(accent, 'en')} diamond, on a {_name(background, 'en')} background"
        ),
        "fr": (
            f"Carton de l'épisode {number} : un grand chiffre {number} à côté d'un "
            f"losange {_name(accent, 'fr')}, sur un fond {_name(background, 'fr')}"
        ),
        "it": (
            f"Cartello dell'episodio {number}: un grande numero {number} accanto a un "
            f"rombo {_name(accent, 'it')}, su uno sfondo {_name(background, 'it')}"
        ),
    }


# Company logos ----------------------------------------------------------------


@cache
def logo_image(*, mark, shape, colour, ink):
    """A stand-in logo: a monogram in a shape on white, 400×400 PNG."""
    w, h = _big(LOGO_SIZE)
    image = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    fill = _rgb(colour)
    margin = round(w * 0.06)
    if shape == "diamond":
        _diamond(draw, (w // 2, h // 2), w // 2 - margin, h // 2 - margin, fill=fill)
        text_size = round(h * (0.26 if len(mark) < 3 else 0.19))
    elif shape == "circle":
        draw.ellipse((margin, margin, w - margin, h - margin), fill=fill)
        text_size = round(h * (0.36 if len(mark) < 3 else 0.26))
    elif shape == "square":
        draw.rounded_rectangle(
            (margin, margin, w - margin, h - margin), radius=round(w * 0.12), fill=fill
        )
        text_size = round(h * (0.38 if len(mark) < 3 else 0.28))
    else:
        raise ValueError(f"Unknown logo shape {shape!r}")
    draw.text((w // 2, h // 2), mark, font=_font(text_size), anchor="mm", fill=_rgb(ink))
    return _finish(image, LOGO_SIZE, "PNG")


def logo_alt(*, mark, shape, colour, ink):
    return {
        "en": (
            f"Stand-in logo: the monogram {mark} in {_name(ink, 'en')} on a "
            f"{_name(colour, 'en')} {SHAPES[shape]['en']}"
        ),
        "fr": (
            f"Logo de remplacement : le monogramme {mark} en {_name(ink, 'fr')} sur un "
            f"{SHAPES[shape]['fr']} {_name(colour, 'fr')}"
        ),
        "it": (
            f"Logo sostitutivo: il monogramma {mark} in {_name(ink, 'it')} su un "
            f"{SHAPES[shape]['it']} {_name(colour, 'it')}"
        ),
    }


# Portraits --------------------------------------------------------------------


@cache
def portrait_image(*, initials, colour):
    """A monogram in a circle in place of a photograph, 600×600 PNG."""
    w, h = _big(PORTRAIT_SIZE)
    base = _rgb(colour)
    image = Image.new("RGB", (w, h), _mix(base, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image)
    margin = round(w * 0.08)
    draw.ellipse((margin, margin, w - margin, h - margin), fill=base)
    draw.text(
        (w // 2, h // 2), initials, font=_font(round(h * 0.3)), anchor="mm", fill=(255, 255, 255)
    )
    return _finish(image, PORTRAIT_SIZE, "PNG")


def portrait_alt(*, initials, colour):
    return {
        "en": (
            f"Monogram in place of a photograph: the initials {initials} in white on a "
            f"{_name(colour, 'en')} circle"
        ),
        "fr": (
            f"Monogramme à la place d'une photographie : les initiales {initials} en blanc "
            f"sur un cercle {_name(colour, 'fr')}"
        ),
        "it": (
            f"Monogramma al posto di una fotografia: le iniziali {initials} in bianco su "
            f"un cerchio {_name(colour, 'it')}"
        ),
    }


# Press release images ----------------------------------------------------------


@cache
def press_image(*, label, background, accent):
    """A banner with a row of diamonds and a label (a year), 1200×630 JPEG."""
    w, h = _big(PRESS_SIZE)
    base, ink = _rgb(background), _rgb(accent)
    image = _gradient((w, h), _mix(base, (255, 255, 255), 0.1), _mix(base, (0, 0, 0), 0.5))
    draw = ImageDraw.Draw(image)
    size = round(h * 0.16)
    top = round(h * 0.34)
    for i in range(3):
        colour = _mix(ink, base, i * 0.3)
        _diamond(draw, (round(w * 0.16) + i * round(size * 1.6), top), size, size, fill=colour)
    draw.text(
        (round(w * 0.08), round(h * 0.78)),
        label,
        font=_font(round(h * 0.2)),
        anchor="lm",
        fill=(255, 255, 255),
    )
    return _finish(image, PRESS_SIZE, "JPEG")


def press_alt(*, label, background, accent):
    return {
        "en": (
            f"Illustration: three {_name(accent, 'en')} diamonds fading into a "
            f"{_name(background, 'en')} background above the label {label}"
        ),
        "fr": (
            f"Illustration : trois losanges {_plural(accent, 'fr')} qui se fondent dans un "
            f"fond {_name(background, 'fr')}, au-dessus de la mention {label}"
        ),
        "it": (
            f"Illustrazione: tre rombi {_plural(accent, 'it')} che sfumano in uno sfondo "
            f"{_name(background, 'it')}, sopra la scritta {label}"
        ),
    }
