"""
Rate limiting of the API per client address, in the shared cache.

A fixed window: at most settings.API_RATE_LIMIT requests per
API_RATE_WINDOW seconds from one address (renaulution.login.client_ip,
which knows the proxies in front, DJANGO_TRUSTED_PROXIES); past it, a 429
with `Retry-After` (the seconds left in the window). It sits before the
page cache, so answers served from the cache count too. A limit of 0 turns
it off. The API has no accounts: every client is anonymous.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from renaulution.login import client_ip
from renaulution.negotiation import accept_language

from .errors import error_response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        limit = settings.API_RATE_LIMIT
        if limit > 0 and request.path.startswith(self.api_prefix()):
            retry_after = self.spend(request, limit, settings.API_RATE_WINDOW)
            if retry_after is not None:
                with translation.override(accept_language(request)):
                    message = _(
                        "Too many requests from this address; try again in %(seconds)s s."
                    ) % {"seconds": retry_after}
                return error_response(429, message, headers={"Retry-After": str(retry_after)})
        return self.get_response(request)

    def api_prefix(self):
        if self.prefix is None:
            self.prefix = reverse("api:openapi-json").rsplit("/", 1)[0] + "/"
        return self.prefix

    @staticmethod
    def spend(request, limit, window):
        """Count one request of the address; the seconds to wait when over the limit, else None."""
        now = time.time()
        start = int(now // window) * window
        key = f"api-rate:{client_ip(request)}:{start}"
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr, or the cache is down
            cache.set(key, 1, timeout=window + 1)
            count = 1
        if count <= limit:
            return None
        return max(1, math.ceil(start + window - now))
