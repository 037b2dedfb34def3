"""
Settings for the test suite (pyproject's DJANGO_SETTINGS_MODULE).

The settings are production-safe when nothing is set, so the tests turn
development mode on explicitly, as `make run` does. Set here, in the
environment, it reaches the manage.py processes tests start too. A test
that needs production behaviour sets it per test (pytest-django already
runs requests with DEBUG off).
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from renaulution.settings import *  # noqa: E402, F403

# Most tests change content inside a transaction that never commits, so
# nothing is announced: they read pages uncached. tests/test_pagecache.py
# and tests/test_invalidation.py turn it on.
# Servers that tests start (tests/servers.py) inherit these settings: the
# two-server test turns it on with PAGE_CACHE=1.
PAGE_CACHE = os.environ.get("PAGE_CACHE") == "1"
