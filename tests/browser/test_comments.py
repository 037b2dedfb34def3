"""A French translator asks about a title; the editor finds it in the queue and resolves it."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from tests.browser.test_admin import log_in
from translations.models import FieldComment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Is “Renaulution” kept as it is in French, or translated?"


def test_a_translator_asks_and_the_editor_resolves(
    page, live_server, content, translator_fr, editor, external_requests, broken_responses
):
    page.set_viewport_size({"width": 1280, "height": 900})
    release = PressRelease.objects.filter(original_language="en").order_by("pk").first()
    change = reverse("admin:companies_pressrelease_change", args=[release.pk])

    log_in(page, live_server, translator_fr)
    page.goto(f"{live_server.url}{change}")
    thread = page.locator("#comments-title")
    form = thread.locator("form.comment-add")
    form.locator("select[name=language]").select_option("fr")
    form.locator("textarea[name=body]").fill(QUESTION)
    # The change form is left as it is: sending a comment is not leaving
    # unsaved edits (no "leave this page?" prompt stops it).
    form.get_by_role("button", name="Add the comment").click()

    # Back at the title's thread, which now holds the question, open.
    expect(page).to_have_url(re.compile(re.escape(change) + "#comments-title$"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    comment = thread.locator(".comments--open .comment")
    expect(comment).to_have_count(1)
    expect(comment.locator(".comment-body")).to_have_text(QUESTION)
    expect(comment.locator(".comment-language")).to_have_text("French")
    assert FieldComment.objects.get().author == translator_fr

    page.context.clear_cookies()
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}{reverse('translations:dashboard')}")
    expect(page.locator("#status-fr .open-comments")).to_have_text("1 open comment")
    page.locator("#status-fr .open-comments").click()
    listed = page.locator(".queue-comment")
    expect(listed).to_have_count(1)
    expect(listed.locator(".comment-body")).to_have_text(QUESTION)
    listed.locator("a.queue-link").click()

    expect(page).to_have_url(re.compile(re.escape(change) + "#comments-title$"))
    # Above the form, the fields with open comments, linked to their threads.
    expect(page.locator("#field-comments-summary a")).to_have_text(["Title"])
    thread.get_by_role("button", name="Resolve").click()
    expect(page.locator(".messagelist .success")).to_contain_text("resolved")
    # Resolved: out of the open list, folded away with the resolved ones.
    expect(thread.locator(".comments--open")).to_have_count(0)
    expect(page.locator("#field-comments-summary")).to_have_count(0)
    resolved = thread.locator("details.comments-resolved")
    expect(resolved.locator("summary")).to_have_text("1 resolved comment")
    expect(resolved.locator(".comment-body")).not_to_be_visible()
    resolved.locator("summary").click()
    expect(resolved.locator(".comment-body")).to_have_text(QUESTION)
    expect(resolved.get_by_role("button", name="Reopen")).to_be_visible()

    page.goto(f"{live_server.url}{reverse('translations:queue', args=['fr'])}")
    expect(page.locator(".queue-comment")).to_have_count(0)
    assert FieldComment.objects.get().resolved_by == editor
