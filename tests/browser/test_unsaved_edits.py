"""Leaving a change form with unsaved edits asks first; saving does not."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_change_form(page, live_server, editor):
    release = PressReleaseFactory(title_en="Ampere starts")
    log_in(page, live_server, editor)
    url = f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    page.goto(url)
    return release, url


def record_dialogs(page):
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "Stay on page"

    page.on("dialog", dismiss)
    return dialogs


def test_leaving_a_form_with_unsaved_edits_asks_and_can_stay(page, live_server, editor):
    release, url = open_change_form(page, live_server, editor)
    dialogs = record_dialogs(page)
    page.locator("#id_title_en").fill("Ampere starts on Monday")

    page.locator(".breadcrumbs a").first.click()

    expect(page.locator("#id_title_en")).to_have_value("Ampere starts on Monday")
    assert dialogs == ["beforeunload"]
    assert page.url == url
    release.refresh_from_db()
    assert release.title_en == "Ampere starts"


def test_saving_or_leaving_an_untouched_form_asks_nothing(page, live_server, editor):
    release, url = open_change_form(page, live_server, editor)
    dialogs = record_dialogs(page)

    page.locator(".breadcrumbs a").first.click()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")
    page.goto(url)
    page.locator("#id_title_en").fill("Ampere starts on Monday")
    page.locator("input[name=_save]").first.click()

    expect(page).to_have_url(
        f"{live_server.url}{reverse('admin:companies_pressrelease_changelist')}"
    )
    assert dialogs == []
    assert PressRelease.objects.get(pk=release.pk).title_en == "Ampere starts on Monday"
