"""
Benchmark of search with 100,000 published press releases, on PostgreSQL.

    DATABASE_URL=postgres://user@host:5432/anything .venv/bin/python bench/search.py

It runs on the large data set of bench/data.py (built there once, reused
later; only the server and credentials of DATABASE_URL are used). For one
query per language it prints the plan of the page query (EXPLAIN ANALYZE,
BUFFERS) and the median and 95th percentile time of the real search function
for a first page (count + page), over BENCH_RUNS runs.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import data  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
PAGE = 10

# A common word (about half the releases), two words (a fifth), a surname
# (under one percent).
QUERIES = {"en": "electric", "fr": "véhicules électriques", "it": "Moretti"}


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def main():
    dataset = data.DATASETS["large"]
    data.use(dataset)

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from renaulution.search import search

    data.build(dataset)

    for language, query in QUERIES.items():
        with translation.override(language):
            results = search(query, language=language)
            matches = results.matched.count()
            print(f"\n=== {language}: {query!r}, {matches} matches ===")
            print("--- page query (ranked keys of the first page) ---")
            print(results.keys[:PAGE].explain(analyze=True, buffers=True))
            with CaptureQueriesContext(connection) as counted:
                results.count()
            print(f"--- count query (up to {results.limit + 1}) ---")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + counted.captured_queries[0]["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))
            totals, counts = [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                results = search(query, language=language)
                results.count()
                counted = time.perf_counter()
                page = results[:PAGE]
                totals.append((time.perf_counter() - started) * 1000)
                counts.append((counted - started) * 1000)
            assert len(page) == PAGE, page
            print(
                f"search({query!r}, language={language!r}), {RUNS} runs: "
                f"count + first page median {statistics.median(totals):.1f} ms, "
                f"p95 {percentile(totals, 95):.1f} ms "
                f"(of which the count: median {statistics.median(counts):.1f} ms)"
            )


if __name__ == "__main__":
    main()
