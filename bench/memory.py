"""
The translation memory's suggestion time (issue 12): `suggest_many()` for a
30-segment body with BENCH_MEMORY_ENTRIES (100,000) stored segments, on
PostgreSQL with its trigram index. Part of `make bench` (bench/run.py runs
it after the pages); alone:

    DATABASE_URL=postgres://user@host:5432/anything python bench/memory.py [--json FILE]

Its database is `<BENCH_DATABASE_NAME>_memory`: the shipped content
(`load_content`, whose saves fill the memory with the real translations),
then synthetic entries made from those sentences with variations (numbers
changed, words swapped, dropped or borrowed from another sentence, two
sentences run together) until the memory holds the wanted size, in the
languages pairs of the real ones. Built once; a marker (the database's
comment) says what it holds, as for bench/data.py.

The body: 10 sentences the memory holds (exact matches), 10 with one word or
number changed (fuzzy matches), 10 made of words from all over (mostly no
match). Timed warm, BENCH_MEMORY_RUNS times (20): median and slowest.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import data  # noqa: E402

VERSION = 1
ENTRIES = int(os.environ.get("BENCH_MEMORY_ENTRIES", "100000"))
RUNS = int(os.environ.get("BENCH_MEMORY_RUNS", "20"))
SEGMENTS = 30
TARGET_MS = 100.0
DATASET = data.Dataset("memory", f"{data.LARGE_DATABASE}_memory")


def marker():
    return f"renaulution bench memory v{VERSION}: {ENTRIES} entries"


def vary(rng, words, pool):
    """One variation of a sentence's `words`, borrowing from the `pool` of all words."""
    words = list(words)
    kind = rng.randrange(5)
    if kind == 0:
        numbers = [i for i, word in enumerate(words) if any(c.isdigit() for c in word)]
        index = rng.choice(numbers) if numbers else rng.randrange(len(words))
        words[index] = str(rng.randint(2, 990_000))
    elif kind == 1 and len(words) > 3:
        words.pop(rng.randrange(len(words)))
    elif kind == 2:
        words[rng.randrange(len(words))] = rng.choice(pool)
    elif kind == 3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(pool))
    else:
        words += rng.sample(pool, min(len(pool), rng.randint(3, 8)))
    return words


def build():
    from django.core.management import call_command
    from django.db import connections

    from renaulution.content.loader import load_content
    from translations.memory import new_entry
    from translations.models import MemoryEntry
    from translations.registry import text_hash

    if data.marker_of(DATASET.database) == marker():
        call_command("migrate", verbosity=0)
        print(f"reusing the memory data set in {DATASET.database} ({marker()})")
        return
    print(f"building the memory data set in {DATASET.database}: {marker()}", flush=True)
    connections.close_all()
    data.create_database(DATASET.database, drop=True)
    call_command("migrate", verbosity=0)
    load_content()
    real = list(MemoryEntry.objects.values_list("source_language", "target_language", "normalized"))
    print(f"  {len(real)} segments from the shipped content's translations")
    rng = random.Random(12)
    pool = sorted({word for _s, _t, text in real for word in text.split()})
    seen = {(s, t, text_hash(text)) for s, t, text in real}
    batch, total = [], len(real)
    bar = data.progress(ENTRIES - total, "synthetic segments")
    while total < ENTRIES:
        source_lang, target_lang, text = rng.choice(real)
        source = " ".join(vary(rng, text.split(), pool))
        target = " ".join(vary(rng, text.split()[::-1], pool))
        entry = new_entry(source, target, False, source_lang, target_lang)
        key = (source_lang, target_lang, entry.source_hash)
        if key in seen:
            continue
        seen.add(key)
        batch.append(entry)
        total += 1
        if len(batch) == 5000:
            MemoryEntry.objects.bulk_create(batch)
            bar.update(len(batch))
            batch = []
    MemoryEntry.objects.bulk_create(batch)
    bar.update(len(batch))
    bar.close()
    data.vacuum_analyze()
    data.set_marker(DATASET.database, marker())


def body(rng):
    """30 segments from English into French: held, changed a little, and new."""
    from translations.models import MemoryEntry

    held = list(
        MemoryEntry.objects.filter(
            source_language="en", target_language="fr", content_type__isnull=False
        )
        .filter(normalized__regex=r"^(\S+ ){5,}")
        .values_list("normalized", flat=True)
    )
    pool = sorted({word for text in held for word in text.split()})
    chosen = rng.sample(held, 20)
    exact = chosen[:10]
    fuzzy = [" ".join(vary(rng, text.split(), pool)) for text in chosen[10:]]
    new = [" ".join(rng.sample(pool, rng.randint(6, 16))) for _n in range(10)]
    return exact + fuzzy + new


def measure():
    from django.db import connection

    from translations.memory import suggest_many
    from translations.models import MemoryEntry

    rng = random.Random(30)
    texts = body(rng)
    assert len(texts) == SEGMENTS
    for _warm in range(3):
        results = suggest_many(texts, "en", "fr")
    timings = []
    for _run in range(RUNS):
        started = time.perf_counter()
        results = suggest_many(texts, "en", "fr")
        timings.append((time.perf_counter() - started) * 1000)
    version = connection.vendor
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0].split(" on ")[0]
    return {
        "entries": MemoryEntry.objects.count(),
        "segments": SEGMENTS,
        "runs": RUNS,
        "median_ms": statistics.median(timings),
        "max_ms": max(timings),
        "exact": sum(bool(r) and r[0].exact for r in results),
        "fuzzy": sum(bool(r) and not r[0].exact for r in results),
        "none": sum(not r for r in results),
        "database": version,
    }


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    data.server_url()  # exits 2 with the reason when DATABASE_URL is not PostgreSQL
    data.use(DATASET)
    import django

    django.setup()
    build()
    result = measure()
    print(
        f"  translation memory: {result['segments']} segments against {result['entries']:,} "
        f"entries in {result['median_ms']:.1f} ms (median of {result['runs']}, slowest "
        f"{result['max_ms']:.1f} ms); {result['exact']} exact, {result['fuzzy']} fuzzy, "
        f"{result['none']} without a match",
        flush=True,
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
