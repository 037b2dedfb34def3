"""
Authors write drafts and submit them; they never publish. Every way to
publish is tried with a crafted POST: each is refused and writes nothing
public.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from companies.models import PressRelease
from drafts.models import PendingChange
from renaulution.publishing import Status
from renaulution.roles import AUTHORS, EDITORS
from tests.admin_clients import change_url, logged_in, make_user
from tests.drafts.conftest import edited_form
from tests.factories import CompanyFactory
from tests.test_admin import press_release_form

pytestmark = pytest.mark.django_db


def test_the_authors_group_may_add_change_and_view_content_not_delete_or_publish():
    authors = Group.objects.get(name=AUTHORS)
    codenames = set(authors.permissions.values_list("codename", flat=True))
    assert {"add_pressrelease", "change_pressrelease", "view_pressrelease"} <= codenames
    assert {"add_milestone", "change_episode", "view_series"} <= codenames
    assert not any(name.startswith("delete_") for name in codenames)
    assert "can_publish" not in codenames
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="can_publish").exists()


def test_a_new_item_by_an_author_stays_a_draft_whatever_is_posted(author_client):
    data = press_release_form(CompanyFactory(), status="published")
    response = author_client.post(reverse("admin:companies_pressrelease_add"), data)
    assert response.status_code == 302
    assert PressRelease.objects.get().status == Status.DRAFT


def test_an_authors_save_of_a_live_item_is_a_draft(author_client, live_release):
    data = edited_form(author_client, live_release, title_en="Author's title", status="draft")
    response = author_client.post(change_url(live_release), data)
    assert response.status_code == 302
    live_release.refresh_from_db()
    assert (live_release.title_en, live_release.status) == ("Live title", Status.PUBLISHED)
    change = PendingChange.objects.get()
    assert change.data["title_en"] == ["Author's title"]
    # The publication fields were not the author's to set: not in the draft's form.
    assert "status" not in change.fields


def test_an_author_submits_a_draft_for_review(author_client, live_release):
    data = edited_form(author_client, live_release, title_en="To review") | {
        "_submit_draft": "Submit for review"
    }
    author_client.post(change_url(live_release), data)
    assert PendingChange.objects.get().state == PendingChange.State.SUBMITTED
    live_release.refresh_from_db()
    assert live_release.title_en == "Live title"


def test_an_author_cannot_publish_with_the_publish_action(author_client, live_release):
    draft = PressRelease.objects.create(
        title_en="Unpublished",
        slug_en="unpublished",
        company=live_release.company,
        issued_on=live_release.issued_on,
    )
    response = author_client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, live_release.pk], "index": "0"},
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    response = author_client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "unpublish", "_selected_action": [live_release.pk], "index": "0"},
    )
    live_release.refresh_from_db()
    assert live_release.status == Status.PUBLISHED


def test_an_author_cannot_press_publish_draft(author_client, live_release):
    data = edited_form(author_client, live_release, title_en="Sneaked in") | {
        "_publish_draft": "Publish draft"
    }
    assert author_client.post(change_url(live_release), data).status_code == 403
    live_release.refresh_from_db()
    assert live_release.title_en == "Live title"
    assert not PendingChange.objects.exists()


def test_an_author_cannot_approve_even_their_own_draft(author_client, author, live_release):
    data = edited_form(author_client, live_release, title_en="Mine") | {"_submit_draft": "1"}
    author_client.post(change_url(live_release), data)
    change = PendingChange.objects.get()
    url = reverse("admin:drafts_pendingchange_change", args=[change.pk])
    # They read their draft in the queue, read-only.
    page = author_client.get(url)
    assert page.status_code == 200
    assert 'name="_approve"' not in page.content.decode()
    response = author_client.post(url, {"_approve": "Approve", "reviewer_comment": ""})
    assert response.status_code == 403
    live_release.refresh_from_db()
    assert live_release.title_en == "Live title"
    assert PendingChange.objects.get().state == PendingChange.State.SUBMITTED


def test_authors_discard_only_their_own_drafts(author_client, live_release):
    other = logged_in(make_user("other-author", AUTHORS))
    data = edited_form(other, live_release, title_en="Other's") | {"_save_draft": "1"}
    other.post(change_url(live_release), data)
    data = edited_form(author_client, live_release) | {"_discard_draft": "Discard draft"}
    assert author_client.post(change_url(live_release), data).status_code == 403
    # Nor do they write over it.
    data = edited_form(author_client, live_release, title_en="Overwritten")
    assert author_client.post(change_url(live_release), data).status_code == 403
    assert PendingChange.objects.get().data["title_en"] == ["Other's"]
    # Their own they may.
    data = edited_form(other, live_release) | {"_discard_draft": "Discard draft"}
    assert other.post(change_url(live_release), data).status_code == 302
    assert not PendingChange.objects.exists()


def test_the_queue_lists_an_authors_own_drafts_only(author_client, live_release):
    other = logged_in(make_user("other-author", AUTHORS))
    data = edited_form(other, live_release, title_en="Other's") | {"_submit_draft": "1"}
    other.post(change_url(live_release), data)
    response = author_client.get(reverse("admin:drafts_pendingchange_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    change = PendingChange.objects.get()
    url = reverse("admin:drafts_pendingchange_change", args=[change.pk])
    assert author_client.get(url).status_code == 403
