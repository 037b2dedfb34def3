"""A colleague saved the same field first: the panel in the browser, then a choice."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from tests.browser.conftest import staff_user
from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory
from tests.test_conflicts import open_form, save, saved

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_conflict_panel_shows_the_diff_and_keeps_the_chosen_version(
    page, live_server, editor, django_user_model
):
    release = PressReleaseFactory(title_en="Ampere starts", summary_en="Old summary.")
    log_in(page, live_server, editor)
    page.goto(
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    colleague = Client()
    colleague.force_login(staff_user(django_user_model, "colleague", "Editors"))
    form = open_form(colleague, release)
    saved(save(colleague, release, form, title_en="Ampere starts today", summary_en="New."))

    page.locator("#id_title_en").fill("Ampere starts on Monday")
    page.locator("input[name=_save]").first.click()

    panel = page.locator("#conflict-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("colleague")
    expect(panel.locator("del")).to_have_text("today")
    expect(panel.locator("ins")).to_have_text("on Monday")
    page.locator("input[name='_conflict_choice__title_en'][value=mine]").check()
    page.locator("input[name=_save]").first.click()

    expect(page).to_have_url(
        f"{live_server.url}{reverse('admin:companies_pressrelease_changelist')}"
    )
    release = PressRelease.objects.get(pk=release.pk)
    assert (release.title_en, release.summary_en) == ("Ampere starts on Monday", "New.")
