"""
A French translator asks DeepL (a local server speaking its API) for a
suggestion: it shows marked as machine output, goes into the field only
with Insert, and into the database only when the form is saved.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory
from translations.admin import change_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABEL = "Machine translation (DeepL) — check before saving"


@pytest.fixture
def release():
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        body_en="<p>The plant opens in <strong>Douai</strong>.</p>",
        body_fr="",
    )


def test_insert_fills_the_field_and_only_saving_stores_it(
    page, live_server, translator_fr, deepl, release, external_requests, broken_responses
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, translator_fr)
    page.goto(f"{live_server.url}{change_url(release)}")

    title = page.locator(".machine-translation[data-machine-for=id_title_fr]")
    title.get_by_role("button", name="Machine translation").click()
    expect(title.locator(".machine-label")).to_have_text(LABEL)
    expect(title.locator(".machine-target")).to_have_text("Ampere démarre")
    # Shown, not inserted, not saved.
    expect(page.locator("#id_title_fr")).to_have_value("")
    release.refresh_from_db()
    assert release.title_fr == ""
    title.get_by_role("button", name="Insert").click()
    expect(page.locator("#id_title_fr")).to_have_value("Ampere démarre")

    body = page.locator(".machine-translation[data-machine-for=id_body_fr]")
    body.get_by_role("button", name="Machine translation").click()
    expect(body.locator(".machine-target")).to_have_text("L'usine ouvre à Douai.")
    body.get_by_role("button", name="Insert").click()
    editor = page.locator(".translation-target .prose-editor .ProseMirror[contenteditable=true]")
    expect(editor.locator("strong")).to_have_text("Douai")
    release.refresh_from_db()
    assert (release.title_fr, release.body_fr) == ("", "")

    page.locator("input[name=_save]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"
    assert release.body_fr == "<p>L'usine ouvre à <strong>Douai</strong>.</p>"
    assert [request["body"]["target_lang"] for request in deepl.requests] == ["FR", "FR"]
    # DeepL is asked by the site, never by the translator's browser.
    assert external_requests == []
    assert broken_responses == []


def test_a_used_up_quota_is_a_message_beside_the_field(
    page, live_server, translator_fr, deepl, release
):
    deepl.status = 456
    log_in(page, live_server, translator_fr)
    page.goto(f"{live_server.url}{change_url(release)}")
    title = page.locator(".machine-translation[data-machine-for=id_title_fr]")
    title.get_by_role("button", name="Machine translation").click()
    expect(title.locator(".machine-error")).to_have_text(
        "The DeepL quota is used up for this period."
    )
    expect(title.get_by_role("button", name="Insert")).to_have_count(0)
    # Announced to screen readers: the box is a live region.
    expect(title.locator(".machine-suggestion")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#id_title_fr")).to_have_value("")
    # The button is usable again for a later try.
    expect(title.get_by_role("button", name="Machine translation")).to_be_enabled()
