"""An editor previews an unsaved edit in a real browser: a new tab shows it, nothing is saved."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from tests.browser.conftest import REPORT_CSP_VIOLATIONS, is_csp_violation
from tests.browser.test_admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_previews_an_unsaved_title_in_a_new_tab(page, live_server, content, editor):
    release = PressRelease.objects.order_by("pk").first()
    saved_title = release.title_fr
    # The new tab's violations (the csp_violations fixture watches this tab).
    violations = []
    page.context.add_init_script(REPORT_CSP_VIOLATIONS)
    page.context.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if message.page is not page and is_csp_violation(message.text)
            else None
        ),
    )
    log_in(page, live_server, editor)
    page.goto(
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    page.locator('a[href="#tab_id_title_fr"]').click()
    title = page.locator("#id_title_fr")
    title.fill("Titre essayé avant d'enregistrer")

    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Preview: French").click()
    preview = opened.value
    preview.wait_for_load_state()

    expect(preview.locator("h1")).to_have_text("Titre essayé avant d'enregistrer")
    expect(preview.locator("html")).to_have_attribute("lang", "fr")
    expect(preview.locator("link[rel=stylesheet]")).to_have_count(1)
    assert violations == []
    # The form is still there, as the editor left it, and still unsaved.
    assert page.url.endswith(reverse("admin:companies_pressrelease_change", args=[release.pk]))
    expect(title).to_have_value("Titre essayé avant d'enregistrer")
    # The file input left out of the preview's post is back for the save.
    expect(page.locator("#id_image")).to_be_enabled()
    release.refresh_from_db()
    assert release.title_fr == saved_title
    # Saving afterwards still works: the preview left the form's address alone.
    with page.expect_navigation():
        page.locator("input[name=_save]").last.click()
    release.refresh_from_db()
    assert release.title_fr == "Titre essayé avant d'enregistrer"
