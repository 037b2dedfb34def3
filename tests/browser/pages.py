"""
The public page types, in one table: what the accessibility, layout and screenshot tests visit.

A page type is a URL name with its arguments, so adding one (the timeline,
search) is one line here and every check runs on it at both widths.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from playwright.sync_api import expect

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from tests.factories import PressReleaseFactory

from .conftest import DESKTOP_CONTEXT, PHONE_CONTEXT

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def one_more_page_of_press_releases():
    """The shipped content fits one page; a second one needs more releases."""
    PressReleaseFactory.create_batch(
        settings.PRESS_RELEASES_PER_PAGE, company=Company.objects.get(slug_en="renault-group")
    )


@dataclass
class PageType:
    id: str
    url_name: str
    # The object whose slug, in the page's language, is the `slug` URL argument.
    slug_of: tuple = None  # (model, lookup)
    kwargs: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    status: int = 200
    setup: object = None  # a function that adds data the shipped content lacks

    def url(self, language):
        with translation.override(language):
            kwargs = dict(self.kwargs)
            if self.slug_of:
                model, lookup = self.slug_of
                kwargs["slug"] = model.objects.get(**lookup).slug
            url = reverse(self.url_name, kwargs=kwargs)
        return f"{url}?{urlencode(self.query)}" if self.query else url


PAGE_TYPES = [
    PageType("home", "home"),
    PageType("episode-list", "episodes:episode_list"),
    PageType("episode", "episodes:episode_detail", slug_of=(Episode, {"number": 1})),
    PageType("company-tree", "companies:company_list"),
    PageType(
        "company", "companies:company_detail", slug_of=(Company, {"slug_en": "renault-group"})
    ),
    PageType("people", "companies:person_list"),
    PageType("person", "companies:person_detail", slug_of=(Person, {"slug_en": "luca-de-meo"})),
    PageType("press-list", "companies:pressrelease_list"),
    PageType("press-filtered", "companies:pressrelease_list", query={"company": "renault-group"}),
    PageType(
        "press-filtered-empty",
        "companies:pressrelease_list",
        query={"company": "ampere", "year": 2021},
    ),
    PageType(
        "press-page-2",
        "companies:pressrelease_list",
        query={"page": 2},
        setup=one_more_page_of_press_releases,
    ),
    PageType(
        "press-release",
        "companies:pressrelease_detail",
        slug_of=(PressRelease, {"slug_en": "renaulution-strategic-plan"}),
    ),
    PageType("not-found", "episodes:episode_detail", kwargs={"slug": "no-such-page"}, status=404),
    PageType("timeline", "timeline:index"),
    PageType("timeline-year", "timeline:year", kwargs={"year": 2023}),
    PageType("search", "search", query={"q": "renault"}),
    PageType("search-empty", "search", query={"q": "zzzz"}),
]

BY_ID = {page_type.id: page_type for page_type in PAGE_TYPES}


def visits(page_types=PAGE_TYPES, languages=LANGUAGES):
    """
    (page type, language, path) for each page type in each language, with its data in place.

    Everything is resolved before the browser starts: in tests the live server
    answers from another thread on the same in-memory SQLite connection, so
    the test thread keeps off the database while pages load.
    """
    for page_type in page_types:
        if page_type.setup:
            page_type.setup()
    return [
        (page_type, language, page_type.url(language))
        for page_type in page_types
        for language in languages
    ]


# The main menu, in order, by URL name.
MENU = [
    "episodes:episode_list",
    "companies:company_list",
    "companies:person_list",
    "companies:pressrelease_list",
    "timeline:index",
]


def open_menu(page):
    """Unfold the menu where it is folded behind its button (a phone); elsewhere it is open."""
    button = page.locator(".menu-button")
    if button.is_visible() and button.get_attribute("aria-expanded") == "false":
        button.click()
    expect(page.locator("#site-menu")).to_be_visible()


# Each as a pytest parameter: a viewport name, and the context it opens with.
WIDTHS = [
    pytest.param("phone", marks=pytest.mark.browser_context_args(**PHONE_CONTEXT), id="phone"),
    pytest.param(
        "desktop", marks=pytest.mark.browser_context_args(**DESKTOP_CONTEXT), id="desktop"
    ),
]
