"""A reader searching the shipped content from the header, in a real browser."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from companies.models import Company

from .pages import WIDTHS, open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_searches_from_the_header_and_opens_a_result(
    page, live_server, content, external_requests, broken_responses, width
):
    """The header form works by keyboard alone and leads to the page in the reader's language."""
    with translation.override("fr"):
        label = gettext("Search the site")
    page.goto(f"{live_server.url}/fr/")
    open_menu(page)
    field = page.get_by_role("search").first.get_by_label(label)
    field.fill("électrique")
    field.press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/search/?q=*")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    results = page.locator(".search-result")
    expect(results.first).to_be_visible()
    expect(page.locator(".search-result mark").first).to_be_visible()

    page.goto(f"{live_server.url}/fr/search/?q=Ampere")
    ampere = Company.objects.get(name="Ampere")
    with translation.override("fr"):
        ampere_url = ampere.get_absolute_url()
    page.locator(f'.search-result a[href="{ampere_url}"]').click()
    expect(page).to_have_url(live_server.url + ampere_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ampere")

    assert external_requests == []
    assert broken_responses == []
