"""
Sending the queued deliveries: what `manage.py deliver_webhooks` does.

Never in an editor's request: a save only writes `Delivery` rows
(webhooks/events.py); this worker posts them once committed. Each attempt
has a short timeout; a failure (no answer, or not a 2xx) is retried after
`RETRY_DELAYS` (1 min, 5 min, 30 min, 2 h, 12 h), then the delivery is
marked failed. Per endpoint and object the deliveries go out in the order
they were made: a later one waits until the earlier succeeded or failed for
good, so a receiver never hears "deleted" before "published".

Several workers may run: a worker claims the deliveries it sends by moving
their next attempt past the time an attempt can take (on PostgreSQL under
`SELECT … FOR UPDATE SKIP LOCKED`), so another does not send them too,
and one that dies mid-way leaves them to be retried.
"""

import datetime
import http.client
import json
import logging
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import addresses, signing
from .models import Delivery

logger = logging.getLogger(__name__)

RETRY_DELAYS = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# How much of a failed answer's body the log keeps.
ERROR_EXCERPT = 500
# Deliveries claimed at once by one pass.
BATCH = 50
WAITING = (Delivery.Status.PENDING, Delivery.Status.RETRYING)


def due(now):
    """
    The deliveries to send at `now`: waiting, their time come, their
    endpoint active, and no earlier one of the same object and endpoint
    still waiting.
    """
    earlier = Delivery.objects.filter(
        endpoint=OuterRef("endpoint"),
        object_type=OuterRef("object_type"),
        object_id=OuterRef("object_id"),
        pk__lt=OuterRef("pk"),
        status__in=WAITING,
    )
    return (
        Delivery.objects.filter(status__in=WAITING, next_attempt_at__lte=now, endpoint__active=True)
        .exclude(Exists(earlier))
        .order_by("pk")
    )


def claim(now, limit=BATCH):
    """Take up to `limit` due deliveries for this worker; their ids."""
    lease = now + datetime.timedelta(seconds=settings.WEBHOOKS_TIMEOUT * 2 + 30)
    with transaction.atomic():
        rows = due(now).select_for_update(skip_locked=True, of=("self",))
        pks = list(rows.values_list("pk", flat=True)[:limit])
        Delivery.objects.filter(pk__in=pks).update(next_attempt_at=lease)
    return pks


def deliver_due(now=None):
    """Send every due delivery, earlier ones first; how many were attempted."""
    attempted = 0
    seen = set()
    while True:
        now = now_or(now)
        pks = [pk for pk in claim(now) if pk not in seen]
        if not pks:
            return attempted
        for delivery in (
            Delivery.objects.filter(pk__in=pks).select_related("endpoint").order_by("pk")
        ):
            attempt(delivery)
            attempted += 1
            seen.add(delivery.pk)


def now_or(now):
    return now if now is not None else timezone.now()


def body_of(delivery):
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()


def headers_for(delivery, body, timestamp):
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Renaulution-Webhooks/1",
        signing.EVENT_HEADER: delivery.event,
        signing.DELIVERY_HEADER: str(delivery.pk),
        signing.SIGNATURE_HEADER: signing.header(delivery.endpoint.secret, timestamp, body),
    }


def attempt(delivery):
    """One attempt at `delivery`, its outcome saved."""
    now = timezone.now()
    body = body_of(delivery)
    headers = headers_for(delivery, body, int(now.timestamp()))
    code, error = None, ""
    try:
        code, text = post(delivery.endpoint.url, body, headers)
        if not 200 <= code < 300:
            error = text[:ERROR_EXCERPT]
    except (OSError, ValueError, http.client.HTTPException) as failure:
        error = (str(failure) or type(failure).__name__)[:ERROR_EXCERPT]
    delivery.attempts += 1
    delivery.response_code = code
    delivery.error = error
    if not error:
        delivery.status = Delivery.Status.SUCCEEDED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = Delivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
    delivery.save(
        update_fields=[
            "attempts",
            "response_code",
            "error",
            "status",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    if error:
        logger.warning(
            "Webhook delivery %s to %s failed: %s", delivery.pk, delivery.endpoint.url, error
        )
    return delivery


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever the name resolves to now."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url, body, headers):
    """
    (status code, body excerpt) of a POST of `body` to `url`, refused
    (ValueError) for an address the site may not reach. Redirects are not
    followed: a 3xx is a failure, which the log shows.
    """
    scheme, host, port, resolved = addresses.allowed_addresses(url)
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = connection_class(host, port, resolved[0], settings.WEBHOOKS_TIMEOUT)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read(ERROR_EXCERPT).decode("utf-8", "replace")
        return response.status, text
    finally:
        connection.close()


def redeliver(deliveries):
    """Queue each of `deliveries` again, as a new delivery of the same payload."""
    return Delivery.objects.bulk_create(
        Delivery(
            endpoint_id=delivery.endpoint_id,
            event=delivery.event,
            object_type=delivery.object_type,
            object_id=delivery.object_id,
            payload=delivery.payload,
        )
        for delivery in deliveries
    )
