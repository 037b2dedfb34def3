"""
The editors' review queue: submitted drafts listed in a constant number of
queries; approve (now, or at a go-live time that publish_due honours with
the clock driven), reject with a comment the author reads on their draft.
"""

import datetime

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from drafts import services
from drafts.models import PendingChange
from revisions.services import versions_of
from tests.admin_clients import change_url
from tests.drafts.conftest import edited_form
from tests.factories import PressReleaseFactory
from tests.test_admin import png_upload

pytestmark = pytest.mark.django_db

QUEUE = "admin:drafts_pendingchange_changelist"


def submit(client, obj, **changes):
    data = edited_form(client, obj, **changes) | {"_submit_draft": "Submit for review"}
    assert client.post(change_url(obj), data).status_code == 302
    return PendingChange.objects.for_object(obj).get()


def review_url(change):
    return reverse("admin:drafts_pendingchange_change", args=[change.pk])


def approve_at(client, change, go_live):
    """Approve `change` through its review page, to go live at `go_live`."""
    client.post(
        review_url(change),
        {
            "_approve": "Approve",
            "go_live_at_0": go_live.strftime("%Y-%m-%d"),
            "go_live_at_1": go_live.strftime("%H:%M:%S"),
        },
    )


def test_editors_land_on_the_submitted_drafts(editor_client, author_client, live_release):
    submit(author_client, live_release, title_en="Submitted title")
    other = PressReleaseFactory()
    data = edited_form(author_client, other, title_en="Only saved") | {"_save_draft": "1"}
    author_client.post(change_url(other), data)
    response = editor_client.get(reverse(QUEUE), follow=True)
    rows = list(response.context["cl"].result_list)
    assert [row.object_repr for row in rows] == ["Submitted title"]
    assert change_url(live_release) in response.content.decode()


def count_queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(QUEUE), {"state__exact": "submitted"})
        assert response.status_code == 200
    return len(queries), response.context["cl"].result_count


def test_the_queue_reads_a_constant_number_of_queries(editor_client, author_client):
    releases = PressReleaseFactory.create_batch(6)
    for release in releases[:2]:
        submit(author_client, release, title_en=f"Reviewed {release.pk}")
    few, listed = count_queue_queries(editor_client)
    assert listed == 2
    for release in releases[2:]:
        submit(author_client, release, title_en=f"Reviewed {release.pk}")
    many, listed = count_queue_queries(editor_client)
    # Each row names its item, kind and author from the list's own query.
    assert (listed, many) == (6, few)


def test_approving_publishes_at_once(editor_client, author_client, live_release):
    change = submit(author_client, live_release, title_en="Approved title")
    response = editor_client.post(
        review_url(change), {"_approve": "Approve", "go_live_at_0": "", "go_live_at_1": ""}
    )
    assert response.status_code == 302
    live_release.refresh_from_db()
    assert live_release.title_en == "Approved title"
    assert not PendingChange.objects.exists()
    steps = LogEntry.objects.filter(object_id=str(live_release.pk)).values_list(
        "change_message", flat=True
    )
    assert {"Draft submitted for review.", "Draft published."} <= set(steps)
    assert (
        editor_client.get(live_release.get_absolute_url()).content.decode().count("Approved title")
    )


def test_a_scheduled_approval_goes_live_at_its_time(editor, editor_client, author_client, client):
    start = timezone.now()
    release = PressReleaseFactory(title_en="Before", slug_en="scheduled-release")
    change = submit(author_client, release, title_en="After")
    go_live = timezone.localtime(start + datetime.timedelta(hours=2))
    approve_at(editor_client, change, go_live)
    change.refresh_from_db()
    assert change.state == PendingChange.State.SCHEDULED
    assert change.reviewer == editor
    # An hour later: not yet.
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        assert services.publish_due(timezone.now()) == 0
        release.refresh_from_db()
        assert release.title_en == "Before"
        assert "After" not in client.get(release.get_absolute_url()).content.decode()
    with time_machine.travel(start + datetime.timedelta(hours=2, minutes=1), tick=False):
        assert services.publish_due(timezone.now()) == 1
        release.refresh_from_db()
        assert release.title_en == "After"
        assert "After" in client.get(release.get_absolute_url()).content.decode()
        # Once is enough.
        assert services.publish_due(timezone.now()) == 0


def test_the_scheduler_publishes_approved_drafts_at_their_time(editor_client, author_client):
    start = timezone.now()
    release = PressReleaseFactory(title_en="Before", slug_en="scheduler-release")
    change = submit(author_client, release, title_en="After")
    go_live = timezone.localtime(start + datetime.timedelta(hours=2))
    approve_at(editor_client, change, go_live)
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.title_en == "Before"
    with time_machine.travel(start + datetime.timedelta(hours=2, minutes=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.title_en == "After"
    assert (
        not PendingChange.objects.for_object(release)
        .filter(state=PendingChange.State.SCHEDULED)
        .exists()
    )


def test_every_step_of_a_draft_is_in_the_items_revision_history(editor_client, author_client):
    release = PressReleaseFactory(title_en="Before", slug_en="history-release")
    change = submit(author_client, release, title_en="After")
    editor_client.post(review_url(change), {"_approve": "Approve"})
    comments = [version.revision.get_comment() for version in versions_of(release)]
    assert any("submitted" in comment.lower() for comment in comments), comments
    assert any(
        "approved" in comment.lower() or "published" in comment.lower() for comment in comments
    ), comments
    # The newest revision holds the published text.
    assert versions_of(release).first().field_dict["title_en"] == "After"


def test_a_scheduled_draft_the_form_now_refuses_goes_back_to_its_author(
    editor, author_client, live_release
):
    change = submit(author_client, live_release, slug_en="taken-later")
    services.change_approve(
        change=change, user=editor, go_live_at=timezone.now() + datetime.timedelta(hours=1)
    )
    PressReleaseFactory(slug_en="taken-later")
    assert services.publish_due(timezone.now() + datetime.timedelta(hours=2)) == 0
    change.refresh_from_db()
    assert change.state == PendingChange.State.REJECTED
    assert "slug" in change.reviewer_comment.lower()
    live_release.refresh_from_db()
    assert live_release.slug_en == "live-release"


def test_rejecting_needs_a_comment_which_the_author_reads(
    editor_client, author_client, live_release
):
    change = submit(author_client, live_release, title_en="Weak title")
    response = editor_client.post(review_url(change), {"_reject": "Reject", "reviewer_comment": ""})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["reviewer_comment"]
    assert PendingChange.objects.get().state == PendingChange.State.SUBMITTED
    response = editor_client.post(
        review_url(change),
        {"_reject": "Reject", "reviewer_comment": "Name the plan in the title."},
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == PendingChange.State.REJECTED
    banner = author_client.get(change_url(live_release)).content.decode()
    assert "Name the plan in the title." in banner
    live_release.refresh_from_db()
    assert live_release.title_en == "Live title"


def test_a_never_published_item_goes_live_when_its_draft_is_approved(editor, author_client):
    release = PressReleaseFactory(draft=True, title_en="New one")
    change = submit(author_client, release, title_en="New one, reviewed")
    release.refresh_from_db()
    assert release.title_en == "New one"
    services.change_approve(change=change, user=editor)
    release.refresh_from_db()
    assert release.is_published
    assert release.title_en == "New one, reviewed"


def test_the_review_page_shows_what_the_draft_changes_word_by_word(
    editor_client, author_client, live_release
):
    change = submit(author_client, live_release, title_fr="Titre revu en ligne")
    page = editor_client.get(review_url(change)).content.decode()
    assert "<ins>revu</ins>" in page
    assert 'name="_approve"' in page and 'name="_reject"' in page


def test_approving_publishes_the_drafts_new_image(
    editor, author_client, live_release, django_capture_on_commit_callbacks, settings
):
    data = edited_form(author_client, live_release) | {
        "image": png_upload("approved-cover.png", (80, 60)),
        "_submit_draft": "Submit for review",
    }
    author_client.post(change_url(live_release), data)
    change = PendingChange.objects.get()
    waiting = settings.MEDIA_ROOT / change.files["image"]
    with django_capture_on_commit_callbacks(execute=True):
        services.change_approve(change=change, user=editor)
    live_release.refresh_from_db()
    assert (live_release.image_width, live_release.image_height) == (80, 60)
    # The file that waited with the draft is removed once it is published.
    assert not waiting.exists()
