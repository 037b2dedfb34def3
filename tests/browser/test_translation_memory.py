"""A French translator takes the memory's suggestions with the Insert buttons."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory
from translations.admin import change_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRENCH_BODY = "<p>L'usine ouvre à <strong>Douai</strong>. Elle produit 400\u202f000 voitures.</p>"


def test_insert_puts_a_match_into_the_title_and_the_rich_text_editor(
    page, live_server, translator_fr, external_requests, broken_responses
):
    PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        body_en="<p>The plant opens in Douai. It builds 400,000 cars a year.</p>",
        body_fr=FRENCH_BODY,
    )
    release = PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        body_en="<p>The plant opens in Douai. It builds 300,000 cars a year.</p>",
        body_fr="",
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, translator_fr)
    page.goto(f"{live_server.url}{change_url(release)}")

    title = page.locator(".translation-memory[data-memory-for=id_title_fr]")
    expect(title.locator(".memory-percent")).to_have_text(["100\u00a0%"])
    title.get_by_role("button", name="Insert").click()
    expect(page.locator("#id_title_fr")).to_have_value("Ampere démarre")

    body = page.locator(".translation-memory[data-memory-for=id_body_fr]")
    expect(body.locator(".memory-segment")).to_have_count(2)
    editor = page.locator(
        ".translation-target .prose-editor .ProseMirror[contenteditable=true]"
    ).filter(has_not=page.locator("#id_title_fr"))
    body.locator(".memory-match").nth(0).get_by_role("button", name="Insert").click()
    # The fuzzy one (another figure) goes after it, at the end.
    body.locator(".memory-segment").nth(1).get_by_role("button", name="Insert").click()
    expect(editor.locator("strong")).to_have_text("Douai")
    expect(editor).to_have_text("L'usine ouvre à Douai. Elle produit 400\u202f000 voitures.")

    page.locator("input[name=_save]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"
    assert release.body_fr == FRENCH_BODY
    assert external_requests == []
    assert broken_responses == []
