"""
Measurement under load, from outside: gunicorn, wrk, nginx and Varnish.

wrk (Debian's) runs in its own process against servers on loopback; its
report comes back as JSON through bench/wrk_report.lua. Requests send
`Accept-Encoding: gzip` as browsers do, so caches answer what readers get.

- `Gunicorn`: the app as production runs it (sync workers, DJANGO_DEBUG=0),
  with the worker processes' resident memory read from /proc.
- `NginxStatic`: nginx serving given bytes as a static file, the reference
  for a front cache (nothing can answer a cached page faster).
- `varnish_phase`: the stack of deploy/stack.py (Varnish → gunicorn, nginx for
  media), measured for cached pages against nginx serving the same bytes,
  and a publish timed until readers see it through Varnish.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LUA = BASE_DIR / "bench" / "wrk_report.lua"
HEADERS = {"Accept-Encoding": "gzip"}
WRK_SECONDS = float(os.environ.get("BENCH_WRK_SECONDS", "5"))
WRK_CONNECTIONS = int(os.environ.get("BENCH_WRK_CONNECTIONS", "6"))
# Against Varnish and nginx, enough connections to keep them busy.
FRONT_CONNECTIONS = int(os.environ.get("BENCH_FRONT_CONNECTIONS", "32"))
# Cache hits all cost alike: a shorter load per page is enough.
FRONT_SECONDS = float(os.environ.get("BENCH_FRONT_SECONDS", "3"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
PROGRAMS = {
    "wrk": "wrk",
    "nginx": "nginx",
    "varnishd": "varnish varnish-modules",
}


class LoadError(RuntimeError):
    pass


def missing_programs():
    """The apt-get packages of the programs that are not installed."""
    return [
        package
        for program, package in PROGRAMS.items()
        if not (shutil.which(program) or shutil.which(program, path="/usr/sbin:/sbin"))
    ]


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def wait_for_port(port, process, timeout=60, what="server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not port_is_free(port):
            return
        if process.poll() is not None:
            raise LoadError(f"{what} exited with {process.returncode}")
        time.sleep(0.05)
    raise LoadError(f"{what} is not listening on {port} after {timeout} s")


def fetch(url, headers=None):
    """(status, headers, body) of one GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    # Our own servers on loopback, http only.
    request = urllib.request.Request(url, headers={**HEADERS, **(headers or {})})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def warm(url, headers=None, count=None):
    """
    Requests `url` from several connections at once, so that every worker
    has served it once (its first request compiles templates, fills caches)
    before it is measured. Returns the first answer's status.
    """
    from concurrent.futures import ThreadPoolExecutor

    count = count or WORKERS * 2
    with ThreadPoolExecutor(count) as pool:
        answers = list(pool.map(lambda _n: fetch(url, headers)[0], range(count)))
    return answers[0]


def wrk(url, *, seconds=None, connections=None, threads=2, headers=None):
    """req/s, p50 and p99 in ms, non-2xx and socket errors of wrk on `url`."""
    connections = connections or WRK_CONNECTIONS
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}"]
    command += [f"-d{seconds or WRK_SECONDS:g}s", "--timeout", "30s", "-s", str(LUA)]
    for name, value in {**HEADERS, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    completed = subprocess.run(command + [url], capture_output=True, text=True, timeout=600)
    line = next((ln for ln in completed.stdout.splitlines() if ln.startswith("WRK_JSON ")), None)
    if line is None:
        raise LoadError(f"wrk gave no report for {url}:\n{completed.stdout}{completed.stderr}")
    report = json.loads(line.removeprefix("WRK_JSON "))
    seconds_run = report["duration_us"] / 1e6
    return {
        "rps": report["requests"] / seconds_run if seconds_run else 0.0,
        "requests": report["requests"],
        "p50_ms": report["p50_us"] / 1000,
        "p99_ms": report["p99_us"] / 1000,
        "non2xx": report["non2xx"],
        "errors": sum(
            report[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts")
        ),
        "bytes_per_request": report["bytes"] / report["requests"] if report["requests"] else 0,
    }


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


class Gunicorn:
    """gunicorn with `WORKERS` sync workers on 127.0.0.1:`port`, in `environment`."""

    def __init__(self, environment, port, log):
        self.environment, self.port, self.log = environment, port, log
        self.process = None

    def __enter__(self):
        if not port_is_free(self.port):
            raise LoadError(f"port {self.port} is taken")
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "renaulution.wsgi"]
                + ["--bind", f"127.0.0.1:{self.port}", "--workers", str(WORKERS)]
                + ["--worker-class", "sync", "--timeout", "120", "--no-control-socket"],
                cwd=BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for_port(self.port, self.process, what="gunicorn")
        # All workers booted (each imports Django on its own).
        deadline = time.monotonic() + 60
        while len(children(self.process.pid)) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.1)
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def worker_rss(self):
        """Resident memory of each worker, in MB."""
        return [mb for mb in map(rss_mb, children(self.process.pid)) if mb is not None]

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class NginxStatic:
    """nginx serving `body` (with `encoding`) at / on 127.0.0.1:`port`, as a static file."""

    def __init__(self, port, body, content_type, encoding=None):
        self.port, self.body, self.content_type, self.encoding = port, body, content_type, encoding
        self.directory = Path(tempfile.mkdtemp(prefix="renaulution-bench-nginx-"))
        self.process = None

    def config(self):
        root = self.directory / "root"
        root.mkdir(exist_ok=True)
        (root / "page").write_bytes(self.body)
        user = "user root;\n" if os.geteuid() == 0 else ""
        encoding = f'add_header Content-Encoding "{self.encoding}";' if self.encoding else ""
        temp = self.directory
        return (
            f"{user}daemon off;\nworker_processes 1;\npid {temp / 'nginx.pid'};\n"
            f"error_log {temp / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            f"  client_body_temp_path {temp / 'body'};\n  proxy_temp_path {temp / 'proxy'};\n"
            f"  fastcgi_temp_path {temp / 'fastcgi'};\n  uwsgi_temp_path {temp / 'uwsgi'};\n"
            f"  scgi_temp_path {temp / 'scgi'};\n"
            "  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 100000;\n"
            f"  server {{\n    listen 127.0.0.1:{self.port};\n"
            f"    location = / {{\n      root {root};\n      try_files /page =404;\n"
            f'      types {{ }}\n      default_type "{self.content_type}";\n'
            f"      {encoding}\n    }}\n  }}\n}}\n"
        )

    def __enter__(self):
        config = self.directory / "nginx.conf"
        config.write_text(self.config())
        nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
        self.process = subprocess.Popen(
            [nginx, "-p", str(self.directory), "-c", str(config), "-e", "stderr"],
            stdout=subprocess.DEVNULL,
            stderr=(self.directory / "stderr.log").open("wb"),
            start_new_session=True,
        )
        wait_for_port(self.port, self.process, what="nginx")
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/"

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        shutil.rmtree(self.directory, ignore_errors=True)


def stack_available():
    return (BASE_DIR / "deploy" / "stack.py").exists() and (
        BASE_DIR / "deploy" / "varnish" / "default.vcl"
    ).exists()


def is_varnish_hit(headers):
    age = headers.get("Age") or headers.get("age") or "0"
    return age.isdigit() and int(age) > 0 or "HIT" in str(headers.get("X-Cache", "")).upper()


def varnish_phase(dataset, environment, pages, ports, directory, publish_command):
    """
    Through Varnish: the cached public pages under wrk, nginx serving the
    home page's bytes (as Varnish sends them) as a static file, and the time
    a new press release takes to appear on the press list through Varnish.
    Returns {"pages": {name: wrk report}, "nginx": wrk report, "publish": …}
    or {"skipped": reason}.
    """
    if not stack_available():
        return {"skipped": "deploy/stack.py and deploy/varnish/default.vcl are not there yet"}
    sys.path.insert(0, str(BASE_DIR))
    from deploy.stack import StackError, start_stack

    varnish_port, app_port, nginx_port = ports
    try:
        stack = start_stack(
            environment["DATABASE_URL"],
            environment["REDIS_URL"],
            [app_port],
            varnish_port,
            media_port=varnish_port + 1,
            media_root=environment["DJANGO_MEDIA_ROOT"],
            directory=directory,
            workers=WORKERS,
            prepare=False,
            load_content=False,
            environment={
                key: environment[key]
                for key in environment
                if key.startswith(("DJANGO_", "BENCH_", "PAGE_CACHE"))
            },
        )
    except StackError as error:
        return {"skipped": f"the stack did not start: {error}"}
    result = {"pages": {}}
    try:
        chosen = [page for page in pages if page["kind"] == "public"]
        # The reference first, while the app is fresh: nginx serving the
        # home page's bytes (or the first page's) as Varnish sends them.
        home = next((page for page in chosen if page["name"] == "home"), chosen[0])
        fetch(stack.url + home["path"])
        status, headers, body = fetch(stack.url + home["path"])
        content_type = headers.get("Content-Type", "text/html; charset=utf-8")
        with NginxStatic(nginx_port, body, content_type, headers.get("Content-Encoding")) as nginx:
            result["nginx"] = wrk(nginx.url, seconds=FRONT_SECONDS, connections=FRONT_CONNECTIONS)
            result["nginx"].update(bytes=len(body), page=home["name"], status=status)
        print(f"  nginx static {home['name']:<11} {result['nginx']}", flush=True)
        for page in chosen:
            url = stack.url + page["path"]
            fetch(url)  # a miss: stored
            status, headers, _body = fetch(url)
            page_result = {"status": status, "hit": is_varnish_hit(headers)}
            if status == 200 and page_result["hit"]:
                page_result.update(wrk(url, seconds=FRONT_SECONDS, connections=FRONT_CONNECTIONS))
            elif status == 200:
                # Every request would reach the app: gunicorn's figures say it
                # already, and 32 connections would only queue at its workers.
                page_result["skipped"] = "not cached by Varnish"
            result["pages"][page["name"]] = page_result
            print(f"  varnish {page['name']:<24} {page_result}", flush=True)
        if any(page["name"] == "press list" for page in chosen):
            result["publish"] = time_publish(stack.url, pages, stack.environment, publish_command)
        else:
            result["publish"] = {"error": "the press list is too slow to be timed"}
        print(f"  publish through Varnish  {result['publish']}", flush=True)
    finally:
        stack.stop()
    return result


def time_publish(front_url, pages, environment, publish_command):
    """Seconds from an editor's save to the new release on the press list through Varnish."""
    press_list = front_url + next(p["path"] for p in pages if p["name"] == "press list")
    fetch(press_list)
    _status, headers, _body = fetch(press_list)
    was_cached = is_varnish_hit(headers)
    completed = subprocess.run(
        [*publish_command, press_list],
        env=environment,
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
        timeout=120,
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip()[-500:]}
    return {"press_list_was_cached": was_cached, **json.loads(completed.stdout.splitlines()[-1])}
