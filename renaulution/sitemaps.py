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
counted with one aggregate query, a page reads only its own rows as
`values()` (no model instances), URLs are made from slugs and one
`reverse()` per language (not one per URL), and the languages left out are
read in one grouped query. The index reads no object rows at all unless a
section has more URLs than a page holds. Query counts do not grow with the
data: tests/test_sitemaps.py holds them.
"""

import datetime
import html
from functools import cached_property

from django.conf import settings
from django.contrib import sitemaps
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Count, Max, Value
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from timeline.models import Milestone
from translations.readers import mostly_missing_by_object

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
    # Below the protocol's 50,000: each URL carries one alternate per
    # language, and a page of the section is rendered in one response.
    limit = 10000

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


class LanguagePairs:
    """
    A section's (row, language) pairs in sitemap order (objects by pk, each
    in its languages), as a sequence Django's paginator counts and slices
    without building it: a page reads only its own rows.
    """

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        return self.sitemap.url_count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("LanguagePairs only takes contiguous slices.")
        return self.sitemap.pairs(index.start or 0, index.stop)


class PublishedSitemap(I18nSitemap):
    """
    The published objects of `model`, in the languages they are translated
    into. Items are (row, language) pairs, a row being a dict of the pk,
    `updated_at` and the slugs.
    """

    model = None
    # The detail page's URL name; it takes the slug as its only argument.
    url_name = None

    def queryset(self):
        return self.model.objects.published()

    @property
    def paginator(self):
        return self._pairs_paginator

    @cached_property
    def _pairs_paginator(self):
        return Paginator(LanguagePairs(self), self.limit)

    @cached_property
    def _summary(self):
        """The number of objects and their newest change: one aggregate query."""
        return self.queryset().order_by().aggregate(count=Count("pk"), newest=Max("updated_at"))

    @cached_property
    def _mostly_missing(self):
        return mostly_missing_by_object(self.queryset())

    @property
    def url_count(self):
        objects = self._summary["count"]
        if self._fits_one_page:
            # One page whatever is left out (every object keeps its source
            # language): the index needs no more than the count.
            return objects * len(self._languages())
        left_out = sum(len(self.missing_languages(pk)) for pk in self._mostly_missing)
        return objects * len(self._languages()) - left_out

    @property
    def _fits_one_page(self):
        return self._summary["count"] * len(self._languages()) <= self.limit

    def missing_languages(self, pk):
        return self._mostly_missing.get(pk, set()) & set(self._languages())

    def get_languages_for_item(self, item):
        missing = self.missing_languages(item["pk"])
        return [code for code in self._languages() if code not in missing]

    def _row_fields(self):
        return ["pk", "updated_at", *(f"slug_{code}" for code in self._languages())]

    def pairs(self, start, stop):
        """The pairs start..stop of the section, reading only their rows."""
        languages = len(self._languages())
        rows = self.queryset().order_by("pk").values(*self._row_fields())
        if self._fits_one_page:
            skip = start
        elif self._mostly_missing:
            # Objects have fewer URLs than languages: find where the page's
            # objects start from the pks alone (integers, not rows).
            pks = self._published_pks()
            first, skip, position = None, 0, 0
            last = None
            for pk in pks:
                size = languages - len(self.missing_languages(pk))
                if first is None and position + size > start:
                    first, skip = pk, start - position
                position += size
                if stop is not None and position >= stop:
                    last = pk
                    break
            if first is None:
                return []
            rows = rows.filter(pk__gte=first)
            if last is not None:
                rows = rows.filter(pk__lte=last)
        else:
            skip = start % languages
            end = None if stop is None else -(-stop // languages)
            rows = rows[start // languages : end]
        pairs = [(row, code) for row in rows for code in self.get_languages_for_item(row)]
        return pairs[skip : None if stop is None else skip + stop - start]

    def _published_pks(self):
        """The pks in order, straight from the cursor: 100,000 integers, no row objects."""
        queryset = self.queryset().order_by("pk").values_list("pk")
        sql, params = queryset.query.sql_with_params()
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return [pk for (pk,) in cursor.fetchall()]

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
    `sitemap.xml` template writes it: a page of 10,000 URLs with their
    alternates is 7 MB, and the template engine (and its `{% spaceless %}`
    over the whole output) took seconds where this takes a fraction. Passed
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


def day(value):
    """A lastmod as the template's `date:"Y-m-d"` writes it (in the current time zone)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return value.isoformat()


URLSET_TEMPLATE = UrlsetTemplate()
