"""An editor compares two revisions in the browser, under the real CSP, and restores one."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from revisions.services import recording, versions_of
from tests.browser.test_admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_compares_two_revisions_and_restores_one(
    page, live_server, content, editor, external_requests, broken_responses, save_screenshot
):
    """
    From the change form's History button: the list of revisions, the two
    chosen compared word by word in each language, then a restore that
    writes the older one back as a new revision.
    """
    release = PressRelease.objects.order_by("pk").first()
    original = (release.title_en, release.title_fr, release.title_it)
    with recording(user=editor, comment="Sharper titles"):
        release.title_en = f"{release.title_en}: the plan in figures"
        release.title_fr = f"{release.title_fr} : le plan en chiffres"
        release.title_it = f"{release.title_it}: il piano in cifre"
        release.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, editor)

    page.goto(
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    page.locator(".object-tools a.historylink").click()
    expect(page.locator("table.revision-list tbody tr")).to_have_count(2)
    expect(page.locator("table.revision-list tbody tr").first).to_contain_text("Sharper titles")
    page.get_by_role("button", name="Compare the chosen revisions").click()

    rows = page.locator("tr[data-field='title']")
    expect(rows).to_have_count(3)
    expect(page.locator("tr[data-field='title'][data-language='fr'] ins")).to_contain_text(
        "le plan en chiffres"
    )
    expect(page.locator("tr[data-field='title'][data-language='it'] ins")).to_contain_text(
        "il piano in cifre"
    )
    save_screenshot(page, "revision-compare.png", full_page=True)

    page.locator(".revision-pair dd").first.get_by_role("link", name="Restore…").click()
    expect(page.locator("tr[data-field='title'][data-language='en'] del")).to_contain_text(
        "the plan in figures"
    )
    page.get_by_role("button", name="Yes, restore this revision").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was restored")
    release.refresh_from_db()
    assert (release.title_en, release.title_fr, release.title_it) == original
    assert versions_of(release).count() == 3
    assert external_requests == []
    assert broken_responses == []
