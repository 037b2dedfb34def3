"""
Scheduled changes: what the `publish_scheduled` command does each time it
runs (every minute, from cron, a systemd timer or `make run`).

A task is a function called with `since` and `now` (aware datetimes: the
previous run's time and this one's) that does what fell due in between and
returns how many items it handled. The built-in task announces the items
whose go-live or expiry passed, so that the page caches and the front
caches drop the pages that show or list them; other apps add theirs with
`register(task)` (the drafts app: a draft scheduled to replace a live item).

Readers never wait for a run: `published()` compares the dates with the
clock, and a cached page's lifetime ends at the next scheduled change of
what it shows (renaulution/pagecache.py). A run only makes the caches
forget in time what they would otherwise have kept.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q

from . import invalidation
from .publishing import Publishable, Status

logger = logging.getLogger(__name__)

LAST_RUN = "scheduling:last-run"
_tasks = []


def register(task):
    """Add `task` to what every run does (once, however often registered)."""
    if task not in _tasks:
        _tasks.append(task)
    return task


def tasks():
    return list(_tasks)


def task_name(task):
    return getattr(task, "__name__", repr(task))


def scheduled_models():
    return [m for m in invalidation.public_models() if issubclass(m, Publishable)]


def next_change(model, now):
    """The next go-live or expiry after `now` among `model`'s published rows, or None."""
    found = model._base_manager.filter(status=Status.PUBLISHED).aggregate(
        go_live=Min("published_at", filter=Q(published_at__gt=now)),
        expiry=Min("expires_at", filter=Q(expires_at__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def passed(model, since, now):
    """Primary keys of `model`'s published rows whose go-live or expiry is in (since, now]."""
    return list(
        model._base_manager.filter(status=Status.PUBLISHED)
        .filter(
            Q(published_at__gt=since, published_at__lte=now)
            | Q(expires_at__gt=since, expires_at__lte=now)
        )
        .values_list("pk", flat=True)
    )


def announce_passed(*, since, now):
    """Announce the items that went live or expired since the last run."""
    count = 0
    for model in scheduled_models():
        pks = passed(model, since, now)
        if pks:
            invalidation.changed(model, pks, membership=True)
            count += len(pks)
    return count


register(announce_passed)


def last_run(now):
    """
    When the previous run happened. Unknown (first run, cache flushed),
    a page cache's lifetime back: no cached page is older than that.
    """
    stored = cache.get(LAST_RUN)
    if stored is not None and stored <= now:
        return stored
    return now - datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS)


def run_due(now):
    """
    Run every task for what fell due since the last run, each in its own
    transaction (the announcements go out on commit). Returns
    [(task, handled count or the exception it raised)]; the run's time is
    stored only when every task succeeded, so a failed one is retried.
    """
    since = last_run(now)
    results = []
    for task in tasks():
        try:
            with transaction.atomic():
                results.append((task, task(since=since, now=now)))
        except Exception as error:  # one task failing does not stop the others
            logger.exception("Scheduled task %s failed", task_name(task))
            results.append((task, error))
    if not any(isinstance(result, Exception) for _task, result in results):
        cache.set(LAST_RUN, now, timeout=None)
    return results
