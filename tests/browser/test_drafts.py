"""An editor saves a draft of a live page in a real browser, previews it, then publishes it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from drafts.models import PendingChange
from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_saves_a_draft_of_a_live_page_previews_and_publishes_it(
    page, browser, live_server, editor, external_requests, broken_responses
):
    release = PressReleaseFactory(title_en="Ampere starts", slug_en="ampere-starts")
    public_url = f"{live_server.url}{release.get_absolute_url()}"
    change_url = (
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    reader = browser.new_page()
    log_in(page, live_server, editor)

    page.goto(change_url)
    page.locator("#id_title_en").fill("Ampere starts on the stock market")
    page.locator("input[name=_save_draft]").last.click()
    expect(page.locator(".drafts-banner")).to_contain_text("Live, with unpublished changes.")
    expect(page.locator("#id_title_en")).to_have_value("Ampere starts on the stock market")
    assert PendingChange.objects.count() == 1

    # Readers keep the live version.
    reader.goto(public_url)
    expect(reader.locator("h1")).to_have_text("Ampere starts")

    # The changelist says so too.
    page.goto(f"{live_server.url}{reverse('admin:companies_pressrelease_changelist')}")
    expect(page.locator(".badge-pending")).to_have_text("live, with unpublished changes")

    # The form opens the draft; its preview shows the draft's text, in a
    # new tab, while readers still get the live page.
    page.goto(change_url)
    expect(page.locator("#id_title_en")).to_have_value("Ampere starts on the stock market")
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Preview: English").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text("Ampere starts on the stock market")
    preview.close()
    reader.goto(public_url)
    expect(reader.locator("h1")).to_have_text("Ampere starts")

    page.locator("input[name=_publish_draft]").last.click()
    expect(page.locator(".messagelist")).to_contain_text("Draft published.")
    reader.goto(public_url)
    expect(reader.locator("h1")).to_have_text("Ampere starts on the stock market")
    assert PendingChange.objects.count() == 0
    reader.close()
    assert external_requests == []
    assert broken_responses == []
