"""
`make bench`: the benchmark that says how fast the site is, and how far from
the targets of issue 9, in one run on this machine.

    DATABASE_URL=postgres://user@host:5432/anything make bench
    BENCH_QUICK=1 make bench        # a few runs and short loads, for development

For each data set (small: the shipped content; large: 100,000 press releases,
see bench/data.py), built once and reused:

1. in-process (bench/inprocess.py): every page through Django's whole stack,
   page cache off, then repeat requests with it on: wall and CPU ms, SQL
   queries, HTML bytes, medians;
2. under wrk from another process, against gunicorn (sync ×BENCH_WORKERS,
   DJANGO_DEBUG=0) on loopback, page cache off then on: req/s, p50, p99,
   non-2xx; then the workers' resident memory;
3. through Varnish (deploy/stack.py), against nginx serving the same bytes
   as a static file, and a publish timed until it shows through Varnish.

Then the translation memory's suggestions for a 30-segment body at 100,000
stored segments (bench/memory.py, issue 12; `python bench/memory.py` runs
that part alone).

The two references, a constant response and a minimal 20-row list page (the
floor, bench/views.py), are measured in the same run, so the ratios hold on
any machine. The results are printed with the targets (✓/✗) and appended to
docs/benchmarks.md as a dated section (BENCH_WRITE=0 to skip).

Knobs (environment, README's Tests section lists their defaults):
BENCH_QUICK, BENCH_DATASETS, BENCH_RUNS, BENCH_MIN_RUNS, BENCH_PAGE_SECONDS,
BENCH_WRK_SECONDS, BENCH_WRK_CONNECTIONS, BENCH_FRONT_SECONDS,
BENCH_FRONT_CONNECTIONS, BENCH_WORKERS, BENCH_REDIS_URL, BENCH_PORT_BASE,
BENCH_WRITE, and the sizes of bench/data.py (BENCH_ROWS, ...).
"""

import datetime
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
if QUICK:
    for name, value in {
        "BENCH_RUNS": "5",
        "BENCH_MIN_RUNS": "2",
        "BENCH_PAGE_SECONDS": "1",
        "BENCH_WRK_SECONDS": "1",
        "BENCH_FRONT_SECONDS": "1",
    }.items():
        os.environ.setdefault(name, value)

from bench import data, load  # noqa: E402

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
PORT_BASE = int(os.environ.get("BENCH_PORT_BASE", "18600"))
# A page slower than this in-process is not put under load: wrk would see
# only timeouts, and the workers would be killed mid-request.
SLOW_SECONDS = float(os.environ.get("BENCH_SLOW_SECONDS", "5"))
HIT_CPU_OVER_CONSTANT = 1.5
WORK_DIR = BASE_DIR / ".bench"
STATIC_ROOT = WORK_DIR / "static"
REPORT = BASE_DIR / "docs" / "benchmarks.md"
LAST_RESULTS = WORK_DIR / "last-results.json"

# Targets of issue 9.
CPU_OVER_FLOOR = 2.0
MAX_QUERIES = 8
LARGE_OVER_SMALL = 3.0
MAX_HTML_BYTES = 100 * 1024
HIT_OVER_CONSTANT = 0.7
VARNISH_OVER_NGINX = 0.5
PUBLISH_SECONDS = 1.0
MAX_RSS_MB = 120


def python():
    return sys.executable


def app_environment(dataset, *, page_cache, secret_key):
    """The app's settings as production runs them, on this data set."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE", "VARNISH_"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_HSTS_PRELOAD": "0",
            "DJANGO_SERVE_MEDIA": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DJANGO_MEDIA_ROOT": str(dataset.media_root),
            "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
            "DATABASE_URL": dataset.url,
            "BENCH_SERVER_URL": data.server_url(),
            "REDIS_URL": REDIS_URL,
            "PAGE_CACHE": "1" if page_cache else "0",
            "BENCH_PAGE_CACHE": "1" if page_cache else "0",
        }
    )
    return environment


def check_prerequisites():
    """Exit 2 with what to do when something the benchmark needs is missing."""
    data.server_url()  # exits 2 when DATABASE_URL is not PostgreSQL
    missing = load.missing_programs()
    if missing:
        print(
            f"make bench needs {', '.join(missing)}: sudo apt-get install {' '.join(missing)}",
            file=sys.stderr,
        )
        sys.exit(2)
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as error:
        print(
            f"make bench needs Redis at {REDIS_URL} (BENCH_REDIS_URL): {error}\n"
            "  sudo apt-get install redis-server",
            file=sys.stderr,
        )
        sys.exit(2)


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def step(message):
    print(f"\n== {message}", flush=True)


def run_json(script, *args, prefix, environment=None):
    """bench/`script` in its own process, with the file it writes its figures to last."""
    output = Path(tempfile.mkstemp(prefix=prefix, suffix=".json")[1])
    try:
        subprocess.run(
            [python(), str(BASE_DIR / "bench" / script), *args, str(output)],
            env=environment,
            check=True,
            cwd=BASE_DIR,
        )
        return json.loads(output.read_text())
    finally:
        output.unlink(missing_ok=True)


def run_inprocess(dataset, environment, mode):
    return run_json(
        "inprocess.py",
        dataset.name,
        mode,
        prefix=f"bench-{dataset.name}-{mode}-",
        environment=environment,
    )


def too_slow(measured):
    return measured["wall_ms"] > SLOW_SECONDS * 1000


def under_load(environment, port, pages, session, *, cached, log, slow):
    """wrk on every page against gunicorn (but the `slow` ones); then the workers' memory."""
    results = {}
    with load.Gunicorn(environment, port, log) as server:
        for page in pages:
            if page["kind"] == "admin" and cached:
                continue
            if page["name"] in slow:
                results[page["name"]] = {"skipped": f"over {SLOW_SECONDS:g} s in-process"}
                continue
            headers = {"Cookie": f"sessionid={session}"} if page["kind"] == "admin" else {}
            url = server.url + page["path"]
            load.fetch(url, headers)  # with the page cache on, this one stores it
            status = load.warm(url, headers)
            result = {"status": status}
            if status == 200:
                result.update(load.wrk(url, headers=headers))
            results[page["name"]] = result
            label = "cached" if cached else "uncached"
            print(f"  wrk {label:>8} {page['name']:<24} {_short(result)}", flush=True)
        rss = server.worker_rss()
    return results, rss


def _short(result):
    if "rps" not in result:
        return f"status {result.get('status')}"
    return (
        f"{result['rps']:8.1f} req/s  p50 {result['p50_ms']:7.1f} ms  "
        f"p99 {result['p99_ms']:7.1f} ms  non-2xx {result['non2xx']}"
    )


def run_dataset(dataset, secret_key):
    """Everything measured on one data set."""
    off = app_environment(dataset, page_cache=False, secret_key=secret_key)
    on = app_environment(dataset, page_cache=True, secret_key=secret_key)
    logs = WORK_DIR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    flush_redis()
    step(f"{dataset.name}: in-process, page cache off")
    uncached = run_inprocess(dataset, off, "off")
    pages, session = uncached["pages"], uncached["session"]
    step(f"{dataset.name}: in-process, page cache on (repeat requests)")
    cached = run_inprocess(dataset, on, "on")
    slow = {name for name, measured in uncached["results"].items() if too_slow(measured)}
    if slow:
        print(f"  not put under load, over {SLOW_SECONDS:g} s each: {', '.join(sorted(slow))}")
    step(f"{dataset.name}: wrk against gunicorn, page cache off")
    wrk_off, rss_off = under_load(
        off,
        PORT_BASE,
        pages,
        session,
        cached=False,
        log=logs / f"{dataset.name}-off.log",
        slow=slow,
    )
    print(f"  worker RSS after the load: {', '.join(f'{mb:.0f} MB' for mb in rss_off)}")
    step(f"{dataset.name}: wrk against gunicorn, page cache on")
    wrk_on, rss_on = under_load(
        on,
        PORT_BASE + 1,
        pages,
        session,
        cached=True,
        log=logs / f"{dataset.name}-on.log",
        slow={name for name in slow if too_slow(cached["results"].get(name, {"wall_ms": 0}))},
    )
    print(f"  worker RSS after the load: {', '.join(f'{mb:.0f} MB' for mb in rss_on)}")
    step(f"{dataset.name}: through Varnish")
    varnish = load.varnish_phase(
        dataset,
        on,
        [page for page in pages if page["name"] not in slow],
        ports=(PORT_BASE + 10, PORT_BASE + 12, PORT_BASE + 20),
        directory=tempfile.mkdtemp(prefix=f"renaulution-bench-stack-{dataset.name}-"),
        publish_command=[python(), str(BASE_DIR / "bench" / "publish.py")],
    )
    if "skipped" in varnish:
        print(f"  skipped: {varnish['skipped']}")
    return {
        "pages": pages,
        "inprocess": uncached["results"],
        "inprocess_cached": cached["results"],
        "wrk": wrk_off,
        "wrk_cached": wrk_on,
        "rss": {"uncached": rss_off, "cached": rss_on},
        "varnish": varnish,
    }


# Report -----------------------------------------------------------------------


def ratio(a, b):
    return a / b if a is not None and b else None


def times(value):
    return "–" if value is None else f"{value:.2f}×"


def targets(results):
    """(target, passed or None when not measured, detail) per target of issue 9."""
    checks = []

    def public(name):
        return [p for p in results[name]["pages"] if p["kind"] == "public"]

    def add(label, failures, measured=True, detail=""):
        passed = None if not measured else not failures
        checks.append((label, passed, "; ".join(failures) if failures else detail))

    for name, result in results.items():
        floor = result["inprocess"]["floor"]["cpu_ms"]
        failures = [
            f"{p['name']} {ratio(result['inprocess'][p['name']]['cpu_ms'], floor):.1f}×"
            for p in public(name)
            if ratio(result["inprocess"][p["name"]]["cpu_ms"], floor) > CPU_OVER_FLOOR
        ]
        add(f"{name}: uncached CPU ≤ {CPU_OVER_FLOOR:g}× floor ({floor:.1f} ms)", failures)
        failures = [
            f"{p['name']} {result['inprocess'][p['name']]['queries']}"
            for p in public(name)
            if result["inprocess"][p["name"]]["queries"] > MAX_QUERIES
        ]
        add(f"{name}: ≤ {MAX_QUERIES} queries per public page", failures)
        failures = [
            f"{page} {m['bytes'] / 1024:.0f} KB"
            for page, m in result["inprocess"].items()
            if m["bytes"] > MAX_HTML_BYTES
        ]
        add(f"{name}: no page over {MAX_HTML_BYTES // 1024} KB of HTML", failures)
        hits = result["inprocess_cached"]
        failures = [
            f"{p['name']} {hits[p['name']]['queries']}"
            for p in public(name)
            if p["name"] in hits and hits[p["name"]]["queries"] > 0
        ]
        add(f"{name}: cached hit costs 0 SQL", failures)
        # The references themselves uncached: with the page cache on, they
        # would be served from it like any page.
        constant_cpu = result["inprocess"]["constant"]["cpu_ms"]
        failures = [
            f"{p['name']} {times(ratio(hits[p['name']]['cpu_ms'], constant_cpu))}"
            for p in public(name)
            if p["name"] in hits
            and ratio(hits[p["name"]]["cpu_ms"], constant_cpu) > HIT_CPU_OVER_CONSTANT
        ]
        add(
            f"{name}: cached hit CPU ≤ {HIT_CPU_OVER_CONSTANT:g}× constant ({constant_cpu:.2f} ms)",
            failures,
        )
        constant = result["wrk"].get("constant", {}).get("rps")
        failures = []
        for p in public(name):
            loaded = result["wrk_cached"].get(p["name"], {})
            share = ratio(loaded.get("rps"), constant)
            if share is None or share < HIT_OVER_CONSTANT:
                failures.append(f"{p['name']} {loaded.get('skipped') or times(share)}")
        add(
            f"{name}: cached ≥ {HIT_OVER_CONSTANT:g}× constant req/s ({constant or 0:.0f} req/s)",
            failures,
        )
        varnish = result["varnish"]
        if "skipped" in varnish:
            add(f"{name}: Varnish ≥ {VARNISH_OVER_NGINX:g}× nginx", [], False, varnish["skipped"])
            add(f"{name}: publish visible through Varnish within 1 s", [], False, "")
        else:
            nginx = varnish["nginx"]["rps"]
            failures = [
                f"{page} {m.get('skipped') or times(ratio(m.get('rps'), nginx))}"
                for page, m in varnish["pages"].items()
                if (ratio(m.get("rps", 0), nginx) or 0) < VARNISH_OVER_NGINX
            ]
            add(f"{name}: Varnish ≥ {VARNISH_OVER_NGINX:g}× nginx ({nginx:.0f} req/s)", failures)
            publish = varnish["publish"]
            seconds = publish.get("seconds")
            label = f"{name}: publish visible through Varnish within {PUBLISH_SECONDS:g} s"
            if "error" in publish:
                add(label, [], False, publish["error"])
            elif not publish.get("press_list_was_cached"):
                # Seen at once because nothing was cached: proves nothing.
                add(label, [], False, f"{seconds} s, but Varnish had not cached the list")
            else:
                slow = seconds is None or seconds > PUBLISH_SECONDS
                add(label, [f"{seconds} s"] if slow else [], detail=f"{seconds} s")
        worst = max(result["rss"]["uncached"] + result["rss"]["cached"], default=0)
        add(
            f"{name}: worker RSS ≤ {MAX_RSS_MB} MB after the load",
            [f"{worst:.0f} MB"] if worst > MAX_RSS_MB else [],
            detail=f"{worst:.0f} MB",
        )
    if {"small", "large"} <= results.keys():
        small, large = results["small"], results["large"]
        names = [p["name"] for p in large["pages"] if p["kind"] != "reference"]
        failures = [
            f"{n} {ratio(large['inprocess'][n]['wall_ms'], small['inprocess'][n]['wall_ms']):.1f}×"
            for n in names
            if n in small["inprocess"]
            and ratio(large["inprocess"][n]["wall_ms"], small["inprocess"][n]["wall_ms"])
            > LARGE_OVER_SMALL
        ]
        add(f"large ≤ {LARGE_OVER_SMALL:g}× small time (public and admin)", failures)
        failures = [
            f"{p['name']} {small['inprocess'][p['name']]['queries']}→"
            f"{large['inprocess'][p['name']]['queries']}"
            for p in large["pages"]
            if p["kind"] == "public"
            and p["name"] in small["inprocess"]
            and small["inprocess"][p["name"]]["queries"] != large["inprocess"][p["name"]]["queries"]
        ]
        add("same query count at small and large", failures)
    return checks


def mark(passed):
    return {True: "✓", False: "✗", None: "–"}[passed]


def fmt(value, spec=".1f", suffix=""):
    return "–" if value is None else f"{value:{spec}}{suffix}"


def page_table(name, result, small=None):
    floor = result["inprocess"]["floor"]["cpu_ms"]
    constant = result["wrk"].get("constant", {}).get("rps")
    varnish = result["varnish"]
    nginx = None if "skipped" in varnish else varnish["nginx"]["rps"]
    head = [
        "page", "HTML KB", "SQL", "wall ms", "CPU ms", "× floor", "req/s", "p50 ms",
        "p99 ms", "non-2xx", "hit SQL", "hit CPU ms", "hit req/s", "× const",
        "Varnish req/s", "× nginx",
    ]  # fmt: skip
    if small:
        head.append("× small")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for page in result["pages"]:
        n = page["name"]
        m = result["inprocess"][n]
        w = result["wrk"].get(n, {})
        h = result["inprocess_cached"].get(n, {})
        c = result["wrk_cached"].get(n, {})
        v = {} if nginx is None else varnish["pages"].get(n, {})
        row = [
            f"{n} (`{page['path']}`)" if m["status"] == 200 else f"{n} (status {m['status']})",
            fmt(m["bytes"] / 1024),
            str(m["queries"]),
            fmt(m["wall_ms"]),
            fmt(m["cpu_ms"]),
            fmt(ratio(m["cpu_ms"], floor), ".2f"),
            "too slow" if "skipped" in w else fmt(w.get("rps"), ".0f"),
            fmt(w.get("p50_ms")),
            fmt(w.get("p99_ms")),
            str(w.get("non2xx", "–")),
            str(h.get("queries", "–")),
            fmt(h.get("cpu_ms"), ".2f"),
            "too slow" if "skipped" in c else fmt(c.get("rps"), ".0f"),
            fmt(ratio(c.get("rps"), constant), ".2f"),
            "not cached" if "skipped" in v else fmt(v.get("rps"), ".0f"),
            fmt(ratio(v.get("rps"), nginx), ".2f"),
        ]
        if small:
            s = small["inprocess"].get(n)
            row.append(fmt(ratio(m["wall_ms"], s and s["wall_ms"]), ".1f"))
        lines.append("| " + " | ".join(row) + " |")
    extra = []
    if nginx is not None:
        extra.append(
            f"nginx serving the {varnish['nginx']['page']} page's bytes "
            f"({varnish['nginx']['bytes']} B, as Varnish "
            f"sends them) as a static file: {nginx:.0f} req/s, "
            f"p99 {varnish['nginx']['p99_ms']:.1f} ms."
        )
        publish = varnish["publish"]
        extra.append(
            f"A new press release, saved as an editor saves it, was on the press list through "
            f"Varnish after {fmt(publish.get('seconds'), '.3f', ' s')} (the save itself "
            f"{fmt(publish.get('save_seconds'), '.3f', ' s')}; the list was cached before: "
            f"{publish.get('press_list_was_cached')})."
            if "error" not in publish
            else f"The publish could not be timed: {publish['error']}"
        )
    else:
        extra.append(f"Varnish: not measured ({varnish['skipped']}).")
    rss = result["rss"]
    extra.append(
        "Gunicorn worker RSS after the load: "
        f"uncached {', '.join(f'{mb:.0f}' for mb in rss['uncached'])} MB; "
        f"cached {', '.join(f'{mb:.0f}' for mb in rss['cached'])} MB."
    )
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in extra) + "\n"


def _output(command):
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (completed.stdout + completed.stderr).strip().splitlines()[0]


def environment_facts():
    """The machine, the versions and the commit, for the report."""
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else platform.processor()
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text())
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else "?"
    varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/sbin")
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    versions = {
        "Python": platform.python_version(),
        "Django": _output([python(), "-c", "import django; print(django.get_version())"]),
        "PostgreSQL": _postgres_version(),
        "Redis": _redis_version(),
        "Varnish": _output([varnishd, "-V"])
        .split("(")[-1]
        .split(" revision")[0]
        .removeprefix("varnish-"),
        "nginx": _output([nginx, "-v"]).split("/")[-1],
        "wrk": _output(["wrk", "-v"]).split()[1],
        "gunicorn": _output([python(), "-m", "gunicorn", "--version"]).split()[-1].strip(")"),
    }
    commit = _output(["git", "-C", str(BASE_DIR), "rev-parse", "--short", "HEAD"])
    branch = _output(["git", "-C", str(BASE_DIR), "rev-parse", "--abbrev-ref", "HEAD"])
    dirty = subprocess.run(
        ["git", "-C", str(BASE_DIR), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "load": " ".join(Path("/proc/loadavg").read_text().split()[:3])
        if Path("/proc/loadavg").exists()
        else "?",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "versions": versions,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "branch": branch,
    }


def _postgres_version():
    import psycopg

    try:
        with psycopg.connect(data.database_url("postgres")) as conn:
            return conn.execute("SHOW server_version").fetchone()[0].split()[0]
    except psycopg.Error:
        return "?"


def _redis_version():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL).info("server")["redis_version"]
    except Exception:
        return "?"


def redacted(url):
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":…@"))
    return urlunsplit(parts)


def command_line():
    knobs = {
        key: value
        for key, value in sorted(os.environ.items())
        if key.startswith("BENCH_") and key != "BENCH_SERVER_URL"
    }
    # A path of this machine says nothing to a reader of docs/benchmarks.md.
    prefix = " ".join(
        f"{key}={'<path>' if os.path.isabs(value) else value}" for key, value in knobs.items()
    )
    database = redacted(os.environ.get("DATABASE_URL", ""))
    return f"DATABASE_URL={database} {prefix + ' ' if prefix else ''}make bench"


def markdown_section(results, checks, facts):
    versions = ", ".join(f"{name} {version}" for name, version in facts["versions"].items())
    any_result = next(iter(results.values()))
    runs = max(m["runs"] for m in any_result["inprocess"].values())
    lines = [
        f"## {facts['started']} UTC, commit {facts['commit']} ({facts['branch']})",
        "",
        f"- Machine: {facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM; "
        f"load average {facts['load_before']} before the run, {facts['load']} after "
        "(other work on the machine slows every figure alike, the ratios less).",
        f"- Versions: {versions}.",
        f"- Command: `{facts['command']}` "
        f"({'quick mode, ' if facts['quick'] else ''}{facts['minutes']:.1f} min).",
        f"- In-process: Django's test client through the whole stack, DJANGO_DEBUG=0, "
        f"medians of up to {runs} requests per page. Under load: gunicorn sync "
        f"×{facts['workers']}, `wrk -t2 -c{facts['wrk_connections']} "
        f"-d{facts['wrk_seconds']:g}s` (Varnish and nginx: `-c{facts['front_connections']} "
        f"-d{facts['front_seconds']:g}s`), `Accept-Encoding: gzip`, Redis cache.",
        "",
        "### Targets",
        "",
        "| target | | detail |",
        "|---|---|---|",
    ]
    lines += [f"| {label} | {mark(passed)} | {detail} |" for label, passed, detail in checks]
    for name, result in results.items():
        title = {
            "small": "Small data (the shipped content)",
            "large": "Large data (bench/data.py)",
        }[name]
        lines += ["", f"### {title}", ""]
        small = results.get("small") if name == "large" else None
        lines.append(page_table(name, result, small))
    return "\n".join(lines) + "\n"


REPORT_INTRO = """# Benchmarks

Written by `make bench` (bench/run.py): every run appends a dated section, so
a regression shows against the runs before it. Figures are from one machine
in one run; compare ratios (× floor, × constant, × nginx, × small) rather
than raw milliseconds across machines. See README, *Benchmarks*, for the method.

Columns: *SQL* queries, *wall ms* and *CPU ms* in-process with the page cache
off (medians); *req/s*, *p50*, *p99*, *non-2xx* under wrk against gunicorn,
page cache off; *hit* the same page served again by the page cache
(in-process SQL and CPU, then req/s under wrk and its ratio to the constant
response); *Varnish req/s* through Varnish and its ratio to nginx serving the
same bytes as a static file; *× small* the large data set's wall time over
the small one's.
"""


def write_report(section):
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    text = REPORT.read_text() if REPORT.exists() else REPORT_INTRO
    REPORT.write_text(text.rstrip("\n") + "\n\n" + section)


def prepare(secret_key):
    step("data sets")
    names = os.environ.get("BENCH_DATASETS", "small,large").split(",")
    datasets = [data.DATASETS[name.strip()] for name in names if name.strip()]
    for dataset in datasets:
        subprocess.run(
            [python(), str(BASE_DIR / "bench" / "data.py"), dataset.name], check=True, cwd=BASE_DIR
        )
    step("static files (collectstatic, as production serves them)")
    environment = app_environment(datasets[0], page_cache=False, secret_key=secret_key)
    subprocess.run(
        [python(), "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        env=environment,
        check=True,
        cwd=BASE_DIR,
    )
    return datasets


def run_memory():
    """bench/memory.py in its own process (it sets Django up on its own database)."""
    return run_json("memory.py", "--json", prefix="bench-memory-")


def memory_targets(memory):
    """The memory's target of issue 12, as `targets()` gives the others."""
    from bench.memory import SEGMENTS, TARGET_MS

    label = f"translation memory: {SEGMENTS} segments suggested in < {TARGET_MS:g} ms"
    if not memory:
        return [(label, None, "")]
    detail = (
        f"{memory['median_ms']:.1f} ms median, {memory['max_ms']:.1f} ms slowest "
        f"at {memory['entries']:,} segments "
        f"({memory['exact']} exact, {memory['fuzzy']} fuzzy, {memory['none']} none)"
    )
    return [(label, memory["median_ms"] < TARGET_MS, detail)]


def main():
    if sys.argv[1:] == ["--report"]:
        # Only the report, from the last run's figures (for working on it).
        saved = json.loads(LAST_RESULTS.read_text())
        results, facts, memory = saved["results"], saved["facts"], saved.get("memory")
    else:
        check_prerequisites()
        load_before = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        started = datetime.datetime.now(datetime.UTC)
        clock = time.monotonic()
        secret_key = secrets.token_urlsafe(50)
        datasets = prepare(secret_key)
        results = {dataset.name: run_dataset(dataset, secret_key) for dataset in datasets}
        step("translation memory: suggestions at 100,000 segments")
        memory = run_memory()
        facts = {
            **environment_facts(),
            "load_before": load_before,
            "started": f"{started:%Y-%m-%d %H:%M}",
            "minutes": (time.monotonic() - clock) / 60,
            "command": command_line(),
            "quick": QUICK,
            "workers": load.WORKERS,
            "wrk_connections": load.WRK_CONNECTIONS,
            "wrk_seconds": load.WRK_SECONDS,
            "front_connections": load.FRONT_CONNECTIONS,
            "front_seconds": load.FRONT_SECONDS,
        }
        LAST_RESULTS.write_text(
            json.dumps({"results": results, "facts": facts, "memory": memory}, indent=1)
        )
    checks = targets(results) + memory_targets(memory)
    step("targets")
    for label, passed, detail in checks:
        print(f"  {mark(passed)} {label}{': ' + detail if detail else ''}")
    print(f"  (– : not measured; {sum(p is False for _l, p, _d in checks)} targets missed)")
    section = markdown_section(results, checks, facts)
    if os.environ.get("BENCH_WRITE", "1") != "0":
        write_report(section)
        print(f"\nwritten to {REPORT.relative_to(BASE_DIR)}")
    else:
        print("\n" + section)


if __name__ == "__main__":
    main()
