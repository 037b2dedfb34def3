"""
`manage.py publish_scheduled`: announces to the caches the items whose
go-live or expiry passed since its last run (once each), runs the tasks
other apps register, survives a failing task, loops with `--every` and
refuses a bad interval with a message. The clock is driven (time-machine)
and the loop's pause is cut short, never slept through.
"""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import TestCase

from renaulution import scheduling
from renaulution import surrogate_keys as sk
from tests.clock import NOW
from tests.factories import MilestoneFactory, PersonFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def no_previous_run():
    """Each test starts as if the command had never run."""
    cache.delete(scheduling.LAST_RUN)
    yield
    cache.delete(scheduling.LAST_RUN)


@pytest.fixture
def announced():
    """The keys announced after each commit, one set per announcement."""
    batches = []

    def listener(sender, keys, **kwargs):
        batches.append(set(keys))

    sk.pages_invalidated.connect(listener, dispatch_uid="test-publish-scheduled")
    yield batches
    sk.pages_invalidated.disconnect(dispatch_uid="test-publish-scheduled")


def run(*args):
    """The command, its announcements delivered as after a real commit."""
    out, err = StringIO(), StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("publish_scheduled", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def all_keys(batches):
    return set().union(*batches) if batches else set()


@pytest.fixture
def task_registry():
    """Tasks registered by a test are removed after it."""
    before = scheduling.tasks()
    yield
    scheduling._tasks[:] = before


def test_a_go_live_is_announced_once_after_its_time(clock, announced):
    release = PressReleaseFactory(published_at=NOW + 5 * MINUTE)
    run()  # the first run: nothing passed yet
    assert sk.object_key(type(release), release.pk) not in all_keys(announced)

    clock.move_to(NOW + 6 * MINUTE)
    announced.clear()
    out, _err = run()
    keys = all_keys(announced)
    assert sk.object_key(type(release), release.pk) in keys
    # The lists it joins: the press list and its company's releases.
    assert sk.list_key(type(release)) in keys
    assert sk.relation_key(type(release), "company_id", release.company_id) in keys
    assert "announce_passed: 1 item." in out

    clock.move_to(NOW + 7 * MINUTE)
    announced.clear()
    run()
    assert sk.object_key(type(release), release.pk) not in all_keys(announced)


def test_an_expiry_is_announced_after_its_time(clock, announced):
    person = PersonFactory(published_at=NOW - 60 * MINUTE, expires_at=NOW + 2 * MINUTE)
    milestone = MilestoneFactory(published_at=NOW - 60 * MINUTE, expires_at=NOW + 3 * MINUTE)
    run()
    clock.move_to(NOW + 2 * MINUTE)
    announced.clear()
    run()
    keys = all_keys(announced)
    assert sk.object_key(type(person), person.pk) in keys
    assert sk.object_key(type(milestone), milestone.pk) not in keys
    clock.move_to(NOW + 4 * MINUTE)
    announced.clear()
    run()
    keys = all_keys(announced)
    assert sk.object_key(type(milestone), milestone.pk) in keys
    assert sk.object_key(type(person), person.pk) not in keys


def test_a_draft_with_a_passed_date_is_not_announced(clock, announced):
    draft = PressReleaseFactory(draft=True, published_at=NOW + MINUTE)
    run()
    clock.move_to(NOW + 2 * MINUTE)
    announced.clear()
    run()
    assert sk.object_key(type(draft), draft.pk) not in all_keys(announced)


def test_what_passed_while_the_command_did_not_run_is_announced_on_the_next_run(clock, announced):
    run()
    release = PressReleaseFactory(published_at=NOW + 10 * MINUTE)
    clock.move_to(NOW + 50 * MINUTE)  # no run for fifty minutes
    announced.clear()
    run()
    assert sk.object_key(type(release), release.pk) in all_keys(announced)


def test_the_first_run_looks_back_one_page_cache_lifetime(clock, announced, settings):
    recent = PressReleaseFactory(published_at=NOW - 10 * MINUTE)
    old = PressReleaseFactory(
        published_at=NOW - datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS + 60)
    )
    run()
    keys = all_keys(announced)
    assert sk.object_key(type(recent), recent.pk) in keys
    assert sk.object_key(type(old), old.pk) not in keys


def test_a_registered_task_runs_with_the_interval_since_the_last_run(clock, task_registry):
    calls = []

    @scheduling.register
    def publish_drafts(*, since, now):
        calls.append((since, now))
        return 2

    scheduling.register(publish_drafts)  # twice: still one task
    assert scheduling.tasks().count(publish_drafts) == 1
    run()
    clock.move_to(NOW + MINUTE)
    out, _err = run()
    assert calls[1] == (NOW, NOW + MINUTE)
    assert "publish_drafts: 2 items." in out


def test_a_failing_task_does_not_stop_the_others_and_is_retried(clock, task_registry, announced):
    run()
    release = PressReleaseFactory(published_at=NOW + MINUTE)

    def broken(*, since, now):
        raise RuntimeError("the drafts table is locked")

    scheduling._tasks.insert(0, broken)
    clock.move_to(NOW + 2 * MINUTE)
    announced.clear()
    with pytest.raises(CommandError, match="retried on the next run"):
        run()
    # The built-in task ran after the broken one.
    assert sk.object_key(type(release), release.pk) in all_keys(announced)
    # The run's time was not kept: the next run covers the same interval again.
    assert cache.get(scheduling.LAST_RUN) == NOW


def test_every_runs_in_a_loop_until_interrupted(clock, monkeypatch, announced):
    release = PressReleaseFactory(published_at=NOW + 30 * MINUTE)
    pauses = []

    def pause(seconds):
        # Instead of sleeping: the clock moves on by the pause, three times.
        pauses.append(seconds)
        if len(pauses) == 3:
            raise KeyboardInterrupt
        clock.shift(datetime.timedelta(seconds=seconds))

    monkeypatch.setattr("renaulution.management.commands.publish_scheduled.time.sleep", pause)
    out, _err = run("--every", "1200")
    assert pauses == [1200, 1200, 1200]
    assert "Stopped." in out
    # Run at 0, 20 and 40 minutes: the go-live at 30 was announced.
    assert sk.object_key(type(release), release.pk) in all_keys(announced)
    assert cache.get(scheduling.LAST_RUN) == NOW + 40 * MINUTE


@pytest.mark.parametrize("every", ["0", "-5"])
def test_a_bad_interval_is_refused_with_a_message(every):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("publish_scheduled", "--every", every)


def test_an_interval_that_is_not_a_number_is_refused():
    with pytest.raises(CommandError, match="invalid int value"):
        call_command("publish_scheduled", "--every", "soon")
