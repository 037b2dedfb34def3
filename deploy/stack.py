"""
The production topology on one machine, for a local production-like run, the
tests and the benchmark: Varnish in front (deploy/varnish/default.vcl), N
gunicorn app servers behind it, nginx serving uploads, on the PostgreSQL and
Redis the caller names.

    python deploy/stack.py            # what `make stack` runs; Ctrl-C stops it

    from deploy.stack import start_stack
    stack = start_stack(database_url, redis_url, app_ports=[18501, 18502], varnish_port=18500)
    ...  # stack.url (through Varnish), stack.app_urls, stack.media_url
    stack.stop()

Everything listens on 127.0.0.1. The app runs as production would
(DJANGO_DEBUG=0, WhiteNoise, no Django-served media), minus what loopback
cannot have: no HTTPS redirect, no HSTS. It purges Varnish after every
change (VARNISH_PURGE_URLS).
"""

import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
NGINX_MEDIA = ROOT / "deploy" / "nginx" / "media.conf"
BEGIN, END = "# BEGIN backends", "# END backends"


class StackError(RuntimeError):
    """The stack could not start: a program is missing, a port taken, a step failed."""


def render_vcl(app_ports, media_port, purgers=("127.0.0.1", "::1")):
    """default.vcl with our backends (and who may purge) in place of its examples."""
    text = VCL.read_text()
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    timeouts = ".connect_timeout = 1s; .first_byte_timeout = 30s;"
    lines = [f"{BEGIN} (written by deploy/stack.py)"]
    for number, port in enumerate(app_ports, 1):
        lines.append(
            f'backend app{number} {{ .host = "127.0.0.1"; .port = "{port}"; '
            f".probe = healthz; {timeouts} }}"
        )
    lines.append(f'backend media {{ .host = "127.0.0.1"; .port = "{media_port}"; }}')
    lines += ["", "sub vcl_init {", "    new app = directors.round_robin();"]
    lines += [f"    app.add_backend(app{number});" for number in range(1, len(app_ports) + 1)]
    lines += ["}", END]
    head = _replace_acl(head, purgers)
    return head + "\n".join(lines) + tail


def _replace_acl(text, purgers):
    start = text.index("acl purgers {")
    end = text.index("}", start)
    entries = "".join(f'    "{address}";\n' for address in purgers)
    return text[:start] + "acl purgers {\n" + entries + text[end:]


def render_nginx(media_port, media_root, directory):
    """A whole nginx.conf around deploy/nginx/media.conf, writing only into `directory`."""
    server = string.Template(NGINX_MEDIA.read_text()).substitute(
        MEDIA_PORT=media_port, MEDIA_ROOT=str(Path(media_root).resolve())
    )
    # As root, nginx's workers would run as nobody, who may not read a
    # private media folder; a non-root nginx ignores the directive.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = Path(directory)
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {temp / 'nginx.pid'};\n"
        f"error_log {temp / 'nginx-error.log'} warn;\n"
        "events { worker_connections 512; }\n"
        "http {\n"
        f"    client_body_temp_path {temp / 'nginx-body'};\n"
        f"    proxy_temp_path {temp / 'nginx-proxy'};\n"
        f"    fastcgi_temp_path {temp / 'nginx-fastcgi'};\n"
        f"    uwsgi_temp_path {temp / 'nginx-uwsgi'};\n"
        f"    scgi_temp_path {temp / 'nginx-scgi'};\n"
        "    sendfile on;\n"
        f"{server}\n"
        "}\n"
    )


def _program(name, hint):
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found is None:
        raise StackError(f"{name} is needed: {hint}")
    return found


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def wait_until(condition, timeout, what, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            raise StackError(f"{what}: the process exited with {process.returncode}")
        time.sleep(0.05)
    raise StackError(f"{what} did not happen within {timeout} s")


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our loopback
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def app_environment(database_url, redis_url, varnish_port, directory, extra=None):
    """The app's settings for the stack: production mode on loopback."""
    return {
        **os.environ,
        # Production's settings, also when started from the test suite.
        "DJANGO_SETTINGS_MODULE": "renaulution.settings",
        "DJANGO_DEBUG": "0",
        # One key for every app server (sessions and CSRF tokens cross them).
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,[::1]",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_HSTS_PRELOAD": "0",
        # Varnish appends the reader's address to X-Forwarded-For.
        "DJANGO_TRUSTED_PROXIES": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "VARNISH_PURGE_URLS": f"http://127.0.0.1:{varnish_port}/",
        **(extra or {}),
    }


class Stack:
    """The running stack. `stop()` (or leaving a `with` block) stops all of it."""

    def __init__(self, directory, environment, app_ports, varnish_port, media_port):
        self.directory = Path(directory)
        self.environment = environment
        self.app_ports = list(app_ports)
        self.varnish_port = varnish_port
        self.media_port = media_port
        self.url = f"http://127.0.0.1:{varnish_port}"
        self.app_urls = [f"http://127.0.0.1:{port}" for port in self.app_ports]
        self.media_url = f"http://127.0.0.1:{media_port}"
        self.processes = []  # (name, Popen), in start order

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def manage(self, *arguments, timeout=600):
        """`manage.py` with the app servers' settings; raises with its output on failure."""
        completed = subprocess.run(  # noqa: S603 - our own arguments
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT, env=self.environment, timeout=timeout, capture_output=True, text=True,
        )  # fmt: skip
        if completed.returncode != 0:
            raise StackError(
                f"manage.py {' '.join(arguments)} failed:\n{completed.stdout}{completed.stderr}"
            )
        return completed.stdout

    def log(self, name):
        """What the process `name` (app1, app2, nginx, varnish) wrote."""
        return (self.directory / f"{name}.log").read_text(errors="replace")

    def _spawn(self, name, command):
        log = (self.directory / f"{name}.log").open("ab")
        process = subprocess.Popen(  # noqa: S603 - our own arguments
            command, cwd=ROOT, env=self.environment, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us only; we stop them in order
        )  # fmt: skip
        log.close()
        self.processes.append((name, process))
        return process

    def start_app(self, port, number, workers):
        process = self._spawn(
            f"app{number}",
            [sys.executable, "-m", "gunicorn", "renaulution.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "30"]
            # Its default control socket is one path for every gunicorn of the machine.
            + ["--no-control-socket"],
        )
        wait_until(lambda: not port_is_free(port), 60, f"gunicorn on {port}", process)

    def start_nginx(self):
        nginx = _program("nginx", "apt-get install nginx")
        config = self.directory / "nginx.conf"
        config.write_text(
            render_nginx(self.media_port, self.environment["DJANGO_MEDIA_ROOT"], self.directory)
        )
        process = self._spawn(
            "nginx", [nginx, "-p", str(self.directory), "-c", str(config), "-e", "stderr"]
        )
        wait_until(lambda: not port_is_free(self.media_port), 20, "nginx listening", process)

    def start_varnish(self, purgers=("127.0.0.1", "::1")):
        varnishd = _program("varnishd", "apt-get install varnish varnish-modules")
        vcl = self.directory / "default.vcl"
        vcl.write_text(render_vcl(self.app_ports, self.media_port, purgers))
        process = self._spawn(
            "varnish",
            [varnishd, "-F", "-j", "none", "-n", str(self.directory / "varnish")]
            + ["-a", f"127.0.0.1:{self.varnish_port}", "-T", "none", "-f", str(vcl)]
            + ["-s", "malloc,256m"],
        )
        wait_until(lambda: _answers(f"{self.url}/healthz"), 60, "Varnish reaching the app", process)

    def stop(self):
        """Stop Varnish, nginx and the app servers, newest first."""
        while self.processes:
            name, process = self.processes.pop()
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)


def start_stack(
    database_url,
    redis_url,
    app_ports,
    varnish_port,
    *,
    media_port=None,
    media_root=None,
    directory=None,
    workers=2,
    migrate=True,
    collect_static=True,
    static_root=None,
    load_content=True,
    environment=None,
    prepare=None,
):
    """
    Start Varnish on `varnish_port`, one gunicorn (of `workers` workers) per
    port of `app_ports` and nginx for /media/ on `media_port` (the port
    after Varnish's by default), and return the running `Stack`.

    First `migrate`, `collect_static` (into `static_root`, by default a
    folder of `directory`) and `load_content` (the shipped content's loader),
    each unless turned off. Logs, the generated VCL and nginx.conf go to
    `directory` (a new temporary folder by default); uploads to
    `media_root` (DJANGO_MEDIA_ROOT, else the project's media/).
    `environment` adds to or overrides the app's settings. `prepare`, when
    given, sets both `migrate` and `collect_static`.
    """
    if prepare is not None:
        migrate = collect_static = prepare
    if not str(database_url).startswith(("postgres://", "postgresql://")):
        raise StackError(
            "DATABASE_URL must name a PostgreSQL database (postgres://…): several app "
            "servers cannot share a SQLite file safely"
        )
    if not redis_url:
        raise StackError("REDIS_URL must name the Redis the app servers share (redis://…)")
    media_port = varnish_port + 1 if media_port is None else media_port
    ports = [varnish_port, media_port, *app_ports]
    if len(set(ports)) != len(ports):
        raise StackError(f"the ports must differ: {ports}")
    taken = [port for port in ports if not port_is_free(port)]
    if taken:
        raise StackError(f"ports already in use on 127.0.0.1: {taken}")
    directory = Path(directory or tempfile.mkdtemp(prefix="renaulution-stack-"))
    directory.mkdir(parents=True, exist_ok=True)
    media_root = media_root or os.environ.get("DJANGO_MEDIA_ROOT") or str(ROOT / "media")
    Path(media_root).mkdir(parents=True, exist_ok=True)
    stack = Stack(
        directory,
        app_environment(
            database_url,
            redis_url,
            varnish_port,
            directory,
            {
                "DJANGO_MEDIA_ROOT": str(media_root),
                "DJANGO_STATIC_ROOT": str(static_root or directory / "static"),
                **(environment or {}),
            },
        ),
        app_ports,
        varnish_port,
        media_port,
    )
    try:
        if migrate:
            stack.manage("migrate", "--no-input")
        if collect_static:
            stack.manage("collectstatic", "--no-input", "--verbosity", "0")
        if load_content:
            stack.manage("load_renaulution")
        for number, port in enumerate(app_ports, 1):
            stack.start_app(port, number, workers)
        stack.start_nginx()
        stack.start_varnish()
    except BaseException:
        stack.stop()
        raise
    return stack


def _ports(name, default):
    return [int(port) for port in os.environ.get(name, default).split(",") if port.strip()]


def main():
    """`make stack`: the stack on DATABASE_URL and REDIS_URL until Ctrl-C."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url or not redis_url:
        print(
            "make stack needs a PostgreSQL database and a Redis, e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/renaulution \\\n"
            "  REDIS_URL=redis://127.0.0.1:6379/0 make stack",
            file=sys.stderr,
        )
        return 2
    # Ctrl-C, also when started in the background (which ignores SIGINT), and
    # SIGTERM stop everything, as does a failure while starting.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    varnish_port = _ports("STACK_VARNISH_PORT", "6081")[0]
    app_ports = _ports("STACK_APP_PORTS", "8001,8002")
    media_port = _ports("STACK_MEDIA_PORT", "8080")[0]
    print("Migrating, collecting static files, loading the shipped content…")
    try:
        stack = start_stack(
            database_url,
            redis_url,
            app_ports,
            varnish_port,
            media_port=media_port,
            directory=os.environ.get("STACK_DIRECTORY") or None,
            workers=int(os.environ.get("STACK_WORKERS", "2")),
        )
    except StackError as error:
        print(f"The stack did not start: {error}", file=sys.stderr)
        return 1
    print(
        f"\n  Renaulution through Varnish: {stack.url}/   (admin: {stack.url}/admin/)\n"
        + "".join(f"  app server {n}: {url}/\n" for n, url in enumerate(stack.app_urls, 1))
        + f"  uploads (nginx): {stack.media_url}/media/\n"
        + f"  logs, VCL and nginx.conf: {stack.directory}\n\n  Ctrl-C stops everything.\n"
    )
    try:
        while all(process.poll() is None for _name, process in stack.processes):
            time.sleep(0.5)
        stopped = [name for name, process in stack.processes if process.poll() is not None]
        print(f"Stopped by itself: {', '.join(stopped)}; see its log.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        print("Stopping Varnish, nginx and the app servers…")
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
