"""
Revisions of the content, kept by django-reversion.

Every write path wraps its saves in `recording()`, so each save of a content
object stores a revision: all its columns in every language, its many-to-many
relations, the rows it owns (a person's positions, a series' producers), who
and when, and a comment. `restore()` writes an old revision back as a new one;
`prune()` drops the oldest beyond a number per object.
"""

from collections import Counter
from contextlib import contextmanager

import reversion
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils import translation
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version

from .registry import register
from .states import Restorable, live_state, version_state

# Rows deleted per query by `prune`.
PRUNE_BATCH = 500


@contextmanager
def recording(user=None, comment=""):
    """
    One revision for everything saved inside the block, by `user`, with
    `comment`. Blocks nest: an inner one joins the outer revision, adds the
    user if the outer one had none, and its comment if it had none yet.
    """
    with reversion.create_revision():
        if user is not None and user.is_authenticated and reversion.get_user() is None:
            reversion.set_user(user)
        set_comment(comment)
        yield


@contextmanager
def not_recording():
    """
    Run the block where no revision is being recorded (a preview, rolled
    back): a revision opened around it would otherwise take the block's
    state and save it afterwards. A revision opened inside the block is
    recorded as usual, and rolled back with the block's transaction.
    """
    # django-reversion keeps its open revisions in a context variable (at
    # the pinned 6.4.0): an empty stack for the block, the outer one after.
    from reversion import revisions as reversion_revisions

    token = reversion_revisions._stack.set([])
    try:
        yield
    finally:
        reversion_revisions._stack.reset(token)


def set_comment(comment):
    """
    Say what the revision being recorded is about, unless something said it
    already. A lazy translation is stored in the site's default language, as
    its message id, and shown in each reader's (revisions/views.py).
    """
    if comment and reversion.is_active() and not reversion.get_comment():
        with translation.override(settings.LANGUAGE_CODE):
            reversion.set_comment(str(comment))


def record(obj, *, user=None, comment=""):
    """Store the state of `obj` as it is now (a bulk update bypasses the save signals)."""
    with recording(user=user, comment=comment):
        reversion.add_to_revision(obj)


def versions_of(obj):
    """The versions of `obj`, newest first, with their revisions' authors."""
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


def restore(version, *, user, languages=None):
    """
    Write the state of `version` back to its object, as a new revision by
    `user`. When the object changed since its latest revision (a write that
    bypassed recording), that state is recorded first, so it is never lost.
    `languages` limits the restore to those languages' localized columns (a
    translator's); None restores everything. Raises Restorable.Refused with
    the reasons when the old state cannot be written (a related object was
    deleted since, a slug is now taken...); nothing is written then.
    """
    obj = version.object
    if obj is None:
        raise Restorable.Refused([gettext_now("The object no longer exists.")])
    latest = versions_of(obj).first()
    with transaction.atomic():
        if latest is None or version_state(latest).differs_from(live_state(obj)):
            record(obj, user=user, comment=_("State before a restore"))
        with recording(user=user, comment=_("Restored an earlier revision")):
            Restorable(obj, version_state(version), languages=languages).write()
            reversion.add_to_revision(obj)
    return obj


def prune(*, keep, dry_run=False):
    """
    Delete all but the newest `keep` versions of each object, then the
    revisions left empty. Returns (versions, revisions) deleted, or that
    would be with `dry_run`. Deletes in batches, so a long history fits
    within SQLite's limit on query parameters.
    """
    ranked = Version.objects.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("content_type"), F("object_id")],
            order_by=F("pk").desc(),
        )
    )
    old = list(ranked.filter(rank__gt=keep).values_list("pk", "revision_id"))
    old_per_revision = Counter(revision for _pk, revision in old)
    sizes = dict(Version.objects.order_by().values_list("revision").annotate(size=Count("pk")))
    emptied = [revision for revision, count in old_per_revision.items() if sizes[revision] == count]
    if not dry_run:
        with transaction.atomic():
            for batch in batched([pk for pk, _revision in old], PRUNE_BATCH):
                Version.objects.filter(pk__in=batch).delete()
            for batch in batched(emptied, PRUNE_BATCH):
                Revision.objects.filter(pk__in=batch).delete()
    return len(old), len(emptied)


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["prune", "record", "recording", "register", "set_comment", "restore", "versions_of"]
