"""
A publish timed until readers see it: run by bench/load.py against Varnish.

    python bench/publish.py PRESS_LIST_URL

In the app servers' environment (their database, Redis and purge address),
it saves a new published press release as an editor's save would (the
model's save, so every invalidation path runs), then asks PRESS_LIST_URL
(through Varnish) every 20 ms until the release is listed, and deletes it.
Prints one line of JSON: seconds from the start of the save to the first
answer that shows it, and how long the save itself took.
"""

import datetime
import json
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    url = sys.argv[1]
    import django

    django.setup()
    from django.utils import timezone

    from companies.models import Company, PressRelease

    slug = f"bench-publish-{int(time.time() * 1000)}"
    company = Company.objects.published().order_by("pk").first()
    release = PressRelease(
        title_en=f"Bench publish {slug}",
        slug_en=slug,
        summary_en="Published by the benchmark to time how soon readers see it.",
        company=company,
        issued_on=datetime.date.today() + datetime.timedelta(days=1),
        status="published",
        published_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    before = time.perf_counter()
    release.save()
    saved = time.perf_counter()
    seen = None
    try:
        while time.perf_counter() - before < 10:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
                if slug.encode() in response.read():
                    seen = time.perf_counter()
                    break
            time.sleep(0.02)
    finally:
        release.delete()
    print(
        json.dumps(
            {
                "seconds": None if seen is None else round(seen - before, 3),
                "save_seconds": round(saved - before, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
