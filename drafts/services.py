"""
The life of a pending change: saved, submitted, approved (now or at a
go-live time), rejected, published, discarded.

A draft holds what the change form posted, so publishing it runs the same
admin form and inline formsets over the live object as a direct save would:
the same validation, sanitizing, translation states and cache announcements,
at the moment it goes live and not before.
"""

import posixpath
import uuid

from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from renaulution.publishing import Status
from revisions.services import record

from .models import PendingChange
from .rights import can_publish, may_discard, may_edit_draft

# Where a draft's uploaded files wait until it is published or discarded.
UPLOADS = "drafts"
# What a posted form holds besides its fields: the admin's buttons and the
# CSRF token, which are no part of the draft.
NOT_DATA = ("csrfmiddlewaretoken",)


class DraftNotValid(Exception):
    """The draft no longer passes the form's validation (the live item changed)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(errors))


def form_data(post):
    """A posted QueryDict as JSON: every key with all its values, buttons left out."""
    return {
        key: post.getlist(key) for key in post if key not in NOT_DATA and not key.startswith("_")
    }


def draft_save(*, obj, user, post, files, fields, changed_fields, submit=False):
    """
    Keep the form's data as the item's pending change (one per item), the
    live row untouched. Submitting puts it in the editors' review queue;
    saving again takes it out until it is submitted again.
    """
    with transaction.atomic():
        change = PendingChange.objects.for_object(obj).select_for_update().first()
        if not may_edit_draft(user, change):
            raise PermissionDenied
        if change is None:
            change = PendingChange(content_object=obj, author=user)
        stored = dict(change.files or {})
        for name, upload in files.items():
            stored[name] = _store_upload(upload)
        change.object_repr = str(obj)[:200]
        change.data = form_data(post)
        change.fields = list(fields)
        change.files = stored
        change.changed_fields = sorted(set(change.changed_fields or []) | set(changed_fields))
        change.state = PendingChange.State.SUBMITTED if submit else PendingChange.State.DRAFT
        change.go_live_at = None
        change.save()
    step = _("Draft submitted for review.") if submit else _("Draft saved.")
    _record_step(obj, user=user, comment=step)
    return change


def draft_discard(*, change, user):
    if not may_discard(user, change):
        raise PermissionDenied
    obj = change.content_object
    _delete(change)
    if obj is not None:
        _record_step(obj, user=user, comment=_("Draft discarded."))


def draft_superseded(*, change, obj, user):
    """The form showing the draft was saved straight to the live item: it is published."""
    _delete(change)
    _record_step(obj, user=user, comment=_("Draft published."))


def draft_publish(*, change, user, now=None):
    """
    Apply the draft to the live item through its admin form, make the item
    public, and remove the draft. Raises DraftNotValid if the form refuses
    the data now; nothing is written then.
    """
    if not can_publish(user):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        model = change.content_type.model_class()
        obj = model._base_manager.select_for_update().filter(pk=change.object_id).first()
        if obj is None:
            raise DraftNotValid([_("the item was deleted")])
        model_admin = admin.site._registry[type(obj)]
        request = _form_request(change, user)
        form_class = model_admin.get_form(request, obj, change=True, fields=change.fields)
        form = form_class(request.POST, request.FILES, instance=obj)
        form_valid = form.is_valid()
        obj = model_admin.save_form(request, form, change=True) if form_valid else form.instance
        formsets, _inlines = model_admin._create_formsets(request, obj, change=True)
        if not (all_valid(formsets) and form_valid):
            raise DraftNotValid(_errors(form, formsets))
        if obj.status != Status.PUBLISHED:
            # An item published for the first time goes live now.
            obj.status = Status.PUBLISHED
            obj.published_at = now
        model_admin.save_model(request, obj, form, True)
        model_admin.save_related(request, form, formsets, True)
        message = model_admin.construct_change_message(request, form, formsets, False)
        model_admin.log_change(request, obj, message)
        _delete(change)
    _record_step(obj, user=user, comment=_("Draft published."))
    return obj


def change_approve(*, change, user, go_live_at=None, now=None):
    """Publish now, or at `go_live_at` when it is in the future (publish_due does it)."""
    if not can_publish(user):
        raise PermissionDenied
    now = now or timezone.now()
    if go_live_at is None or go_live_at <= now:
        change.reviewer = user
        return draft_publish(change=change, user=user, now=now)
    change.state = PendingChange.State.SCHEDULED
    change.go_live_at = go_live_at
    change.reviewer = user
    change.save(update_fields=["state", "go_live_at", "reviewer", "updated_at"])
    when = timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M")
    _record_step(
        change.content_object,
        user=user,
        comment=_("Draft approved, scheduled for %(time)s.") % {"time": when},
    )
    return None


def change_reject(*, change, user, comment):
    if not can_publish(user):
        raise PermissionDenied
    comment = comment.strip()
    if not comment:
        raise ValueError("A rejection needs a comment for the author.")
    change.state = PendingChange.State.REJECTED
    change.reviewer = user
    change.reviewer_comment = comment
    change.go_live_at = None
    change.save(update_fields=["state", "reviewer", "reviewer_comment", "go_live_at", "updated_at"])
    _record_step(
        change.content_object,
        user=user,
        comment=_("Draft rejected: %(comment)s") % {"comment": comment},
    )


def publish_due(now=None):
    """
    Publish every approved draft whose go-live time has come, each as its
    reviewer; a draft the form now refuses goes back to its author as
    rejected, with the reasons. Returns how many went live.
    """
    now = now or timezone.now()
    published = 0
    # Two runs may overlap (cron and a looping scheduler): each takes the
    # drafts no other run holds, and holds them until it is done.
    with transaction.atomic():
        due = (
            PendingChange.objects.filter(state=PendingChange.State.SCHEDULED, go_live_at__lte=now)
            .select_related("reviewer", "content_type")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("go_live_at", "pk")
        )
        for change in due:
            try:
                with transaction.atomic():
                    draft_publish(change=change, user=change.reviewer, now=now)
            except DraftNotValid as refused:
                change.state = PendingChange.State.REJECTED
                change.reviewer_comment = _("Could not go live: %(errors)s") % {
                    "errors": "; ".join(refused.errors)
                }
                change.save(update_fields=["state", "reviewer_comment", "updated_at"])
            except PermissionDenied:
                # The reviewer lost the right to publish since approving it.
                change.state = PendingChange.State.SUBMITTED
                change.save(update_fields=["state", "updated_at"])
            else:
                published += 1
    return published


def _record_step(obj, *, user, comment):
    """One step of a draft's life in the item's history: an admin log entry and a revision."""
    LogEntry.objects.log_actions(user.pk, [obj], CHANGE, change_message=comment, single_object=True)
    record(obj, user=user, comment=comment)


def publish_due_task(*, since, now):
    """`publish_due` as a task of the scheduler (renaulution/scheduling.py)."""
    return publish_due(now)


def _form_request(change, user):
    """A POST of the draft's data, as its change form sent it, made by `user`."""
    request = HttpRequest()
    request.method = "POST"
    request.user = user
    post = QueryDict(mutable=True)
    for key, values in change.data.items():
        post.setlist(key, values)
    request.POST = post
    request.FILES = draft_files(change)
    return request


def draft_files(change):
    """The files uploaded with the draft, as the form receives uploads."""
    uploads = MultiValueDict()
    for name, stored in (change.files or {}).items():
        if default_storage.exists(stored):
            with default_storage.open(stored) as handle:
                content = handle.read()
            uploads[name] = SimpleUploadedFile(posixpath.basename(stored), content)
    return uploads


def _store_upload(upload):
    name = posixpath.join(UPLOADS, uuid.uuid4().hex, posixpath.basename(upload.name))
    return default_storage.save(name, upload)


def _delete(change):
    """The draft's row now, its waiting files once that is committed."""
    stored = list((change.files or {}).values())
    change.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in stored])


def _errors(form, formsets):
    errors = [f"{field}: {' '.join(messages)}" for field, messages in form.errors.items()]
    for formset in formsets:
        errors += [str(error) for error in formset.non_form_errors()]
        for row in formset.errors:
            errors += [f"{field}: {' '.join(messages)}" for field, messages in row.items()]
    return errors or [_("the form refused the data")]
