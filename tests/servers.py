"""
Private servers for tests that need a real one they may stop: a
`redis-server` on a socket, a PostgreSQL cluster and a gunicorn serving the
site, on ports of the private range (TEST_PORT_BASE, default 16500), so a
test shares no data with anyone and can take a dependency away mid-run.

Ports: take them from `free_port()`, never a fixed number. The range has
TEST_PORT_RANGE ports (default 100); under pytest-xdist (`pytest -n 2`) each
worker gets its own slice of it (`worker_ports()`: gw0 the first half, gw1
the second…), so two workers never race for the same free port. A test
needing several servers asks `free_port(offset=k)` for the k-th port of its
slice; a suite with a range of its own (another base) slices it the same way
with `worker_ports(base, size)`.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PORT_BASE = int(os.environ.get("TEST_PORT_BASE", "16500"))
PORT_RANGE = int(os.environ.get("TEST_PORT_RANGE", "100"))


def worker_ports(base=PORT_BASE, size=PORT_RANGE):
    """The ports of `base`..`base + size - 1` that this pytest-xdist worker may use."""
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker.removeprefix("gw") or 0)
    share = size // max(count, 1)
    start = base + index * share
    return range(start, start + share)


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise TimeoutError(f"{what} did not happen within {timeout} s")


def _port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def free_port(offset=0):
    """The first port of this worker's slice of the private range, from `offset`, that is free."""
    ports = worker_ports()
    for port in ports[offset:]:
        if _port_is_free(port):
            return port
    raise RuntimeError(f"No free port in {ports.start}-{ports.stop - 1}")


def free_port_after(port):
    """The first free port of this worker's slice above `port` (for a second server)."""
    return free_port(offset=port + 1 - worker_ports().start)


def _needed(program, hint):
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} is needed: {hint}", pytrace=False)
    return path


class RedisServer:
    """A redis-server on a unix socket in `directory`, without persistence."""

    def __init__(self, directory):
        self.program = _needed("redis-server", ".ci/run installs redis-server")
        self.socket = Path(directory) / "redis.sock"
        self.url = f"unix://{self.socket}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [self.program, "--port", "0", "--unixsocket", str(self.socket)]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.socket.exists, 10, "redis-server's socket")
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        wait_until(lambda: not self.socket.exists(), 10, "redis-server's exit")


def _postgres_program(name):
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        pytest.fail(f"{name} is needed: .ci/run installs postgresql", pytrace=False)
    return found


class PostgresCluster:
    """
    A throw-away PostgreSQL cluster on 127.0.0.1:`port`, trust auth, user
    postgres. initdb refuses to run as root: as root, the cluster belongs to
    the system's postgres user, in a folder of its own.
    """

    def __init__(self, port):
        self.port = port
        self.as_root = os.geteuid() == 0
        self.directory = Path(tempfile.mkdtemp(prefix="renaulution-pg-"))
        self.data = self.directory / "data"
        if self.as_root:
            shutil.chown(self.directory, "postgres", "postgres")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *arguments, timeout=60):
        command = [_postgres_program(arguments[0]), *arguments[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(  # noqa: S603 - our own arguments
            command, check=True, timeout=timeout, capture_output=True, cwd=self.directory
        )

    def create(self):
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        return self.start()

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "start", "-w", "-D", str(self.data), "-o", options,
            "-l", str(self.directory / "server.log"),
        )  # fmt: skip
        return self

    def stop(self):
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def create_database(self, name):
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def manage(environment, *arguments, timeout=180):
    """`manage.py` run by another process, configured by `environment` over ours."""
    return subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT, env={**os.environ, **environment}, timeout=timeout,
        capture_output=True, text=True,
    )  # fmt: skip


def fetch(url, language="en", timeout=10):
    """(status, headers, body text) of a GET, errors included."""
    request = urllib.request.Request(url, headers={"Accept-Language": language})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


class AppServer:
    """
    The site under gunicorn in production mode (DJANGO_DEBUG=0), configured
    only by environment variables as a deployment would be; its stderr (the
    application's log) goes to a file the test reads.
    """

    def __init__(self, directory, port, environment):
        self.directory = Path(directory)
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = self.directory / "gunicorn.log"
        self.environment = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-test-only-secret-key-that-is-long-enough-for-check-deploy",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": str(self.directory / "static"),
            "DJANGO_MEDIA_ROOT": str(self.directory / "media"),
            "DJANGO_LOG_LEVEL": "INFO",
            **environment,
        }
        self.process = None

    def manage(self, *arguments):
        completed = manage(self.environment, *arguments)
        assert completed.returncode == 0, completed.stderr

    def start(self):
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [sys.executable, "-m", "gunicorn", "renaulution.wsgi"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "30"]
            # Its default control socket is one path for every gunicorn of the machine.
            + ["--no-control-socket"],
            cwd=ROOT, env=self.environment, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_until(lambda: not _port_is_free(self.port), 30, "gunicorn listening")
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=15)
            self.process = None
            self.log.close()

    def get(self, path, language="en"):
        return fetch(self.base + path, language=language)

    def log_text(self):
        return self.log_path.read_text(errors="replace")
