"""
Settings for the test suite (pyproject's DJANGO_SETTINGS_MODULE).

The settings are production-safe when nothing is set, so the tests turn
development mode on explicitly, as `make run` does. Set here, in the
environment, it reaches the manage.py processes tests start too. A test
that needs production behaviour sets it per test (pytest-django already
runs requests with DEBUG off).
"""

import os

from django.conf import global_settings

os.environ.setdefault("DJANGO_DEBUG", "1")

from renaulution.settings import *  # noqa: E402, F403

# Most tests change content inside a transaction that never commits, so
# nothing is announced: they read pages uncached. tests/test_pagecache.py
# and tests/test_invalidation.py turn it on.
# Servers that tests start (tests/servers.py) inherit these settings: the
# two-server test turns it on with PAGE_CACHE=1.
PAGE_CACHE = os.environ.get("PAGE_CACHE") == "1"

# A password hash costs 0.3 s of CPU with Django's PBKDF2 (a million
# iterations, on purpose), and the suite makes one for every staff account it
# creates: hundreds. The tests check who may log in, not how slowly a stolen
# hash is cracked, so they hash with MD5, as Django's testing guide advises;
# the production hashers stay listed, so a PBKDF2 hash still verifies.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    *global_settings.PASSWORD_HASHERS,
]

# The API's rate limit would refuse the suite's many requests from one
# address: off, except in the test that checks it (tests/api/test_limits.py).
API_RATE_LIMIT = 0
