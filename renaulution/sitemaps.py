"""
The sitemap: every public page in every language, with hreflang alternates.

`/sitemap.xml` is a sitemap index with one section per kind of page
(`SITEMAPS`), each section paginated by Django (`?p=`). An index because a
sitemap file holds at most 50,000 URLs and each object has one URL per
language: 3 languages × 100,000 press releases would not fit in one file.

A language version that is mostly untranslated is left out, as it is left
out of the page's own hreflang alternates (`language_links`): it would show
search engines the source language under another language's address.

Built to stay cheap at any size (100,000 press releases): a section is
paged by object (`ObjectPages`), so it is counted with one aggregate query
and the index reads no object rows at all; a page reads only its own rows
as `values()` (no model instances), URLs are made from slugs and one
`reverse()` per language (not one per URL), and the languages its objects
leave out are read in one grouped query. A page is bounded by `limit`
URLs, whatever the number of objects. Query counts do not grow with the
data: tests/test_sitemaps.py holds them.
"""

import datetime
import html
from functools import cached_property

from django.conf import settings
from django.contrib import sitemaps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max, Value
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from timeline.models import Milestone
from translations.notices import mostly_missing_by_object

# The pages that are not about one object, with the models whose newest
# change is the page's last modification. Add a page here and it is in the
# sitemap (e.g. ("timeline:index", (…,)) once the timeline exists); give it
# its title in renaulution.seo.LIST_PAGES too, for its meta tags.
STATIC_PAGES = (
    ("home", (Series, Episode, PressRelease)),
    ("episodes:episode_list", (Episode,)),
    ("companies:company_list", (Company,)),
    ("companies:person_list", (Person,)),
    ("companies:pressrelease_list", (PressRelease,)),
    ("timeline:index", (Milestone,)),
)

# Stands for the slug in a reversed URL, replaced by each object's slug.
SLUG_PLACEHOLDER = "slug-placeholder"


class I18nSitemap(sitemaps.Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # URLs a page (the protocol allows 50,000): a page is a response to
    # render, its bytes and time grow with it (~0.7 KB and ~0.02 ms a URL
    # with its alternates), the index grows as it shrinks (one ~0.12 KB
    # entry a page). At 300, a page is ~210 KB in ~8 ms of CPU at any size,
    # and 100,000 press releases make ~1,000 of the index's entries
    # (the protocol allows 50,000 there too).
    limit = 300

    def _urls(self, page, protocol, domain):
        # Django's x-default is the English URL without its language
        # prefix, which assumes `prefix_default_language=False`; every page
        # here has a prefix, so x-default is the English URL itself.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url["alternates"]}
            if "x-default" in by_language:
                by_language["x-default"]["location"] = by_language[settings.LANGUAGE_CODE][
                    "location"
                ]
        return urls

    def _languages(self):
        # Asked for each URL: read the setting once.
        return self._language_codes

    @cached_property
    def _language_codes(self):
        return super()._languages()

    @property
    def paginator(self):
        # Django builds a paginator (so the item list) each time it is asked;
        # the index asks twice per section.
        return self._paginator

    @cached_property
    def _paginator(self):
        return sitemaps.Sitemap.paginator.fget(self)


class StaticPagesSitemap(I18nSitemap):
    def items(self):
        return [name for name, _models in STATIC_PAGES]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return self._lastmods[item]

    def get_latest_lastmod(self):
        return max(filter(None, self._lastmods.values()), default=None)

    @cached_property
    def _lastmods(self):
        """The newest change of every model, in one query (a union of aggregates)."""
        models = list(dict.fromkeys(model for _name, models in STATIC_PAGES for model in models))
        first, *others = [
            # Grouped by a constant: exactly one row per model, labelled.
            model.objects.published()
            .order_by()
            .annotate(model=Value(model._meta.label_lower))
            .values("model")
            .annotate(newest=Max("updated_at"))
            .values_list("model", "newest")
            for model in models
        ]
        by_label = dict(first.union(*others, all=True))
        newest = {model: by_label.get(model._meta.label_lower) for model in models}
        return {
            name: max(filter(None, (newest.get(model) for model in models)), default=None)
            for name, models in STATIC_PAGES
        }


class ObjectPages:
    """
    A section's URLs paged by object, for Django's paginator: its count is
    the number of objects and a slice [a:b] is the (row, language) pairs of
    the objects a..b (one to len(LANGUAGES) pairs each, in sitemap order:
    objects by pk, each in its languages). A page so reads only its own
    rows, and counting the pages takes the objects' count alone, never
    which languages are left out.
    """

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        return self.sitemap.object_count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("ObjectPages only takes contiguous slices.")
        return self.sitemap.pairs(index.start or 0, index.stop)


class UncountedPaginator(Paginator):
    """
    Serves a page of a section without counting the section (the index
    counts it, for its page links): a page past the end is found empty and
    is a 404 like any page that does not exist.
    """

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        items = self.object_list[bottom : bottom + self.per_page]
        if not items and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(items, number, self)


class PublishedSitemap(I18nSitemap):
    """
    The published objects of `model`, in the languages they are translated
    into. Items are (row, language) pairs, a row being a dict of the pk,
    `updated_at`, the slugs and the languages it is listed in. A page holds
    `limit // languages` objects, so at most `limit` URLs (fewer where
    languages are left out).
    """

    model = None
    # The detail page's URL name; it takes the slug as its only argument.
    url_name = None

    def queryset(self):
        return self.model.objects.published()

    @property
    def paginator(self):
        return self._objects_paginator

    @cached_property
    def _objects_paginator(self):
        return UncountedPaginator(ObjectPages(self), self.objects_per_page)

    @property
    def objects_per_page(self):
        return max(1, self.limit // len(self._languages()))

    @cached_property
    def _summary(self):
        """The number of objects and their newest change: one aggregate query."""
        return self.queryset().order_by().aggregate(count=Count("pk"), newest=Max("updated_at"))

    @property
    def object_count(self):
        return self._summary["count"]

    def get_languages_for_item(self, item):
        return item["languages"]

    def _row_fields(self):
        return ["pk", "updated_at", *(f"slug_{code}" for code in self._languages())]

    def pairs(self, start, stop):
        """The pairs of the objects start..stop, reading only their rows."""
        # The page's keys first, from an index holding the published
        # rows in pk order (an index-only scan, however deep the page), then
        # only their rows: OFFSET over the table would read every row before.
        keys = self.queryset().order_by("pk").values("pk")[start:stop]
        rows = list(
            self.model.objects.filter(pk__in=keys).order_by("pk").values(*self._row_fields())
        )
        if not rows:
            return []
        # The languages left out, of these objects only (one grouped query).
        missing = mostly_missing_by_object(
            self.model.objects.filter(pk__in=[row["pk"] for row in rows])
        )
        for row in rows:
            left_out = missing.get(row["pk"], set())
            row["languages"] = [code for code in self._languages() if code not in left_out]
        return [(row, code) for row in rows for code in row["languages"]]

    @cached_property
    def _url_templates(self):
        """{language: URL with SLUG_PLACEHOLDER}: one reverse() per language, not per URL."""
        templates = {}
        for code in self._languages():
            with translation.override(code):
                templates[code] = reverse(self.url_name, kwargs={"slug": SLUG_PLACEHOLDER})
        return templates

    def _location(self, item, force_lang_code=None):
        row, lang_code = item
        code = force_lang_code or lang_code
        # modeltranslation's fallback: an empty localized slug is the English one.
        slug = row[f"slug_{code}"] or row[f"slug_{settings.LANGUAGE_CODE}"]
        return self._url_templates[code].replace(SLUG_PLACEHOLDER, slug, 1)

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self._summary["newest"]


class EpisodeSitemap(PublishedSitemap):
    model = Episode
    url_name = "episodes:episode_detail"


class CompanySitemap(PublishedSitemap):
    model = Company
    url_name = "companies:company_detail"


class PersonSitemap(PublishedSitemap):
    model = Person
    url_name = "companies:person_detail"


class PressReleaseSitemap(PublishedSitemap):
    model = PressRelease
    url_name = "companies:pressrelease_detail"


class TimelineYearSitemap(I18nSitemap):
    """
    The timeline's year pages (their first page: the list pages of the
    other sections are not listed page by page either), from one aggregate
    query whose rows are the years.
    """

    def items(self):
        return list(self._years)

    def location(self, item):
        return reverse("timeline:year", kwargs={"year": item})

    def lastmod(self, item):
        return self._years[item][1]

    def get_latest_lastmod(self):
        return max(filter(None, (newest for _count, newest in self._years.values())), default=None)

    @cached_property
    def _years(self):
        return Milestone.objects.published().year_counts(newest=True)


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "timeline": TimelineYearSitemap,
    "episodes": EpisodeSitemap,
    "companies": CompanySitemap,
    "people": PersonSitemap,
    "press": PressReleaseSitemap,
}


class UrlsetTemplate:
    """
    The `<urlset>` of a section page written in Python, as Django's
    `sitemap.xml` template writes it: the template engine (and its
    `{% spaceless %}` over the whole output) takes many times longer over a
    page of URLs with their alternates. Passed
    to Django's sitemap view as its `template_name` (a template object is
    accepted there).
    """

    HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    )

    def render(self, context=None, request=None):
        # Each location is written once as <loc> and again as an alternate of
        # every language version: escape each once (html.escape is what
        # Django's escape calls, without its lazy-string wrapper).
        escaped = {}

        def esc(text):
            text = str(text)
            if text not in escaped:
                escaped[text] = html.escape(text)
            return escaped[text]

        parts = [self.HEAD]
        for url in (context or {}).get("urlset", ()):
            parts.append(f"<url><loc>{esc(url['location'])}</loc>")
            if url.get("lastmod"):
                parts.append(f"<lastmod>{day(url['lastmod'])}</lastmod>")
            if url.get("changefreq"):
                parts.append(f"<changefreq>{esc(url['changefreq'])}</changefreq>")
            if url.get("priority"):
                parts.append(f"<priority>{esc(url['priority'])}</priority>")
            for alternate in url.get("alternates", ()):
                parts.append(
                    f'<xhtml:link rel="alternate" hreflang="{esc(alternate["lang_code"])}" '
                    f'href="{esc(alternate["location"])}"/>'
                )
            parts.append("</url>")
        parts.append("</urlset>\n")
        return "".join(parts)


class IndexTemplate:
    """
    The `<sitemapindex>` written in Python, as Django's `sitemap_index.xml`
    template writes it: the index has one entry per page of every section
    (over a thousand at 100,000 press releases), which the template engine
    took ~20 ms to write. Passed to Django's index view as its
    `template_name`.
    """

    HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )

    def render(self, context=None, request=None):
        moments = {}  # the pages of a section share its lastmod: written once
        parts = [self.HEAD]
        for site in (context or {}).get("sitemaps", ()):
            parts.append(f"<sitemap><loc>{html.escape(str(site.location))}</loc>")
            if site.last_mod:
                if site.last_mod not in moments:
                    moments[site.last_mod] = moment(site.last_mod)
                parts.append(f"<lastmod>{moments[site.last_mod]}</lastmod>")
            parts.append("</sitemap>")
        parts.append("\n</sitemapindex>\n")
        return "".join(parts)


def moment(value):
    """A lastmod as the template's `date:"c"` writes it (in the current time zone)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


def day(value):
    """A lastmod as the template's `date:"Y-m-d"` writes it (in the current time zone)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return value.isoformat()


URLSET_TEMPLATE = UrlsetTemplate()
INDEX_TEMPLATE = IndexTemplate()
