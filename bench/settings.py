"""
Settings of the benchmark: the site's own, plus the reference views.

The references (bench/urls.py) must never be reachable on a real site, so
they live in this URLconf only, which nothing but `make bench` loads.

BENCH_PAGE_CACHE=0 measures pages "before any cache": the full-page cache is
switched off and its middleware (or Django's cache middleware, if a later
version used it) removed; the caches below the page (image renditions'
state, computed metadata) stay, as they are part of an uncached page.
"""

import os

from renaulution.settings import *  # noqa: F403
from renaulution.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# The load generator sends everything from one address: the API's rate
# limit would measure its 429s.
API_RATE_LIMIT = 0

if os.environ.get("BENCH_PAGE_CACHE", "1") == "0":
    PAGE_CACHE = False
    MIDDLEWARE = [
        name
        for name in MIDDLEWARE
        if "pagecache" not in name.lower()
        and name
        not in (
            "django.middleware.cache.UpdateCacheMiddleware",
            "django.middleware.cache.FetchFromCacheMiddleware",
        )
    ]
