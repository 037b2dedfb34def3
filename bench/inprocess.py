"""
In-process measurement of every page, in a child process of bench/run.py.

    python bench/inprocess.py small|large off|on OUTPUT.json

Django's test client drives the whole stack (every middleware, the real
URLconf, templates, the database) inside this process, so the CPU time of a
request (`time.process_time`) is the app's alone, without the WSGI server or
the network. `off` measures with the page cache disabled (before any cache),
`on` measures repeat anonymous requests, i.e. page-cache hits.

For each page: status, HTML bytes, SQL queries (counted in a separate
request, since capturing them costs time), then wall and CPU milliseconds,
medians over BENCH_RUNS requests, fewer when a page is so slow that
BENCH_PAGE_SECONDS runs out (at least BENCH_MIN_RUNS). The pages are chosen
from the data set (`discover`), so the same kinds of page are measured at
both sizes; with `off` it also writes them, and an admin session for the load
generator, to the output.
"""

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import data  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "40"))
MIN_RUNS = int(os.environ.get("BENCH_MIN_RUNS", "3"))
PAGE_SECONDS = float(os.environ.get("BENCH_PAGE_SECONDS", "4"))
# A page whose first request takes longer is measured by that request alone.
SLOW_SECONDS = float(os.environ.get("BENCH_SLOW_SECONDS", "5"))
ADMIN_USERNAME = "bench-admin"


def discover():
    """
    The pages to measure, as (name, kind, path): kind is "reference",
    "public" or "admin". Detail pages are the heaviest of their kind (the
    company issuing the most releases, the person most mentioned), lists
    their first page and a deep one.
    """
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from companies.models import Company, Person, PressRelease
    from episodes.models import Episode

    with translation.override("en"):
        press = PressRelease.objects.published()
        company = (
            Company.objects.published()
            .annotate(releases=Count("press_releases"))
            .order_by("-releases", "pk")
            .first()
        )
        person = (
            Person.objects.published()
            .annotate(mentions=Count("press_releases"))
            .order_by("-mentions", "pk")
            .first()
        )
        episode = Episode.objects.published().order_by("pk").first()
        release = press.order_by("-issued_on", "-pk").first()
        per_page = 10
        pages = max(1, -(-press.count() // per_page))
        deep = min(pages, 2000)
        year = (
            press.values_list("issued_on__year", flat=True)
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        press_list = reverse("companies:pressrelease_list")
        sitemap = Client().get("/sitemap.xml").content.decode()
        sections = re.findall(r"<loc>https?://[^/]+(/sitemap-[^<]+)</loc>", sitemap)
        section = next((s for s in sections if "press" in s), sections[0] if sections else None)
        found = [
            ("constant", "reference", "/_bench/constant/"),
            ("floor", "reference", "/_bench/floor/"),
            ("home", "public", reverse("home")),
            ("episode list", "public", reverse("episodes:episode_list")),
            ("episode detail", "public", episode.get_absolute_url()),
            ("company list", "public", reverse("companies:company_list")),
            ("company detail", "public", company.get_absolute_url()),
            ("person list", "public", reverse("companies:person_list")),
            ("person detail", "public", person.get_absolute_url()),
            ("press list", "public", press_list),
            ("press list, deep page", "public", f"{press_list}?page={deep}"),
            ("press list ?company=", "public", f"{press_list}?company={company.slug}"),
            ("press list ?year=", "public", f"{press_list}?year={year}"),
            ("press detail", "public", release.get_absolute_url()),
            ("api press list", "public", reverse("api:press_release_list")),
            (
                "api press list ?company=",
                "public",
                f"{reverse('api:press_release_list')}?company={company.slug}",
            ),
            (
                "api press detail",
                "public",
                reverse("api:press_release_detail", kwargs={"slug": release.slug_en}),
            ),
            ("timeline", "public", reverse("timeline:index")),
            ("search", "public", f"{reverse('search')}?q=electric"),
            ("feed RSS", "public", reverse("companies:pressrelease_feed")),
            ("feed Atom", "public", reverse("companies:pressrelease_feed_atom")),
            ("sitemap index", "public", "/sitemap.xml"),
            ("robots.txt", "public", "/robots.txt"),
            ("admin press changelist", "admin", "/admin/companies/pressrelease/"),
            ("admin press search", "admin", "/admin/companies/pressrelease/?q=electric"),
        ]
        if section:
            found.insert(-3, ("sitemap section", "public", section))
    return [{"name": n, "kind": k, "path": p} for n, k, p in found]


def admin_client():
    """A client logged in as a superuser, and the session cookie it holds."""
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(ADMIN_USERNAME, "bench@example.com", None)
    client = Client()
    client.force_login(user)
    return client, client.cookies["sessionid"].value


def page_cache_installed():
    from django.conf import settings

    return getattr(settings, "PAGE_CACHE", True) and any(
        "pagecache" in name.lower() or name.startswith("django.middleware.cache.")
        for name in settings.MIDDLEWARE
    )


def measure(client, path, runs=None):
    """
    Status, bytes, queries and median wall and CPU ms of GET `path`. A page
    slower than BENCH_SLOW_SECONDS is measured once: its first request,
    queries counted in it (their recording costs nothing beside it).
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        wall, cpu = time.perf_counter(), time.process_time()
        first = client.get(path)
        content = b"".join(first.streaming_content) if first.streaming else first.content
        first_cpu = (time.process_time() - cpu) * 1000
        first_wall = (time.perf_counter() - wall) * 1000
    queries = len(captured.captured_queries)
    walls, cpus = [first_wall], [first_cpu]
    if first_wall < SLOW_SECONDS * 1000:
        # The first request warmed caches and compiled templates: not counted.
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        # Now: the next request empties the connection's log that this reads.
        queries = len(captured.captured_queries)
        walls, cpus = [], []
        runs = runs or RUNS
        started = time.perf_counter()
        while len(walls) < runs and (
            len(walls) < min(MIN_RUNS, runs) or time.perf_counter() - started < PAGE_SECONDS
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
    return {
        "status": first.status_code,
        "bytes": len(content),
        "queries": queries,
        "runs": len(walls),
        "wall_ms": statistics.median(walls),
        "cpu_ms": statistics.median(cpus),
    }


def main():
    name, mode, output = sys.argv[1:4]
    dataset = data.DATASETS[name]
    data.use(dataset)
    import django

    django.setup()
    from django.test import Client

    pages = discover()
    admin, session = admin_client()
    anonymous = Client()
    # What every page's first request pays once per process (imports, the
    # base template, the translation catalogs), paid before measuring.
    for path in ("/en/", "/fr/", "/it/", "/_bench/floor/"):
        anonymous.get(path)
    results = {}
    # Without a page cache a "repeat request" is an uncached one again: one
    # run says so, and spares the minutes the slow pages would take.
    runs = 1 if mode == "on" and not page_cache_installed() else None
    if runs:
        print("  no page cache installed: one request per page", flush=True)
    for page in pages:
        if page["kind"] == "admin" and mode == "on":
            continue  # staff pages are never cached: measured once, with `off`
        client = admin if page["kind"] == "admin" else anonymous
        results[page["name"]] = measure(client, page["path"], runs)
        print(f"  {mode:>3} {page['name']:<24} {results[page['name']]}", flush=True)
    Path(output).write_text(json.dumps({"pages": pages, "session": session, "results": results}))


if __name__ == "__main__":
    main()
