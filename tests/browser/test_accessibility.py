"""
Every public page type passes axe (WCAG 2.x A/AA) at phone and desktop width, in each language.

The pages are the shipped content, so they look as readers see them. A new
page type is one line in PAGE_TYPES.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from tests.factories import PressReleaseFactory

from .accessibility import assert_accessible
from .conftest import DESKTOP_CONTEXT, HORIZONTAL_OVERFLOW, PHONE_CONTEXT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

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
]

WIDTHS = [
    pytest.param("phone", marks=pytest.mark.browser_context_args(**PHONE_CONTEXT), id="phone"),
    pytest.param(
        "desktop", marks=pytest.mark.browser_context_args(**DESKTOP_CONTEXT), id="desktop"
    ),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", [pytest.param(p, id=p.id) for p in PAGE_TYPES])
def test_page_type_is_accessible_in_every_language(
    page, live_server, content, external_requests, broken_responses, page_type, width
):
    """No serious or critical axe violation, no sideways scrolling, nothing fetched elsewhere."""
    if page_type.setup:
        page_type.setup()
    expected_errors = set()
    for language in LANGUAGES:
        url = live_server.url + page_type.url(language)
        if page_type.status >= 400:
            expected_errors.add(f"{page_type.status} {url}")
        response = page.goto(url)
        assert response.status == page_type.status, f"{url} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, label=f"{url} ({language})")
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{url} scrolls sideways"
    assert external_requests == []
    # The error page's own status is the point; its styles and images must load.
    assert [line for line in broken_responses if line not in expected_errors] == []


def test_assert_accessible_names_the_rule_and_the_failing_element(page):
    """A page with an unlabelled field and grey-on-grey text fails, and the report says where."""
    page.set_content(
        """<!DOCTYPE html><html lang="en"><head><title>Bad page</title></head><body><main>
        <h1>Bad page</h1>
        <p style="color: #aaa; background: #bbb">Hard to read</p>
        <input type="text" id="nameless">
        </main></body></html>"""
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, label="the bad page")
    report = str(failure.value)
    assert "violation(s) on the bad page" in report
    assert "[serious] color-contrast:" in report
    assert "[critical] label:" in report
    assert "#nameless" in report and '<input type="text" id="nameless">' in report


def test_assert_accessible_passes_a_plain_well_formed_page(page):
    """The same page with a label and readable text passes: the check is not failing everything."""
    page.set_content(
        """<!DOCTYPE html><html lang="en"><head><title>Good page</title></head><body><main>
        <h1>Good page</h1>
        <p>Easy to read</p>
        <label for="named">Name</label><input type="text" id="named">
        </main></body></html>"""
    )
    assert_accessible(page)
