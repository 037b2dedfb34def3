"""
What the site does when a dependency fails.

The database down: every page answers 503 with `Retry-After` and a page in
the reader's language that needs nothing but templates and static files
(`templates/503.html`), instead of a 500 and a traceback per request. The
middleware catches what views and template rendering raise; `server_error`
(the 500 handler) catches what other middleware raise.

Redis down: django-redis ignores the error (`IGNORE_EXCEPTIONS`), the page
is served without the cache, and `OncePerInterval` turns the log into one
line per interval instead of one traceback per cache call.
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils import translation
from django.views import defaults

database_logger = logging.getLogger("renaulution.database")

# What a database that is down, restarting or unreachable raises (psycopg's
# and sqlite3's errors reach views as these). Errors of our own making
# (ProgrammingError, IntegrityError…) stay 500s.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def service_unavailable(request, exception):
    """The 503 page; logged here, once per interval, not by django.request."""
    database_logger.error("Database unavailable: %s", exception)
    # From the path: a middleware before LocaleMiddleware may have failed.
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Django's request logger would add one traceback per request.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 instead of 500 when a view cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return service_unavailable(request, exception)
        return None


def server_error(request):
    """The 500 handler, a 503 when the database is what failed."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return service_unavailable(request, exception)
    return defaults.server_error(request)


class OncePerInterval(logging.Filter):
    """
    Let one record through per `interval` seconds (per process) and drop the
    rest, so an outage is one line a minute, not one per request. The record
    let through loses its traceback (the message says what failed) and says
    how many were dropped since the last one.
    """

    def __init__(self, interval=60, message="%s"):
        super().__init__()
        self.interval = float(interval)
        self.message = message
        self._lock = threading.Lock()
        self._next = 0.0
        self._dropped = 0

    def filter(self, record):
        now = time.monotonic()
        with self._lock:
            if now < self._next:
                self._dropped += 1
                return False
            self._next = now + self.interval
            dropped, self._dropped = self._dropped, 0
        error = record.exc_info[1] if record.exc_info else None
        text = record.getMessage()
        if error is not None:
            text = f"{text}: {type(error).__name__}: {error}"
        record.msg = self.message
        record.args = (" ".join(text.split()),)
        if dropped:
            record.msg += f" ({dropped} more since the last report)"
        record.msg += f"; next report in {self.interval:g} s at the earliest"
        record.exc_info = None
        record.exc_text = None
        return True
