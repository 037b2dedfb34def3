"""
What a page tells search engines and social sites about itself: title,
description, canonical address, OpenGraph and Twitter tags, and schema.org
JSON-LD built from the page's object.

`page_meta(context)` reads the template context of a public page (its
`object`, or the home page's `series`, or the list's `page_obj`) and returns
a `PageMeta`; `templates/includes/seo_head.html` renders it in base.html.
It reads only what the view already loaded: it adds no query.
What it computes per object is cheap or remembered by what it depends on:
addresses through `get_absolute_url` (memo.cached_reverse), share images
through `images.rendition_url`, descriptions by their source text; so it
costs a small part of a page and cannot show an older version.
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series

from . import images, languages
from .memo import Memo

DESCRIPTION_LENGTH = 160
HEADLINE_LENGTH = 110  # Google's limit for an article's headline

SITE_DESCRIPTION = gettext_lazy(
    "The docuseries Anatomy of a Comeback and the transformation of Renault Group it films."
)
# Titles of the pages that are not about one object, by URL name.
SEARCH_DESCRIPTION = gettext_lazy(
    "Search the episodes, companies, people and press releases of Renaulution."
)
LIST_PAGES = {
    "episodes:episode_list": (gettext_lazy("Episodes"), SITE_DESCRIPTION),
    "companies:company_list": (
        gettext_lazy("Companies"),
        gettext_lazy(
            "Renault Group and its brands, its partners, and the companies behind the series."
        ),
    ),
    "companies:person_list": (gettext_lazy("People"), SITE_DESCRIPTION),
    "companies:pressrelease_list": (gettext_lazy("Press"), SITE_DESCRIPTION),
    "timeline:index": (
        gettext_lazy("Timeline"),
        gettext_lazy(
            "The Renaulution year by year, from the crisis of 2018 to the premiere of "
            "Anatomy of a Comeback."
        ),
    ),
}
# Query parameters that make another page of a list, not a variant of it.
PAGE_PARAMETER = "page"

# Where rich text breaks a line, plain text needs a space: "</p><p>" is not "".
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|tr|td|th)\b[^>]*>", re.I)
# Descriptions by their source text (strip_tags parses HTML: it is not cheap).
_plain_texts = Memo("plain_text", 3000)  # up to 500 characters each
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class MetaImage:
    url: str
    width: int | None
    height: int | None
    alt: str


@dataclass
class PageMeta:
    title: str
    description: str
    og_type: str = "website"
    canonical: str = ""
    locale: str = ""
    locale_alternates: list = field(default_factory=list)
    image: MetaImage | None = None
    # Extra OpenGraph properties, e.g. article:published_time: [(property, content)].
    properties: list = field(default_factory=list)
    json_ld: dict | None = None

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image else "summary"

    @property
    def json_ld_script(self):
        return json_ld(self.json_ld) if self.json_ld else ""


def json_ld(data):
    """
    `data` as JSON for a <script type="application/ld+json">, with <, > and &
    escaped as json_script does: no text can close the script or open a comment.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above


def plain_text(value, length=DESCRIPTION_LENGTH):
    """Rich or plain text as one line of plain text, at most `length` characters."""
    value = value or ""
    # A digest, not the text: a body of many kilobytes must not be kept twice.
    key = (hashlib.blake2b(value.encode(), digest_size=16).digest(), length)
    text = _plain_texts.get(key)
    if text is None:
        text = " ".join(html.unescape(strip_tags(_BLOCK_TAG.sub(" ", value))).split())
        text = Truncator(text).chars(length)
        _plain_texts.set(key, text)
    return text


def meta_image(request, obj, field):
    """
    The absolute URL, size and text alternative of image `field` of `obj`
    for meta tags and JSON-LD, or None: a rendition at most SHARE_WIDTH
    wide (social networks fetch the whole file), in the format the page's
    own fallback uses, so a transparent logo stays transparent.
    """
    image = getattr(obj, field, None) if obj is not None else None
    if not image:
        return None
    width = getattr(obj, f"{field}_width", None)
    height = getattr(obj, f"{field}_height", None)
    url = images.rendition_url(image, images.SHARE_WIDTH, images.fallback_format(image))
    if url and width and height:
        width, height = images.scaled_size(width, height, images.SHARE_WIDTH)
    return MetaImage(
        url=request.build_absolute_uri(url or image.url),
        width=width,
        height=height,
        alt=getattr(obj, f"{field}_alt", "") or "",
    )


def iso_duration(minutes):
    """40 → "PT40M", 90 → "PT1H30M" (ISO 8601)."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def content_language(context):
    """
    The language the page's text is really in: the active one, unless the
    object is mostly untranslated in it, then the source it falls back to.
    """
    language = translation.get_language()
    coverage = context.get("translation_coverage")
    if coverage and language in coverage.mostly_missing():
        return coverage.source_language
    return language


def og_locale(code):
    """OpenGraph's locale of language `code` (renaulution/languages.py)."""
    entry = languages.ENTRIES.get(code)
    return entry.og_locale if entry else code


class _Builder:
    """Absolute URLs for one request."""

    def __init__(self, request):
        self.request = request

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def url_of(self, obj, language=None):
        with translation.override(language or translation.get_language()):
            return self.absolute(obj.get_absolute_url())

    def image(self, obj, field):
        return meta_image(self.request, obj, field)

    def organization(self, company):
        """A published company as a schema.org Organization (drafts are never named)."""
        return {"@type": "Organization", "name": company.name, "url": self.url_of(company)}

    def site(self):
        """The site itself, as the publisher of what it shows."""
        return {
            "@type": "Organization",
            "name": _("Renaulution"),
            "url": self.absolute(reverse("home")),
            "logo": {"@type": "ImageObject", "url": self.absolute(static("favicon.svg"))},
        }


def _with_image(data, image):
    if image:
        data["image"] = image.url
    return data


def series_meta(build, series, context):
    episodes = list(context.get("episodes") or [])
    image = build.image(series, "poster")
    url = build.absolute(reverse("home"))
    description = plain_text(series.tagline or series.synopsis) or str(SITE_DESCRIPTION)
    data = {
        "@context": "https://schema.org",
        "@type": "TVSeries",
        "name": series.title,
        "description": plain_text(series.synopsis, 500) or description,
        "url": url,
        "inLanguage": content_language(context),
        "numberOfEpisodes": context.get("episode_count", len(episodes)),
        "productionCompany": [build.organization(c) for c in series.producers.all()],
        "episode": [
            {
                "@type": "TVEpisode",
                "episodeNumber": episode.number,
                "name": episode.title,
                "url": build.url_of(episode),
            }
            for episode in episodes
        ],
    }
    if series.premiere_date:
        data["startDate"] = series.premiere_date.isoformat()
    if series.published_platform:
        data["publisher"] = build.organization(series.published_platform)
    if series.published_subject:
        data["about"] = build.organization(series.published_subject)
    return PageMeta(
        title=series.title,
        description=description,
        og_type="video.tv_show",
        image=image,
        json_ld=_with_image(data, image),
    )


def episode_meta(build, episode, context):
    image = build.image(episode, "still")
    data = {
        "@context": "https://schema.org",
        "@type": "TVEpisode",
        "name": episode.title,
        "episodeNumber": episode.number,
        "partOfSeries": {
            "@type": "TVSeries",
            "name": episode.series.title,
            "url": build.absolute(reverse("home")),
        },
        "description": plain_text(episode.synopsis, 500),
        "url": build.url_of(episode),
        "inLanguage": content_language(context),
    }
    released = episode.release_date or episode.published_at.date()
    data["datePublished"] = released.isoformat()
    if episode.runtime_minutes:
        data["timeRequired"] = iso_duration(episode.runtime_minutes)
    properties = [("video:series", episode.series.title)]
    if episode.runtime_minutes:
        properties.append(("video:duration", str(episode.runtime_minutes * 60)))
    properties.append(("video:release_date", released.isoformat()))
    return PageMeta(
        title=episode.title,
        description=plain_text(episode.synopsis),
        og_type="video.episode",
        image=image,
        properties=properties,
        json_ld=_with_image(data, image),
    )


def company_meta(build, company, context):
    image = build.image(company, "logo")
    description = plain_text(company.tagline or company.description)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name,
        "url": build.url_of(company),
        "description": plain_text(company.description, 500) or description,
    }
    if image:
        data["logo"] = image.url
    if company.founded_year:
        data["foundingDate"] = str(company.founded_year)
    if company.published_parent:
        data["parentOrganization"] = build.organization(company.published_parent)
    if company.website:
        data["sameAs"] = [company.website]
    if company.headquarters:
        data["address"] = company.headquarters
    return PageMeta(
        title=company.name,
        description=description,
        image=image,
        json_ld=data,
    )


def person_meta(build, person, context):
    image = build.image(person, "portrait")
    description = plain_text(person.headline or person.biography)
    # Prefetched, at published companies only (PersonQuerySet.for_listing).
    current = [p for p in person.public_positions if p.is_current]
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": build.url_of(person),
        "description": plain_text(person.biography, 500) or description,
    }
    if person.headline:
        data["jobTitle"] = person.headline
    if current:
        data["worksFor"] = [build.organization(position.company) for position in current]
    return PageMeta(
        title=person.name,
        description=description,
        og_type="profile",
        image=image,
        json_ld=_with_image(data, image),
    )


def pressrelease_meta(build, release, context):
    image = build.image(release, "image")
    url = build.url_of(release, content_language(context))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(" ".join(release.title.split())).chars(HEADLINE_LENGTH),
        "description": plain_text(release.summary or release.body, 500),
        "dateModified": release.updated_at.isoformat(),
        "publisher": build.site(),
        "inLanguage": content_language(context),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    properties = [
        ("article:modified_time", release.updated_at.isoformat()),
        ("article:section", str(release.get_kind_display())),
    ]
    if not release.date_estimated:
        # An undated release's earliest possible date is not its date.
        data["datePublished"] = release.issued_on.isoformat()
        properties.insert(0, ("article:published_time", release.issued_on.isoformat()))
    company = release.published_company
    if release.is_article:
        # The editorial team's own write-up: the site is its author, and the
        # company is what it is about.
        site = build.site()
        data["author"] = [site]
        properties.append(("article:author", site["name"]))
        if company:
            data["about"] = [build.organization(company)]
    elif company:
        # A company's own release: its issuer wrote it.
        data["author"] = [build.organization(company)]
        properties.append(("article:author", company.name))
    if image:
        data["image"] = [image.url]
    return PageMeta(
        title=release.title,
        description=plain_text(release.summary or release.body),
        og_type="article",
        image=image,
        properties=properties,
        json_ld=data,
    )


OBJECT_PAGES = {
    Series: series_meta,
    Episode: episode_meta,
    Company: company_meta,
    Person: person_meta,
    PressRelease: pressrelease_meta,
}


def canonical_query(context):
    """
    The query string that belongs in a list's canonical address: `?page=`
    past the first page, nothing else. A filtered list is a view of the
    whole list: its canonical address is the unfiltered list's first page.
    """
    page_obj = context.get("page_obj")
    # The filters the view understood (unknown parameters are junk): the
    # views say so in `list_filtered` (press: company, person, year, kind;
    # companies: parent).
    filtered = context.get("list_filtered")
    if page_obj is not None and page_obj.number > 1 and not filtered:
        return f"?{PAGE_PARAMETER}={page_obj.number}"
    return ""


def list_canonical(request, view_name, context):
    return request.build_absolute_uri(reverse(view_name) + canonical_query(context))


def timeline_year_meta(request, context):
    """A year of the timeline: its own title and canonical address (its page)."""
    year = context["year"]
    _title, description = LIST_PAGES["timeline:index"]
    title = _("Timeline: %(year)s") % {"year": year}
    meta = PageMeta(title=title, description=str(description))
    url = reverse("timeline:year", kwargs={"year": year}) + canonical_query(context)
    meta.canonical = request.build_absolute_uri(url)
    return meta


def page_meta(context):
    """The PageMeta of the page being rendered (see the module docstring)."""
    request = context.get("request")
    if request is None:
        return None
    build = _Builder(request)
    match = request.resolver_match
    view_name = match.view_name if match else ""
    obj = context.get("object")
    describe = OBJECT_PAGES.get(type(obj))
    if view_name == "home" and context.get("series"):
        meta = series_meta(build, context["series"], context)
        meta.canonical = build.absolute(reverse("home"))
    elif describe is not None:
        meta = describe(build, obj, context)
        meta.canonical = build.url_of(obj, content_language(context))
    elif view_name == "timeline:year" and "year" in context:
        meta = timeline_year_meta(request, context)
    elif view_name in LIST_PAGES and "object_list" in context:
        title, description = LIST_PAGES[view_name]
        meta = PageMeta(title=str(title), description=str(description))
        meta.canonical = list_canonical(request, view_name, context)
    elif view_name == "home":
        meta = PageMeta(title=_("Renaulution"), description=str(SITE_DESCRIPTION))
        meta.canonical = build.absolute(reverse("home"))
    elif view_name == "search":
        # Not indexed (robots.txt and its noindex), so no canonical either.
        meta = PageMeta(title=_("Search"), description=str(SEARCH_DESCRIPTION))
    else:
        # Pages without a canonical address of their own (errors).
        meta = PageMeta(title=_("Renaulution"), description=str(SITE_DESCRIPTION))
    meta.description = meta.description or str(SITE_DESCRIPTION)
    language = translation.get_language()
    coverage = context.get("translation_coverage")
    unindexable = coverage.mostly_missing() if coverage else set()
    meta.locale = og_locale(language)
    meta.locale_alternates = [
        og_locale(code)
        for code in languages.codes()
        if code != language and code not in unindexable
    ]
    if meta.json_ld is not None:
        meta.json_ld["url"] = meta.canonical or meta.json_ld.get("url")
    return meta
