"""
A JSON answer with its validators: `ETag` (a hash of the body) and
`Last-Modified` (the newest change of what it shows), and a 304 when the
client's `If-None-Match` or `If-Modified-Since` says it has it already.

Through the page cache (renaulution/pagecache.py) an answer is stored like
a page, keyed by path, query and negotiated language, with the surrogate
keys of what it read, and dropped when a publish changes any of it; a hit
is answered there with the same ETag (the same hash of the same body) and
a Last-Modified of when it was stored.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date


def newest(objects):
    """The newest `updated_at` of `objects` (those that have one), or None."""
    dates = [obj.updated_at for obj in objects if getattr(obj, "updated_at", None)]
    return max(dates) if dates else None


def json_response(request, data, *, language, negotiated, last_modified=None):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = 'W/"%s"' % hashlib.md5(body, usedforsecurity=False).hexdigest()  # noqa: UP031
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Content-Language"] = language
    if negotiated:
        patch_vary_headers(response, ("Accept-Language",))
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
