from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from renaulution import languages
from renaulution.formats import local_date as format_local_date
from renaulution.images import picture_html
from renaulution.memo import cached_reverse
from renaulution.richtext import sanitize_html
from renaulution.seo import canonical_query, plain_text

# A card's teaser: the first words of a synopsis. The plain text it is cut
# from is bounded first (stripping tags is the costly part); 30 words never
# come near 400 characters in our languages, so the cut falls between words.
EXCERPT_WORDS = 30
EXCERPT_SOURCE_CHARACTERS = 400

register = template.Library()


@register.filter
def local_date(value):
    """`{{ day|local_date }}`: a full date as the reader's language writes it (`local_date`)."""
    return format_local_date(value) if value else ""


@register.filter
def language_in_text(code):
    """
    `{{ "it"|language_in_text }}`: the language's name as a sentence writes it
    ("Titre original (italien)", renaulution/languages.py), where the names of
    settings.LANGUAGES are capitalised, as the language menu writes them.
    """
    entry = languages.ENTRIES.get(code)
    return entry.name_in_text if entry else dict(settings.LANGUAGES).get(code, code)


@register.filter
def richtext(html):
    """Render stored rich text, cleaned against the editor's allow-list."""
    return mark_safe(sanitize_html(html or ""))  # noqa: S308 - cleaned by nh3 just above


@register.filter
def excerpt(text, words=EXCERPT_WORDS):
    """The first `words` words of rich or plain text as plain text, with an ellipsis if cut."""
    return Truncator(plain_text(text, length=EXCERPT_SOURCE_CHARACTERS)).words(words)


def fell_back(obj, field):
    """True when `obj.field` shows English because the active language is empty."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return False
    own = getattr(obj, f"{field}_{language}", None)
    return not own and bool(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None))


@register.simple_tag
def lang_attr(obj, field):
    """` lang="en"` when the field's text fell back to English, else nothing."""
    if obj is not None and fell_back(obj, field):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag
def page_url(viewname, **kwargs):
    """
    `{% url %}` for the site's fixed links (header, footer, feeds): the same
    address, remembered (renaulution.memo.cached_reverse), where `{% url %}`
    reverses it again on every page.
    """
    return cached_reverse(viewname, **kwargs)


@register.simple_tag(takes_context=True)
def language_links(context):
    """
    The current page in every language: [{code, name, url, current}].

    A page about one object (context `object` with `get_absolute_url`) links
    to the same object's URL in each language, localized slug included; other
    pages translate their URL pattern and keep the query string.
    """
    request = context.get("request")
    if request is None:
        return []
    obj = context.get("object")
    coverage = context.get("translation_coverage")
    # A version that is mostly untranslated is offered to readers, not to
    # search engines: it would show them the source language.
    unindexable = coverage.mostly_missing() if coverage else set()
    current = translation.get_language()
    full_path = request.get_full_path()
    query = full_path[full_path.index("?") :] if "?" in full_path else ""
    links = []
    for code in languages.codes():
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                url = obj.get_absolute_url()
            indexed_url = url
        else:
            # Readers keep their filters; search engines get the canonical
            # address (no junk parameters), as in <link rel="canonical">.
            path = _page_in(request, code)
            if path is None:
                url = _translated(request.get_full_path(), code)
                indexed_url = _translated(request.path, code) + canonical_query(context)
            else:
                url = path + query
                indexed_url = path + canonical_query(context)
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(indexed_url),
                "current": code == current,
                "indexable": code not in unindexable,
            }
        )
    return links


def _translated(path, code):
    """`path` in language `code`, or that language's home for a path no URL parser reads."""
    try:
        return translate_url(path, code)
    except ValueError:  # "//0[/": urlsplit reads a malformed host
        with translation.override(code):
            return reverse("home")


def _page_in(request, code):
    """
    The path of the page being shown, in language `code`: `translate_url`
    without resolving the path again (the request's match is at hand) and
    with the remembered reverse. None when the page has no match to reverse
    (an error page): the caller then translates the URL as it is.
    """
    match = request.resolver_match
    if match is None or match.args or not match.url_name:
        return None
    if not all(isinstance(value, str | int) for value in match.kwargs.values()):
        return None
    with translation.override(code):
        try:
            return cached_reverse(match.view_name, **match.kwargs)
        except NoReverseMatch:
            return None


@register.simple_tag
def picture(obj, field, css_class="", eager=False, preset=None, sizes=None, decorative=False):
    """
    A responsive <picture> for image `field` of `obj` (renaulution/images.py):
    WebP and JPEG/PNG renditions for `preset` ("card", "detail", "poster",
    "logo", "portrait", "portrait-card"), the stored size, the localized alt
    text. `eager=True` for the page's main image, lazy loading otherwise;
    `sizes` overrides the preset's. `decorative=True` for an image beside
    the text it would say (a logo in a link that names the company): an
    empty alt, so screen readers do not hear the name twice.
    """
    alt_field = f"{field}_alt"
    return picture_html(
        obj,
        field,
        css_class=css_class,
        eager=eager,
        preset=preset,
        sizes=sizes,
        alt="" if decorative else getattr(obj, alt_field, "") or "",
        lang="" if decorative else lang_attr(obj, alt_field),
    )
