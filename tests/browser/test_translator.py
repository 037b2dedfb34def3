"""A French translator's day: dashboard, queue, source beside target, fix, count drops."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from tests.browser.test_admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def outdated_count(page):
    return int(page.locator("#language-fr ~ .translation-summary .count-outdated").inner_text())


def test_translator_follows_the_queue_to_an_outdated_release_and_fixes_it(
    page, live_server, content, translator_fr, external_requests, broken_responses, save_screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    release = PressRelease.objects.filter(original_language="en").order_by("pk").first()
    release.title_en = release.title_en + " (updated)"
    release.save()

    log_in(page, live_server, translator_fr)
    page.goto(f"{live_server.url}{reverse('translations:dashboard')}")
    # Only French: the translator's one language.
    expect(page.locator(".translation-language h2")).to_have_text(["French"])
    before = outdated_count(page)
    assert before >= 1
    save_screenshot(page, "dashboard.png", full_page=True)

    page.get_by_role("link", name="Open the work queue").click()
    first = page.locator(".queue-item").first
    expect(first).to_contain_text(release.title_en)
    expect(first.locator(".state-outdated")).to_be_visible()
    # What changed in the English title since the French one was written.
    expect(first.locator(".queue-diff ins")).to_have_text("(updated)")
    first.locator("a.queue-link").click()
    expect(page).to_have_url(
        re.compile(re.escape(reverse("admin:companies_pressrelease_change", args=[release.pk])))
    )

    # The English source, in its own language, beside the French field, with the diff.
    pair = page.locator(".translation-pair").filter(has=page.locator("#id_title_fr"))
    source = pair.locator('.translation-source__text[lang="en"]')
    expect(source).to_have_text(release.title_en)
    expect(pair.locator(".translation-diff ins")).to_have_text("(updated)")
    # Other languages are read-only: no English or Italian title input.
    expect(page.locator("#id_title_en")).to_have_count(0)
    expect(page.locator("#id_title_it")).to_have_count(0)

    page.locator("#id_title_fr").fill(page.locator("#id_title_fr").input_value() + " (mis à jour)")
    page.locator("input[name=_save]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(f"{live_server.url}{reverse('translations:dashboard')}")
    assert outdated_count(page) == before - 1
    release.refresh_from_db()
    assert release.title_fr.endswith("(mis à jour)")
    assert external_requests == []
    assert broken_responses == []
