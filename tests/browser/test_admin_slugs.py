"""An editor adding a press release sees each language's slug follow its title."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = {
    "en": ("Electric plant opens", "electric-plant-opens"),
    "fr": ("Usine électrique inaugurée", "usine-electrique-inauguree"),
    "it": ("Fabbrica elettrica inaugurata", "fabbrica-elettrica-inaugurata"),
}


def language_tab(page, field, language):
    tab = page.locator(f'li.ui-tabs-tab a[href="#tab_id_{field}_{language}"]')
    tab.click()
    expect(page.locator(f"#tab_id_{field}_{language}")).to_be_visible()


def test_each_languages_slug_follows_its_title_until_the_editor_writes_it(
    page, live_server, editor, external_requests, broken_responses
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}{reverse('admin:companies_pressrelease_add')}")

    for language, (title, slug) in TITLES.items():
        language_tab(page, "title", language)
        # Typed key by key: Django's script fills the slug on each keyup.
        page.locator(f"#id_title_{language}").press_sequentially(title)
        expect(page.locator(f"#id_slug_{language}")).to_have_value(slug)

    # The editor writes the French slug: the French title no longer changes it,
    # and the other languages' slugs still follow their own titles only.
    language_tab(page, "slug", "fr")
    french_slug = page.locator("#id_slug_fr")
    french_slug.fill("usine-de-douai")
    french_slug.dispatch_event("change")
    language_tab(page, "title", "fr")
    page.locator("#id_title_fr").press_sequentially(" à Douai")
    expect(french_slug).to_have_value("usine-de-douai")
    expect(page.locator("#id_slug_en")).to_have_value(TITLES["en"][1])
    expect(page.locator("#id_slug_it")).to_have_value(TITLES["it"][1])
    assert broken_responses == []
    assert external_requests == []
