"""
The sitemap: every public page in every language, with hreflang alternates.

`/sitemap.xml` is a sitemap index with one section per kind of page
(`SITEMAPS`), each section paginated by Django (`?p=`). An index because a
sitemap file holds at most 50,000 URLs and each object has one URL per
language: 3 languages × 100,000 press releases would not fit in one file.

A language version that is mostly untranslated is left out, as it is left
out of the page's own hreflang alternates (`language_links`): it would show
search engines the source language under another language's address.
"""

from functools import cached_property

from django.conf import settings
from django.contrib import sitemaps
from django.db.models import Max
from django.urls import reverse

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

    def _location(self, item, force_lang_code=None):
        # Django asks for each language's URL of an object once for the
        # object's own entry in that language and again for each alternate
        # of every entry: reverse() each (object, language) once.
        obj, lang_code = item
        key = (getattr(obj, "pk", obj), force_lang_code or lang_code)
        if key not in self._locations:
            self._locations[key] = super()._location(item, force_lang_code)
        return self._locations[key]

    @cached_property
    def _locations(self):
        return {}

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
        """One query per model, whatever the number of objects."""
        newest = {}
        for _name, models in STATIC_PAGES:
            for model in models:
                if model not in newest:
                    newest[model] = model.objects.published().aggregate(newest=Max("updated_at"))[
                        "newest"
                    ]
        return {
            name: max(filter(None, (newest[model] for model in models)), default=None)
            for name, models in STATIC_PAGES
        }


class PublishedSitemap(I18nSitemap):
    """The published objects of `model`, in the languages they are translated into."""

    model = None

    def queryset(self):
        return self.model.objects.published()

    def items(self):
        return self._items_list

    @cached_property
    def _items_list(self):
        # Only what the URL and lastmod need: sitemaps of many rows.
        fields = ["pk", "updated_at", *(f"slug_{code}" for code, _name in settings.LANGUAGES)]
        return list(self.queryset().order_by("pk").only(*fields))

    @cached_property
    def _mostly_missing(self):
        return mostly_missing_by_object(self.queryset())

    def get_languages_for_item(self, item):
        missing = self._mostly_missing.get(item.pk, set())
        return [code for code in self._languages() if code not in missing]

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return max((item.updated_at for item in self.items()), default=None)


class EpisodeSitemap(PublishedSitemap):
    model = Episode


class CompanySitemap(PublishedSitemap):
    model = Company


class PersonSitemap(PublishedSitemap):
    model = Person


class PressReleaseSitemap(PublishedSitemap):
    model = PressRelease


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
        return Milestone.objects.published().year_counts()


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "timeline": TimelineYearSitemap,
    "episodes": EpisodeSitemap,
    "companies": CompanySitemap,
    "people": PersonSitemap,
    "press": PressReleaseSitemap,
}
