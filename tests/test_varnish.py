"""
Varnish in front of the site, against a real varnishd running the committed
deploy/varnish/default.vcl.

First with a tiny backend of our own, whose every fetch is counted: what the
VCL caches and what it never does, purging by surrogate key through the
purge client (renaulution/varnish.py), grace when the backend fails. Then
the whole stack (deploy/stack.py): two gunicorn app servers on a private
PostgreSQL database and a private Redis, an editor publishing through the
admin, and readers seeing it through Varnish at once.
"""

import contextlib
import hashlib
import http.client
import http.server
import json
import logging
import os
import subprocess
import tempfile
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles.finders import get_finders

from deploy.stack import VCL, Stack, StackError, render_vcl, start_stack
from renaulution import surrogate_keys, varnish
from tests.servers import (
    ROOT,
    PostgresCluster,
    RedisServer,
    _needed,
    free_port,
    free_port_after,
    manage,
)

pytestmark = pytest.mark.varnish


class Backend(http.server.ThreadingHTTPServer):
    """A backend answering per path, counting the requests that reach it."""

    daemon_threads = True

    # path -> extra headers; every page is cacheable unless its headers say otherwise.
    PAGES = {
        "/a": {"xkey": "key-a shared"},
        "/b": {"xkey": "key-b shared"},
        "/short": {"xkey": "key-short", "Cache-Control": "public, max-age=1"},
        "/private": {"Cache-Control": "private, max-age=60"},
        "/no-store": {"Cache-Control": "no-store"},
        "/sets-cookie": {"Set-Cookie": "csrftoken=abc; Path=/"},
        "/unmarked": {"Cache-Control": None},
    }

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _Handler)
        self.hits = {}
        self.cookies = []
        self.failing = False

    def handle_error(self, request, client_address):
        pass  # Varnish closing a probe's connection early is no test's business

    def fetches(self, path):
        return self.hits.get(path, 0)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - http.server's name
        server = self.server
        path = self.path
        if path != "/healthz":
            server.hits[path] = server.hits.get(path, 0) + 1
            server.cookies.append(self.headers.get("Cookie"))
        if server.failing:
            status, body = 503, b"down"
        else:
            status, body = 200, f"{path} version {server.hits.get(path, 0)}".encode()
        headers = {"Cache-Control": "public, max-age=60", "Content-Type": "text/plain"}
        headers.update(Backend.PAGES.get(path, {}))
        self.send_response(status)
        for name, value in headers.items():
            if value is not None:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def get(base, path, **headers):
    """(status, headers, body) of a GET through Varnish."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode(errors="replace")
    finally:
        connection.close()


def start_varnish(directory, backend_port, purgers=("127.0.0.1", "::1")):
    port = free_port()
    # nginx is not started: /media/ is not what these tests are about.
    stack = Stack(directory, dict(os.environ), [backend_port], port, free_port_after(port))
    stack.start_varnish(purgers=purgers)
    return stack


@pytest.fixture(scope="module")
def backend():
    server = Backend(free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def front(backend, tmp_path_factory):
    _needed("varnishd", ".ci/run installs varnish and varnish-modules")
    stack = start_varnish(tmp_path_factory.mktemp("varnish"), backend.server_address[1])
    yield stack
    stack.stop()


def test_the_committed_vcl_compiles(tmp_path):
    varnishd = _needed("varnishd", ".ci/run installs varnish and varnish-modules")
    for source in (VCL, None):
        path = VCL if source else tmp_path / "rendered.vcl"
        if source is None:
            path.write_text(render_vcl([18001, 18002, 18003], 18080))
        completed = subprocess.run(  # our own arguments
            [varnishd, "-C", "-j", "none", "-n", str(tmp_path / "work"), "-f", str(path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=60,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr


def test_the_stack_writes_one_backend_per_app_server_and_its_acl():
    vcl = render_vcl([18001, 18002, 18003], 18080, purgers=("10.0.0.5",))
    assert vcl.count(".probe = healthz;") == 3
    assert "app.add_backend(app3);" in vcl and "app4" not in vcl
    assert '.port = "18080"' in vcl
    acl = vcl[vcl.index("acl purgers") : vcl.index("}", vcl.index("acl purgers"))]
    assert '"10.0.0.5"' in acl and "127.0.0.1" not in acl


def test_a_page_is_fetched_once_then_served_from_varnish_without_its_keys(front, backend):
    first = get(front.url, "/a")
    second = get(front.url, "/a")
    assert first[0] == second[0] == 200
    assert first[1]["X-Cache"] == "MISS" and second[1]["X-Cache"] == "HIT"
    assert second[2] == first[2]
    assert backend.fetches("/a") == 1
    # The keys are Varnish's business; the app's own addresses may look.
    assert "xkey" not in second[1]
    assert get(front.url, "/a", **{"X-Debug-Xkey": "1"})[1]["xkey"] == "key-a shared"


def test_purging_one_key_refetches_exactly_its_pages(front, backend):
    for path in ("/a", "/b"):
        get(front.url, path)
    before = {path: backend.fetches(path) for path in ("/a", "/b")}

    assert varnish.purge({"key-a"}, urls=[front.url + "/"]) == 1

    status, headers, body = get(front.url, "/a")
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert body == f"/a version {before['/a'] + 1}"
    assert get(front.url, "/b")[1]["X-Cache"] == "HIT"
    assert backend.fetches("/a") == before["/a"] + 1
    assert backend.fetches("/b") == before["/b"]


def test_a_key_shared_by_two_pages_purges_both(front, backend):
    for path in ("/a", "/b"):
        get(front.url, path)
    assert varnish.purge({"shared"}, urls=[front.url + "/"]) == 2
    assert get(front.url, "/a")[1]["X-Cache"] == "MISS"
    assert get(front.url, "/b")[1]["X-Cache"] == "MISS"
    assert varnish.purge({"no-page-has-this-key"}, urls=[front.url + "/"]) == 0


def test_thousands_of_keys_go_in_batches_varnish_accepts(front, backend):
    get(front.url, "/a")
    keys = {f"press-release:{number}" for number in range(3000)} | {"key-a"}
    values = list(varnish.batches(keys))
    assert len(values) > 1
    assert all(len(value) <= varnish.MAX_HEADER_LENGTH for value in values)
    assert sorted(" ".join(values).split()) == sorted(keys)
    # Sent as one header, 60 KB would be refused by Varnish.
    assert varnish.purge(keys, urls=[front.url + "/"]) == 1
    assert get(front.url, "/a")[1]["X-Cache"] == "MISS"


def test_text_is_stored_gzipped_and_unzipped_for_clients_without_gzip(front, backend):
    status, headers, _body = get(front.url, "/gzip-me", **{"Accept-Encoding": "br, gzip"})
    assert (status, headers["Content-Encoding"]) == (200, "gzip")
    for accept in ({}, {"Accept-Encoding": "br"}, {"Accept-Encoding": "identity"}):
        status, headers, body = get(front.url, "/gzip-me", **accept)
        assert (status, body) == (200, "/gzip-me version 1"), accept
        assert "Content-Encoding" not in headers
    # One fetch: Varnish serves every encoding from its gzipped copy.
    assert backend.fetches("/gzip-me") == 1


@pytest.mark.parametrize("path", ["/private", "/no-store", "/sets-cookie", "/unmarked"])
def test_what_the_app_does_not_mark_public_is_never_cached(front, backend, path):
    before = backend.fetches(path)
    for _ in range(3):
        status, headers, _body = get(front.url, path)
        assert status == 200
        assert headers["X-Cache"] != "HIT"
    assert backend.fetches(path) == before + 3


def test_staff_with_a_session_always_reach_the_app(front, backend):
    get(front.url, "/b")
    before = backend.fetches("/b")
    for cookie in ("sessionid=abc", "csrftoken=x; sessionid=abc"):
        assert get(front.url, "/b", Cookie=cookie)[1]["X-Cache"] != "HIT"
    assert backend.fetches("/b") == before + 2
    assert backend.cookies[-1] == "csrftoken=x; sessionid=abc"


def test_readers_cookies_are_dropped_so_they_share_the_cached_page(front, backend):
    get(front.url, "/a")
    before = backend.fetches("/a")
    status, headers, _body = get(front.url, "/a", Cookie="csrftoken=x; _ga=tracker")
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert get(front.url, "/fresh-page", Cookie="csrftoken=x")[0] == 200
    assert backend.cookies[-1] is None
    assert backend.fetches("/a") == before


def test_the_admin_and_the_health_check_are_never_cached(front, backend):
    for path in ("/admin/", "/admin/login/", "/healthz"):
        get(front.url, path)
        assert get(front.url, path)[1]["X-Cache"] != "HIT", path


def test_a_stale_page_is_served_while_the_backend_fails(front, backend):
    assert get(front.url, "/short")[0] == 200
    body = get(front.url, "/short")[2]
    time.sleep(1.2)  # past the page's max-age=1: stale from here on, within grace
    backend.failing = True
    try:
        for _ in range(3):
            status, _headers, stale = get(front.url, "/short")
            assert (status, stale) == (200, body)
        # A page never fetched has no stale copy: the failure shows, uncached.
        assert get(front.url, "/never-fetched")[0] == 503
    finally:
        backend.failing = False


def test_a_purge_without_keys_is_refused(front):
    host, port = front.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("PURGE", "/")
    response = connection.getresponse()
    assert response.status == 400
    assert "xkey-purge header" in response.read().decode()
    connection.close()


def test_only_the_apps_addresses_may_purge(backend, tmp_path):
    # Loopback is not in this ACL: our own request is a stranger's.
    stack = start_varnish(tmp_path, backend.server_address[1], purgers=("192.0.2.1",))
    try:
        get(stack.url, "/a")
        assert varnish.purge({"key-a"}, urls=[stack.url + "/"]) == 0
        assert get(stack.url, "/a")[1]["X-Cache"] == "HIT"
    finally:
        stack.stop()


@pytest.fixture
def purge_once(settings):
    """No second purge: it would land in a later test."""
    settings.VARNISH_PURGE_AGAIN_AFTER = 0
    return settings


def test_the_signal_purges_the_configured_caches(front, backend, purge_once):
    purge_once.VARNISH_PURGE_URLS = [front.url + "/"]
    get(front.url, "/b")
    assert get(front.url, "/b")[1]["X-Cache"] == "HIT"
    surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-b"}))
    assert get(front.url, "/b")[1]["X-Cache"] == "MISS"


def test_the_same_keys_are_purged_again_for_pages_fetched_during_the_change(
    front, backend, settings
):
    settings.VARNISH_PURGE_URLS = [front.url + "/"]
    settings.VARNISH_PURGE_AGAIN_AFTER = 0.3
    get(front.url, "/b")
    surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-b"}))
    # As if fetched while the change committed: cached again after the first purge.
    assert cached(front.url, "/b")[1]["X-Cache"] == "HIT"
    assert until(lambda: get(front.url, "/b")[1]["X-Cache"] == "MISS", within=5)
    time.sleep(0.3)  # and no third purge comes
    assert cached(front.url, "/b")[1]["X-Cache"] == "HIT"


def test_without_purge_urls_the_signal_purges_nothing(front, backend, purge_once):
    purge_once.VARNISH_PURGE_URLS = []
    get(front.url, "/b")
    surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-b"}))
    assert get(front.url, "/b")[1]["X-Cache"] == "HIT"


def test_a_varnish_that_is_down_is_logged_and_never_raises(purge_once, caplog):
    down = f"http://127.0.0.1:{free_port()}/"
    purge_once.VARNISH_PURGE_URLS = [down, "not an address"]
    with caplog.at_level(logging.WARNING, logger="renaulution.varnish"):
        surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-a", "key-b"}))
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    assert "Purge of 2 surrogate keys at " + down in messages[0]
    assert "stay stale" in messages[0]


def test_keys_that_would_split_or_break_the_header_are_left_out(caplog):
    with caplog.at_level(logging.ERROR, logger="renaulution.varnish"):
        values = list(varnish.batches({"good", "two words", "a,b", "line\nbreak", ""}))
    assert values == ["good"]
    assert len(caplog.records) == 3


# The whole stack: Varnish, two gunicorn app servers, nginx, on a private
# PostgreSQL database and a private Redis.

PASSWORD = "a long passphrase for the stack"
CONTENT = f"""
from django.contrib.auth.models import Group, User
from renaulution.roles import EDITORS
from tests.factories import CompanyFactory, PressReleaseFactory
editor = User.objects.create_user("editor", password={PASSWORD!r}, is_staff=True)
editor.groups.add(Group.objects.get(name=EDITORS))
company = CompanyFactory(name="Ampere", slug_en="ampere")
for slug, title in [("edited", "Before the edit"), ("untouched", "Untouched release"),
                    ("seen-by-staff", "Seen by staff first")]:
    PressReleaseFactory(company=company, slug_en=slug, title_en=title, issued_on="2024-01-02")
PressReleaseFactory(company=CompanyFactory(name="Dacia", slug_en="dacia"), slug_en="elsewhere",
                    title_en="Another company's release", issued_on="2024-01-02")
PressReleaseFactory(draft=True, company=company, slug_en="embargoed",
                    title_en="Embargoed draft", issued_on="2024-01-03")
PressReleaseFactory(draft=True, company=company, slug_en="preview-only",
                    title_en="Preview only draft", issued_on="2024-01-01")
from companies.models import PressRelease
import json
print(json.dumps(dict(PressRelease.objects.values_list("slug_en", "pk"))))
"""


def private_ports(count):
    ports = []
    for _ in range(count):
        ports.append(free_port_after(ports[-1]) if ports else free_port())
    return ports


@pytest.fixture(scope="module")
def database_url():
    """
    A database of the stack's own: on the PostgreSQL server DATABASE_URL
    names (the CI's, on its PostgreSQL run), else on a private cluster.
    """
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urllib.parse.urlsplit(url)
        # One per pytest-xdist worker: both may run this module's tests.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
        name = f"{parts.path.lstrip('/') or 'renaulution'}_stack_{worker}"
        server = {
            "host": parts.hostname, "port": parts.port or 5432,
            "user": parts.username or "postgres", "password": parts.password,
            "dbname": "postgres", "autocommit": True,
        }  # fmt: skip
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        cluster = PostgresCluster(free_port()).create()
        try:
            cluster.create_database("renaulution")
            yield cluster.url("renaulution")
        finally:
            cluster.destroy()


def collected_static(directory):
    """
    The site's collected static files, shared by test runs while the files
    collected are the same: collectstatic (Brotli and gzip of every file)
    takes most of a minute, and its result depends on nothing else.
    """
    # What collectstatic writes also depends on the packages (Brotli or not).
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda found: found[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    shared = Path(tempfile.gettempdir()) / f"renaulution-static-{digest.hexdigest()[:16]}"
    if not (shared / "staticfiles.json").exists():
        work = Path(tempfile.mkdtemp(prefix="collecting-", dir=directory))
        environment = {
            "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "only-for-collectstatic-" * 3,
            "DJANGO_STATIC_ROOT": str(work),
        }  # fmt: skip
        completed = manage(environment, "collectstatic", "--no-input", "--verbosity", "0")
        assert completed.returncode == 0, completed.stderr
        with contextlib.suppress(OSError):  # another run got there first: same files
            work.rename(shared)
    return shared


@pytest.fixture(scope="module")
def stack(database_url, tmp_path_factory):
    _needed("varnishd", ".ci/run installs varnish and varnish-modules")
    _needed("nginx", ".ci/run installs nginx")
    directory = tmp_path_factory.mktemp("stack")
    redis = RedisServer(directory).start()
    varnish_port, media_port, *app_ports = private_ports(4)
    running = None
    try:
        running = start_stack(
            database_url, redis.url, app_ports, varnish_port, media_port=media_port,
            media_root=directory / "media", directory=directory, workers=1, load_content=False,
            collect_static=False, static_root=collected_static(directory),
            # One purge per change, so that what a test finds cached does not
            # depend on when the second one lands (tested above on its own).
            environment={"VARNISH_PURGE_AGAIN_AFTER": "0"},
        )  # fmt: skip
        running.release_ids = json.loads(running.manage("shell", "--no-imports", "-c", CONTENT))
        yield running
    finally:
        if running is not None:
            running.stop()
        redis.stop()


class Forms(HTMLParser):
    """The fields of the forms of a page, as a browser would send them."""

    def __init__(self, text):
        super().__init__()
        self.fields, self._in_form, self._select, self._textarea = [], False, None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = True
        elif not self._in_form or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("file", "submit", "button", "image", "reset"):
                self.fields.append(
                    (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
                )
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]
        elif tag == "select" and attrs.get("name"):
            self._select = [attrs["name"], None, []]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in attrs:
                self._select[2].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, first, chosen = self._select
            # A single select without a selected option sends its first one.
            self.fields += [(name, value) for value in chosen] or (
                [] if first is None else [(name, first)]
            )
            self._select = None


class Editor:
    """A staff member's browser: cookies kept by hand (they are Secure, the stack is plain HTTP)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, method, path, data=None):
        host, port = self.base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, text

    def form(self, path):
        status, _headers, text = self.request("GET", path)
        assert status == 200, (path, status)
        return Forms(text).fields

    def submit(self, path, **changes):
        fields = [(name, value) for name, value in self.form(path) if name not in changes]
        return self.request("POST", path, fields + list(changes.items()))

    def log_in(self):
        login = "/admin/login/?next=/admin/"
        status, headers, _text = self.submit(
            login, username="editor", password=PASSWORD, next="/admin/"
        )
        assert (status, headers.get("Location")) == (302, "/admin/"), _text[-2000:]
        assert "sessionid" in self.cookies


def until(condition, within=1.0):
    """Whether `condition()` holds within `within` seconds (asked again and again)."""
    deadline = time.monotonic() + within
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)


def cached(base, path):
    """Fetch `path` until it is a Varnish hit (two requests when it is cacheable)."""
    get(base, path)
    return get(base, path)


@pytest.fixture(scope="module")
def editor(stack):
    browser = Editor(stack.url)
    browser.log_in()
    return browser


def test_public_pages_are_cached_by_varnish(stack):
    for path in ("/en/press/", "/en/press/untouched/", "/fr/press/untouched/"):
        status, headers, _body = cached(stack.url, path)
        assert (status, headers["X-Cache"]) == (200, "HIT"), (path, headers)
        assert "xkey" not in headers
        assert "Set-Cookie" not in headers


def test_an_edit_through_the_admin_is_seen_through_varnish_within_a_second(stack, editor):
    path = "/en/press/edited/"
    assert cached(stack.url, "/en/press/elsewhere/")[1]["X-Cache"] == "HIT"
    status, headers, body = cached(stack.url, path)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert "Before the edit" in body

    change = f"/admin/companies/pressrelease/{stack.release_ids['edited']}/change/"
    status, _headers, text = editor.submit(change, title_en="After the edit", _save="Save")
    assert status == 302, text[-3000:]

    saved = time.monotonic()
    assert until(lambda: "After the edit" in get(stack.url, path)[2])
    assert until(lambda: "After the edit" in get(stack.url, "/en/press/")[2])
    print(
        f"\nedit visible through Varnish {1000 * (time.monotonic() - saved):.0f} ms after the save"
    )
    # And it is cached again, in its new version.
    status, headers, body = cached(stack.url, path)
    assert (headers["X-Cache"], "After the edit" in body) == ("HIT", True)
    # Both app servers' own page caches (one Redis) dropped the old page too.
    for app in stack.app_urls:
        assert "After the edit" in get(app, path)[2], app
    # A page that shows nothing the edit touched stayed in the cache. (The
    # same company's other releases do not: they show the company, whose key
    # a change of one of its releases announces, since its page lists them.)
    assert get(stack.url, "/en/press/elsewhere/")[1]["X-Cache"] == "HIT"


def test_a_draft_is_never_cached_and_publishing_it_shows_it_at_once(stack, editor):
    path = "/en/press/embargoed/"
    for _ in range(3):
        status, headers, _body = get(stack.url, path)
        assert (status, headers["X-Cache"]) == (404, "PASS") or (
            status == 404 and headers["X-Cache"] != "HIT"
        )
    status, headers, body = cached(stack.url, "/en/press/")
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert "Embargoed draft" not in body

    changelist = "/admin/companies/pressrelease/"
    csrf = dict(editor.form(changelist))["csrfmiddlewaretoken"]
    status, _headers, _text = editor.request(
        "POST", changelist,
        {"csrfmiddlewaretoken": csrf, "action": "publish",
         "_selected_action": stack.release_ids["embargoed"]},
    )  # fmt: skip
    assert status == 302

    status, _headers, body = get(stack.url, path)
    assert status == 200 and "Embargoed draft" in body
    assert until(lambda: "Embargoed draft" in get(stack.url, "/en/press/")[2])


def test_staff_previews_never_reach_readers_nor_the_cache(stack, editor):
    status, headers, body = editor.request("GET", "/en/press/preview-only/")
    assert status == 200 and "Preview only draft" in body
    assert headers["X-Cache"] != "HIT"
    for _ in range(2):
        status, _headers, body = get(stack.url, "/en/press/preview-only/")
        assert status == 404 and "Preview only draft" not in body

    # Staff reading pages purge nothing: only changes do.
    assert cached(stack.url, "/en/press/untouched/")[1]["X-Cache"] == "HIT"
    assert editor.request("GET", "/en/press/untouched/")[0] == 200
    assert get(stack.url, "/en/press/untouched/")[1]["X-Cache"] == "HIT"

    # A published page a staff member saw first is not cached with their view.
    status, headers, staff_view = editor.request("GET", "/en/press/seen-by-staff/")
    assert status == 200 and headers["X-Cache"] != "HIT"
    status, headers, reader_view = get(stack.url, "/en/press/seen-by-staff/")
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert "Not published" not in staff_view  # published: no draft banner either way
    for personal in ("csrfmiddlewaretoken", "Log out", "sessionid"):
        assert personal not in reader_view, reader_view[reader_view.find(personal) - 300 :][:600]


def test_uploads_are_served_by_nginx_with_a_year_long_lifetime(stack):
    upload = Path(stack.environment["DJANGO_MEDIA_ROOT"]) / "press" / "r4nd0m" / "photo.jpg"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    status, headers, _body = get(stack.url, "/media/press/r4nd0m/photo.jpg")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Type"] == "image/jpeg"
    status, headers, _body = get(stack.url, "/media/press/r4nd0m/missing.jpg")
    assert status == 404 and "immutable" not in headers.get("Cache-Control", "")
    assert get(stack.url, "/media/press/r4nd0m/")[0] in (403, 404)  # no listing
    # The app servers do not serve uploads themselves.
    assert get(stack.app_urls[0], "/media/press/r4nd0m/photo.jpg")[0] == 404


@pytest.mark.parametrize(
    ("database", "redis", "message"),
    [
        ("sqlite:///db.sqlite3", "redis://127.0.0.1:6379/0", "must name a PostgreSQL database"),
        ("postgres://postgres@127.0.0.1/x", "", "REDIS_URL must name the Redis"),
    ],
)
def test_the_stack_refuses_what_it_cannot_share_with_a_clear_message(database, redis, message):
    with pytest.raises(StackError, match=message):
        start_stack(database, redis, [18001, 18002], 18000)


def test_the_stack_refuses_a_port_already_taken(backend, tmp_path):
    taken = backend.server_address[1]
    varnish_port = free_port_after(taken)
    media_port = free_port_after(varnish_port)
    with pytest.raises(StackError, match=f"ports already in use on 127.0.0.1: \\[{taken}\\]"):
        start_stack(
            "postgres://postgres@127.0.0.1/x",
            "redis://x",
            [taken],
            varnish_port,
            media_port=media_port,
        )
