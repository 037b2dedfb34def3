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

import http.client
import http.server
import logging
import os
import subprocess
import threading
import time

import pytest

from deploy.stack import VCL, Stack, render_vcl
from renaulution import surrogate_keys, varnish
from tests.servers import PORT_BASE, _needed, free_port

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
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def start_varnish(directory, backend_port, purgers=("127.0.0.1", "::1")):
    port = free_port()
    # nginx is not started: /media/ is not what these tests are about.
    stack = Stack(
        directory, dict(os.environ), [backend_port], port, free_port(offset=port + 1 - PORT_BASE)
    )
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
    assert connection.getresponse().status == 400
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


def test_the_signal_purges_the_configured_caches(front, backend, settings):
    settings.VARNISH_PURGE_URLS = [front.url + "/"]
    get(front.url, "/b")
    assert get(front.url, "/b")[1]["X-Cache"] == "HIT"
    surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-b"}))
    assert get(front.url, "/b")[1]["X-Cache"] == "MISS"


def test_without_purge_urls_the_signal_purges_nothing(front, backend, settings):
    settings.VARNISH_PURGE_URLS = []
    get(front.url, "/b")
    surrogate_keys.pages_invalidated.send(sender=None, keys=frozenset({"key-b"}))
    assert get(front.url, "/b")[1]["X-Cache"] == "HIT"


def test_a_varnish_that_is_down_is_logged_and_never_raises(settings, caplog):
    down = f"http://127.0.0.1:{free_port()}/"
    settings.VARNISH_PURGE_URLS = [down, "not an address"]
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
