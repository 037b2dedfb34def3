"""
The signature of a delivery, in Stripe's scheme:

    Renaulution-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">

keyed with the endpoint's secret. The timestamp is signed with the body, so
a receiver that refuses signatures older than `TOLERANCE` seconds cannot be
fed an old notification again (README, "Verifying a signature").
"""

import hashlib
import hmac

SIGNATURE_HEADER = "Renaulution-Signature"
EVENT_HEADER = "Renaulution-Event"
DELIVERY_HEADER = "Renaulution-Delivery"
# Seconds a receiver should accept between the timestamp and its own clock.
TOLERANCE = 300


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def header(secret, timestamp, body):
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret, value, body, *, now, tolerance=TOLERANCE):
    """Whether header `value` signs `body` with `secret`, made at most `tolerance` s from `now`."""
    parts = {}
    for item in value.split(","):
        name, _sep, content = item.strip().partition("=")
        parts.setdefault(name, []).append(content)
    try:
        timestamp = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return any(hmac.compare_digest(expected, given) for given in parts.get("v1", []))
