"""
Settings of the benchmark: the site's own, plus the reference views.

The references (bench/urls.py) must never be reachable on a real site, so
they live in this URLconf only, which nothing but `make bench` loads.
"""

from renaulution.settings import *  # noqa: F403
from renaulution.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
