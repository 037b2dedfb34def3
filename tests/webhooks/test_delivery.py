"""
The worker against a real HTTP receiver: signed posts with their headers,
retries with backoff after a failure, giving up after the last attempt,
one object's deliveries in order, the editor's save doing no HTTP, the
redeliver action, and the command's options.
"""

import datetime
import hashlib
import hmac
import json
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import TestCase
from django.urls import reverse

from renaulution.publishing import Status
from tests.admin_clients import logged_in, make_user
from tests.clock import NOW
from tests.factories import CompanyFactory, PressReleaseFactory
from webhooks import delivery as worker
from webhooks import signing
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def committed():
    return TestCase.captureOnCommitCallbacks(execute=True)


def release(**kwargs):
    """A public press release of an unpublished company: one object, one event."""
    kwargs.setdefault("company", CompanyFactory(draft=True))
    with committed():
        return PressReleaseFactory(**kwargs)


def expected_signature(secret, request):
    """Computed here as a receiver would, not with webhooks.signing."""
    parts = dict(item.split("=", 1) for item in request.headers["Renaulution-Signature"].split(","))
    message = parts["t"].encode() + b"." + request.body
    return parts, hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def test_a_delivery_is_posted_signed_with_its_headers(receiver, endpoint, clock):
    item = release(slug_en="ampere")
    queued = Delivery.objects.get()
    assert receiver.requests == []  # nothing until the worker runs
    assert worker.deliver_due() == 1
    [request] = receiver.requests
    assert request.path == "/hooks/renaulution?source=test"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert request.headers["Renaulution-Event"] == "published"
    assert request.headers["Renaulution-Delivery"] == str(queued.pk)
    parts, signature = expected_signature(endpoint.secret, request)
    assert parts["t"] == str(int(NOW.timestamp()))
    assert parts["v1"] == signature
    assert request.json["event"] == "published"
    assert request.json["object"]["id"] == item.pk
    assert request.json["object"]["slug"]["en"] == "ampere"
    assert request.json == queued.payload
    queued.refresh_from_db()
    assert queued.status == Delivery.Status.SUCCEEDED
    assert (queued.attempts, queued.response_code, queued.error) == (1, 200, "")
    assert queued.delivered_at == NOW
    assert queued.next_attempt_at is None
    assert worker.deliver_due() == 0  # sent once


def test_the_signature_verifies_and_refuses_a_change_or_an_old_timestamp(receiver, endpoint, clock):
    release()
    worker.deliver_due()
    [request] = receiver.requests
    header = request.headers["Renaulution-Signature"]
    now = int(NOW.timestamp())
    assert signing.verify(endpoint.secret, header, request.body, now=now)
    assert not signing.verify(endpoint.secret, header, request.body + b" ", now=now)
    assert not signing.verify("whsec_another", header, request.body, now=now)
    assert not signing.verify(endpoint.secret, header, request.body, now=now + 301)
    assert not signing.verify(endpoint.secret, "v1=abc", request.body, now=now)
    assert not signing.verify(endpoint.secret, "t=soon,v1=abc", request.body, now=now)


def test_a_failure_is_retried_with_backoff_then_succeeds(receiver, endpoint, clock):
    receiver.codes = [500, 200]
    release()
    worker.deliver_due()
    queued = Delivery.objects.get()
    assert queued.status == Delivery.Status.RETRYING
    assert (queued.attempts, queued.response_code, queued.error) == (1, 500, "answer 500")
    assert queued.next_attempt_at == NOW + MINUTE
    assert worker.deliver_due() == 0  # not yet
    clock.shift(MINUTE)
    assert worker.deliver_due() == 1
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.response_code) == ("succeeded", 2, 200)
    first, second = receiver.requests
    assert first.body == second.body
    assert first.headers["Renaulution-Delivery"] == second.headers["Renaulution-Delivery"]
    # Signed again at the time of the new attempt.
    assert second.headers["Renaulution-Signature"].startswith(f"t={int(NOW.timestamp()) + 60},")


def test_after_the_last_attempt_a_delivery_has_failed(receiver, endpoint, clock):
    receiver.codes = [503] * 10
    release()
    worker.deliver_due()
    for delay in worker.RETRY_DELAYS:
        clock.shift(delay)
        assert worker.deliver_due() == 1
    queued = Delivery.objects.get()
    assert queued.status == Delivery.Status.FAILED
    assert queued.attempts == worker.MAX_ATTEMPTS == 6
    assert queued.next_attempt_at is None
    clock.shift(datetime.timedelta(days=2))
    assert worker.deliver_due() == 0
    assert len(receiver.requests) == 6


def test_an_endpoint_that_does_not_answer_is_retried(endpoint, clock, receiver):
    endpoint.url = "http://127.0.0.1:9/closed"  # the discard port: nothing listens
    endpoint.save()
    release()
    worker.deliver_due()
    queued = Delivery.objects.get()
    assert queued.status == Delivery.Status.RETRYING
    assert queued.response_code is None
    assert queued.error


def test_one_objects_deliveries_go_out_in_order(receiver, endpoint, clock):
    receiver.codes = [500]
    item = release()
    with committed():
        item.title_en = "Renamed"
        item.save()
    other = release()
    worker.deliver_due()
    # The first failed; the update of the same object waits, the other object's goes.
    assert receiver.events == ["published", "published"]
    assert [r.json["object"]["id"] for r in receiver.requests] == [item.pk, other.pk]
    clock.shift(MINUTE)
    worker.deliver_due()
    assert receiver.events[2:] == ["published", "updated"]
    assert {r.json["object"]["id"] for r in receiver.requests[2:]} == {item.pk}
    assert set(Delivery.objects.values_list("status", flat=True)) == {"succeeded"}


def test_an_inactive_endpoint_is_sent_nothing_until_active_again(receiver, endpoint):
    release()
    endpoint.active = False
    endpoint.save()
    assert worker.deliver_due() == 0
    endpoint.active = True
    endpoint.save()
    assert worker.deliver_due() == 1


def test_an_editors_save_does_no_http_the_worker_sends_it(receiver, endpoint, clock):
    item = release(status=Status.DRAFT)
    editor = make_user("editor", "Editors")
    changelist = reverse("admin:companies_pressrelease_changelist")
    with committed():
        response = logged_in(editor).post(
            changelist,
            {"action": "publish", "_selected_action": [item.pk], "index": "0"},
        )
    assert response.status_code == 302
    assert Delivery.objects.get().event == "published"
    assert receiver.requests == []
    call_command("deliver_webhooks", "--once", verbosity=0)
    assert receiver.events == ["published"]


def test_the_redeliver_action_sends_a_delivery_again(receiver, endpoint, clock):
    release()
    worker.deliver_due()
    sent = Delivery.objects.get()
    admin = make_user("admin", is_superuser=True)
    response = logged_in(admin).post(
        reverse("admin:webhooks_delivery_changelist"),
        {"action": "redeliver", "_selected_action": [sent.pk], "index": "0"},
    )
    assert response.status_code == 302
    again = Delivery.objects.exclude(pk=sent.pk).get()
    assert (again.status, again.attempts, again.payload) == ("pending", 0, sent.payload)
    worker.deliver_due()
    first, second = receiver.requests
    assert json.loads(first.body) == json.loads(second.body)
    assert second.headers["Renaulution-Delivery"] == str(again.pk)


def test_the_command_refuses_bad_options():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("deliver_webhooks", "--every", "0")
    with pytest.raises(CommandError, match="not both"):
        call_command("deliver_webhooks", "--once", "--every", "5")


def test_the_command_loops_with_every_until_stopped(receiver, endpoint, monkeypatch, capsys):
    release()
    passes = []

    def sleep(seconds):
        passes.append(seconds)
        if len(passes) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("webhooks.management.commands.deliver_webhooks.time.sleep", sleep)
    call_command("deliver_webhooks", "--every", "3")
    assert passes == [3, 3]
    assert receiver.events == ["published"]
    assert "Stopped." in capsys.readouterr().out


def readme_verify():
    """The receiver's `verify()` exactly as the README gives it."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("**Verifying the signature.**", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    return namespace["verify"]


def test_the_readmes_snippet_verifies_a_real_delivery(receiver, endpoint, clock):
    verify = readme_verify()
    release()
    worker.deliver_due()
    [request] = receiver.requests
    header = request.headers["Renaulution-Signature"]
    assert verify(endpoint.secret, header, request.body)
    assert not verify(endpoint.secret, header, request.body.replace(b"published", b"deleted"))
    assert not verify("whsec_wrong", header, request.body)
    clock.shift(datetime.timedelta(minutes=6))
    assert not verify(endpoint.secret, header, request.body)


def in_another_connection(function):
    """`function()` run by a thread, with its own database connection, as the worker has."""
    results = []

    def run():
        try:
            results.append(function())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return results[0]


@pytest.mark.django_db(transaction=True)
def test_the_worker_sees_a_delivery_only_once_its_change_is_committed(receiver, endpoint):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database locks a table another connection reads")
    with transaction.atomic():
        PressReleaseFactory(company=CompanyFactory(draft=True))
        assert Delivery.objects.count() == 1
        assert in_another_connection(worker.deliver_due) == 0
    assert receiver.requests == []
    assert in_another_connection(worker.deliver_due) == 1
    assert receiver.events == ["published"]
