"""
The full-page cache: anonymous GET/HEAD of public pages, served from
Django's `default` cache (Redis when REDIS_URL is set, process memory
otherwise) without a query, and dropped exactly when what they show changes.

Where it sits: after WhiteNoise, before sessions, locale, CSRF and auth
(settings.MIDDLEWARE), so a hit costs two cache reads and no more. The
middleware above it (security headers, CSP) still run on a hit, so a cached
page gets a fresh Content-Security-Policy header. A page whose rendering
used the CSP nonce is never stored: replaying a nonce would make it a
constant anyone can read. Public pages use none (JSON-LD is data).

What is stored: 200 answers to GET of a path outside the admin, media,
static files and /healthz, by a request without the session or messages
cookie, whose response sets no cookie, carries no `Cache-Control: private`
or `no-store`, and used no CSP nonce. Redirects (`/`, other-language slugs)
and 404s are not stored: they are cheap, and `/` depends on
Accept-Language. The key is host + path + the sorted query string (the
language is in the path; sitemaps and robots.txt are the same in every
language), and for a path outside the language prefix the language its
Accept-Language negotiates (the API answers in it, api/languages.py).

Invalidation by key version: `pages_invalidated` (renaulution/invalidation)
increments a global sequence and stamps each announced key with it. An
entry keeps the sequence read *before* its page was rendered. A hit reads
the entry and the sequence together; only when the sequence has moved since
are the stamps of its keys read (one `get_many`), and any stamp newer than
the entry makes it a miss. A change committed while a page rendered therefore
never leaves that page stale, and it works across processes through Redis.
Stamps are stored without expiry; with Redis, use an eviction policy that
spares keys without a TTL (`volatile-lru`) or none.

Lifetime: at most PAGE_CACHE_SECONDS, and never past the next scheduled
change (a go-live or an expiry) of the models the page shows or lists (each
model's read once and kept in the cache until the next announcement or until
it passes), so a scheduled go-live or expiry shows on time even before
`publish_scheduled` announces it.

Compression: the stored entry holds the body as is, gzipped and, with the
Brotli package, in Brotli, so a hit compresses nothing. Only these public
pages are compressed; the admin, which echoes input beside a CSRF token,
never is (BREACH).
"""

import functools
import gzip
import hashlib
import time
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import invalidation
from . import surrogate_keys as sk
from .negotiation import accept_language

try:
    import brotli
except ImportError:  # pragma: no cover - Brotli is in requirements.txt
    brotli = None

SEQUENCE = "pc:seq"
NEXT_SCHEDULED = "pc:next"
COMPRESSIBLE = (
    "text/html",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
)
MIN_COMPRESS_SIZE = 200
# Headers the stored entry does not replay: recomputed on each answer.
NOT_STORED = {"set-cookie", "vary", "content-length", "content-encoding", "cache-control"}


def _stamp_key(key):
    return f"pck:{key}"


def invalidate(keys):
    """Make every stored page that carries one of `keys` a miss, everywhere."""
    cache.add(SEQUENCE, 0, timeout=None)
    try:
        sequence = cache.incr(SEQUENCE)
    except ValueError:  # the cache lost the key between add and incr, or is down
        cache.set(SEQUENCE, 1, timeout=None)
        sequence = 1
    cache.set_many({_stamp_key(key): sequence for key in keys}, timeout=None)
    # What was announced may have been rescheduled: read the next changes anew.
    cache.delete_many([_next_key(model) for model in invalidation.public_models()])


def _on_invalidated(sender, keys, **kwargs):
    invalidate(keys)


def connect():
    sk.pages_invalidated.connect(_on_invalidated, dispatch_uid="pagecache")


def _next_key(model):
    return f"{NEXT_SCHEDULED}:{sk.model_label(model)}"


def next_changes(models):
    """
    Epoch seconds of the next scheduled change (a go-live or an expiry still
    to come) of each model's public rows, or None: {model: seconds}. One
    cache read for all; a model's is read from the database when missing or
    passed, then kept until it passes or anything is announced.
    """
    from . import scheduling

    now = time.time()
    stored = cache.get_many([_next_key(model) for model in models])
    changes, fresh = {}, {}
    for model in models:
        value = stored.get(_next_key(model))
        if value is None or (value and value <= now):
            soonest = scheduling.next_change(model, timezone.now())
            value = soonest.timestamp() if soonest else 0
            fresh[_next_key(model)] = value
        changes[model] = value or None
    if fresh:
        cache.set_many(fresh, timeout=settings.PAGE_CACHE_SECONDS)
    return changes


@functools.cache
def _models_by_label():
    """Label -> model of the public apps, relation tables included."""
    return {
        sk.model_label(model): model
        for app in invalidation.PUBLIC_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    }


def _scheduled_models(keys):
    """
    The Publishable models whose scheduled changes can alter a page with
    these keys: those it shows or lists, the ones a relation table points
    to (a release's people), all of them for the search.
    """
    from .publishing import Publishable

    tracked = [m for m in invalidation.public_models() if issubclass(m, Publishable)]
    if keys is None or sk.SEARCH in keys:
        return tracked
    found = set()
    for label in {key.split(":", 1)[0] for key in keys}:
        model = _models_by_label().get(label)
        if model is None:
            continue
        if issubclass(model, Publishable):
            found.add(model)
        else:  # a relation table (positions, a many-to-many's rows)
            found.update(
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in tracked
            )
    return [m for m in tracked if m in found]


def next_scheduled(keys=None):
    """
    Epoch seconds of the next scheduled change that can alter a page with
    `keys` (of anything public when None), or None.
    """
    changes = [c for c in next_changes(_scheduled_models(keys)).values() if c is not None]
    return min(changes) if changes else None


def lifetime(keys=None):
    """Seconds a page with `keys` rendered now may be kept: to its next scheduled change at most."""
    seconds = settings.PAGE_CACHE_SECONDS
    soonest = next_scheduled(keys)
    if soonest is not None:
        seconds = min(seconds, int(soonest - time.time()))
    return max(seconds, 0)


def cache_key(request):
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    key = f"pc:{request.get_host()}{request.path}?{query}"
    if translation.get_language_from_path(request.path_info) is None:
        # Outside the language prefix an answer may speak the language of
        # Accept-Language (the API's): one entry per language it negotiates.
        key += f"#{accept_language(request)}"
    return key


def _accepted(request):
    """Content codings the client accepts (q=0 refuses), as a set."""
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        coding, _sep, params = part.strip().partition(";")
        if params.strip().replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        if coding:
            accepted.add(coding.strip().lower())
    return accepted


class Entry:
    """One stored page: headers, its body in each coding, its validators."""

    def __init__(self, response, keys, sequence, seconds):
        self.status = response.status_code
        self.headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
        self.vary = response.get("Vary", "")
        body = response.content
        self.bodies = {"identity": body}
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type in COMPRESSIBLE and len(body) >= MIN_COMPRESS_SIZE:
            self.bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
            if brotli is not None:
                self.bodies["br"] = brotli.compress(body, quality=5)
        self.etag = 'W/"%s"' % hashlib.md5(body, usedforsecurity=False).hexdigest()  # noqa: UP031
        self.last_modified = int(time.time())
        self.keys = keys
        self.sequence = sequence
        self.expires = time.time() + seconds

    def coding_for(self, request):
        accepted = _accepted(request)
        for coding in ("br", "gzip"):
            if coding in self.bodies and coding in accepted:
                return coding
        return "identity"

    def not_modified(self, request):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.etag.removeprefix("W/") in tags
        if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return self.last_modified <= since
        return False

    def respond(self, request):
        remaining = max(int(self.expires - time.time()), 0)
        if self.not_modified(request):
            response = HttpResponseNotModified()
        else:
            coding = self.coding_for(request)
            response = HttpResponse(status=self.status)
            for name, value in self.headers:
                response[name] = value
            if request.method != "HEAD":
                response.content = self.bodies[coding]
            else:
                response["Content-Length"] = str(len(self.bodies[coding]))
            if coding != "identity":
                response["Content-Encoding"] = coding
        response["ETag"] = self.etag
        response["Last-Modified"] = formatdate(self.last_modified, usegmt=True)
        response[sk.HEADER] = " ".join(self.keys)
        if self.vary:
            response["Vary"] = self.vary
        if "gzip" in self.bodies:
            patch_vary_headers(response, ("Accept-Encoding",))
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, remaining),
            s_maxage=remaining,
        )
        return response


def _stale(entry, sequence=None):
    """Expired, or one of its keys announced since it was rendered."""
    if entry.expires <= time.time():
        return True
    if sequence is not None and sequence <= entry.sequence:
        return False
    stamps = cache.get_many([_stamp_key(key) for key in entry.keys])
    return any(stamp > entry.sequence for stamp in stamps.values())


def _vary_without_cookie(response):
    """Staff are told apart by the cookie before the cache: Vary need not say it."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(
            p for p in ("/admin/", "/healthz", settings.MEDIA_URL, settings.STATIC_URL) if p
        )
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME, "messages")

    def __call__(self, request):
        if not self.applies_to(request):
            response = self.get_response(request)
            if any(name in request.COOKIES for name in self.bypass_cookies):
                # Staff: what they see (drafts, banners) is theirs alone.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = cache_key(request)
        # One read for the common case: nothing announced since it was stored.
        found = cache.get_many([key, SEQUENCE])
        entry, sequence = found.get(key), found.get(SEQUENCE, 0)
        if entry is not None and not _stale(entry, sequence):
            return entry.respond(request)
        if request.method == "HEAD":
            return self.get_response(request)
        with invalidation.collect() as collector:
            response = self.get_response(request)
        if not self.storable(request, response):
            return response
        keys = collector.keys_for_header()
        seconds = lifetime(keys)
        entry = Entry(response, keys, sequence, seconds)
        _vary_without_cookie(response)
        entry.vary = response.get("Vary", "")
        if seconds > 0:
            cache.set(key, entry, timeout=seconds)
        return entry.respond(request)

    def applies_to(self, request):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(self.excluded) or len(request.path) > 1000:
            return False
        return not any(name in request.COOKIES for name in self.bypass_cookies)

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and (
            messages._queued_messages or (messages.used and messages._loaded_messages)
        ):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
        return vary <= {"", "cookie", "accept-language", "accept-encoding"}
