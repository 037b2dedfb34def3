"""
The purge client: tells the front caches which cached pages are stale.

After a change commits, `surrogate_keys.pages_invalidated` names the keys of
the pages it made stale. `purge_invalidated_pages`, connected to it in
RenaulutionConfig.ready, sends each front cache in VARNISH_PURGE_URLS

    PURGE /   with   xkey-purge: <key> <key> ...

which deploy/varnish/default.vcl answers by dropping every object tagged
with one of those keys (a hard purge: the next reader gets the new page),
saying how many in its `xkey-purged` header. Only changes purge; reading
pages, staff's included, never does.

A page that was being fetched from the app while the change committed can
reach Varnish after the purge, old: a second purge follows a moment later
(VARNISH_PURGE_AGAIN_AFTER) for those.

A purge must never cost the editor their change: it is sent after the
commit, with a short timeout (VARNISH_PURGE_TIMEOUT), and any failure is
logged and dropped. Pages of a purge that did not arrive stay stale in that
Varnish until their lifetime ends, which the VCL bounds (five minutes).
"""

import http.client
import logging
import re
import threading
import urllib.parse

from django.conf import settings

logger = logging.getLogger(__name__)

# The request header the VCL reads the keys from, and the answer's count.
PURGE_HEADER = "xkey-purge"
PURGED_HEADER = "xkey-purged"
# Varnish refuses a request header longer than http_req_hdr_len (8 KB by
# default): keys are sent in batches whose header stays well below it.
MAX_HEADER_LENGTH = 4000
# xkey splits the header on blanks and commas: a key holding one would be
# read as two, and a control character makes the header invalid.
_BAD_KEY = re.compile(r"[\s,\x00-\x1f\x7f]")


def batches(keys, limit=MAX_HEADER_LENGTH):
    """The keys as space-separated header values, each at most `limit` characters."""
    batch, length = [], 0
    for key in sorted(set(keys)):
        if not key:
            continue
        if _BAD_KEY.search(key) or len(key) > limit:
            logger.error("Surrogate key %r cannot be purged: blanks, commas or too long", key)
            continue
        if batch and length + 1 + len(key) > limit:
            yield " ".join(batch)
            batch, length = [], 0
        length += len(key) + (1 if batch else 0)
        batch.append(key)
    if batch:
        yield " ".join(batch)


def purge(keys, urls=None, timeout=None):
    """
    Purge `keys` from every front cache in `urls` (VARNISH_PURGE_URLS by
    default). Returns how many cached objects they dropped together; a cache
    that did not answer, or refused, is logged and counts nothing.
    """
    urls = settings.VARNISH_PURGE_URLS if urls is None else urls
    timeout = settings.VARNISH_PURGE_TIMEOUT if timeout is None else timeout
    values = list(batches(keys))
    purged = 0
    for url in urls if values else ():
        try:
            purged += _purge_one(url, values, timeout)
        except (OSError, http.client.HTTPException, ValueError) as error:
            logger.warning(
                "Purge of %d surrogate keys at %s failed (%s): its pages stay stale "
                "until their cache lifetime ends",
                sum(len(value.split()) for value in values),
                url,
                error,
            )
    return purged


def _purge_one(url, values, timeout):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {url!r}")
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    purged = 0
    try:
        for value in values:
            connection.request("PURGE", parts.path or "/", headers={PURGE_HEADER: value})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise http.client.HTTPException(f"answered {response.status} {response.reason}")
            purged += int(response.headers.get(PURGED_HEADER) or 0)
    finally:
        connection.close()
    return purged


def purge_invalidated_pages(sender, keys, **kwargs):
    """
    Receiver of `pages_invalidated`: purge its keys, when a front cache is
    configured, and once more VARNISH_PURGE_AGAIN_AFTER seconds later.

    The second purge closes a race the first cannot: a reader's request
    that Varnish sent to the app just before the change committed brings
    back the old page after the purge, and Varnish would keep it for its
    whole lifetime. (The app's own page cache needs no such thing: it
    compares versions, see pagecache.py.) It runs on a timer thread, so the
    editor does not wait for it.
    """
    if not (settings.VARNISH_PURGE_URLS and keys):
        return
    purge(keys)
    delay = settings.VARNISH_PURGE_AGAIN_AFTER
    if delay > 0:
        urls, timeout = list(settings.VARNISH_PURGE_URLS), settings.VARNISH_PURGE_TIMEOUT
        again = threading.Timer(delay, purge, args=(keys, urls, timeout))
        again.daemon = True  # a worker that exits does not wait for it
        again.start()
