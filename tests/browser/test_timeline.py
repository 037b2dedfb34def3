"""A reader on the timeline in a real browser: a milestone's link, then another language."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from renaulution.languages import codes
from timeline.models import Milestone

from .conftest import HORIZONTAL_OVERFLOW, PHONE_CONTEXT
from .pages import WIDTHS, open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_follows_a_milestone_to_its_company_and_switches_language(
    page, live_server, content, external_requests, broken_responses, width
):
    with translation.override("en"):
        timeline = live_server.url + reverse("timeline:index")
    page.goto(timeline)
    expect(page.get_by_role("heading", level=1)).to_have_text("Timeline")
    expect(page.locator('nav.site-nav a[aria-current="page"]')).to_have_text("Timeline")
    milestones = page.locator("ol.timeline__milestones > li")
    expect(milestones).to_have_count(Milestone.objects.published().count())

    ampere = page.locator("li#ampere-launched")
    expect(ampere.locator("time")).to_have_attribute("datetime", "2023-11-01")
    expect(ampere.locator("h3")).to_have_text("Ampere starts work")
    ampere.get_by_role("link", name="Ampere", exact=True).click()
    page.wait_for_url(f"{live_server.url}/en/companies/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ampere")

    # The company page leads back to the milestone's place on its year's page.
    page.locator(
        "section[aria-labelledby=milestones-title] a", has_text="Ampere starts work"
    ).click()
    with translation.override("en"):
        year_2023 = live_server.url + reverse("timeline:year", kwargs={"year": 2023})
    expect(page).to_have_url(f"{year_2023}#ampere-launched")
    expect(page.locator("li#ampere-launched")).to_be_in_viewport()
    expect(page.locator("nav.timeline__years a[aria-current=page]")).to_contain_text("2023")

    # The language switcher keeps the year.
    open_menu(page)
    page.locator("nav.language-switcher a[hreflang=fr]").click()
    with translation.override("fr"):
        french = reverse("timeline:year", kwargs={"year": 2023})
    assert urlsplit(page.url).path == french
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    with translation.override("fr"):
        expect(page.get_by_role("heading", level=1)).to_have_text(
            gettext("Timeline: %(year)s") % {"year": 2023}
        )
    expect(page.locator("li#ampere-launched h3")).to_have_text("Ampere entre en activité")

    # Another year, from the list of years.
    page.locator("nav.timeline__years a", has_text="2020").click()
    expect(page.locator("li#luca-de-meo-chief-executive time")).to_have_text("juillet 2020")

    assert broken_responses == []
    assert external_requests == []


@pytest.mark.parametrize("language", codes())
@pytest.mark.browser_context_args(**PHONE_CONTEXT)
def test_on_a_phone_the_years_are_compact_chips_and_the_current_one_is_marked(
    page, live_server, content, broken_responses, language
):
    with translation.override(language):
        page.goto(live_server.url + reverse("timeline:year", kwargs={"year": 2023}))
    years = page.locator("nav.timeline__years li")
    count = years.count()
    assert count == len(Milestone.objects.published().year_counts()) > 1
    boxes = [years.nth(index).bounding_box() for index in range(count)]
    # Compact: the years side by side, wrapping onto two lines at most (a
    # row that scrolled would clip their focus ring), not a column.
    assert len({round(box["y"]) for box in boxes}) <= 2 < count
    row = page.locator("nav.timeline__years ol")
    assert row.bounding_box()["height"] < 6 * 16  # a few rem, not a block of lines
    # The page does not widen.
    assert page.evaluate(HORIZONTAL_OVERFLOW) == 0
    current = page.locator("nav.timeline__years a[aria-current=page]")
    expect(current).to_have_count(1)
    expect(current).to_contain_text("2023")
    # The counts are left to screen readers: the chip shows the year alone.
    hidden_count = current.locator(".timeline__count")
    expect(hidden_count).to_have_count(1)
    assert hidden_count.bounding_box()["width"] <= 1
    assert broken_responses == []
