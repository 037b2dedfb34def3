"""
Two app servers sharing one PostgreSQL and one Redis, as in production: an
editor publishes through the admin of one, and a reader of the other sees
it on the next request, although that server had the page in the cache.
"""

import re
import urllib.parse
import urllib.request

import pytest

from tests.servers import AppServer, PostgresCluster, RedisServer, fetch, free_port

pytestmark = pytest.mark.slow

CONTENT = (
    "from tests.factories import CompanyFactory, PressReleaseFactory, StaffUserFactory\n"
    "from django.contrib.sessions.backends.db import SessionStore\n"
    "from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
    "company = CompanyFactory(name='Ampere')\n"
    "PressReleaseFactory(company=company, title_en='Already out')\n"
    "draft = PressReleaseFactory(company=company, title_en='Fresh news', status='draft')\n"
    "user = StaffUserFactory(is_superuser=True)\n"
    "session = SessionStore()\n"
    "session[SESSION_KEY] = str(user.pk)\n"
    "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
    "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
    "session.create()\n"
    "print(session.session_key, draft.pk)\n"
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    directory = tmp_path_factory.mktemp("two-servers")
    cluster = PostgresCluster(free_port()).create()
    redis = RedisServer(directory).start()
    apps = []
    try:
        cluster.create_database("renaulution")
        environment = {
            "DATABASE_URL": cluster.url("renaulution"),
            "REDIS_URL": redis.url,
            "DJANGO_STATIC_ROOT": str(directory / "static"),
            "PAGE_CACHE": "1",
        }
        for offset in (1, 2):
            folder = directory / f"app{offset}"
            folder.mkdir()
            apps.append(AppServer(folder, free_port(offset=offset), environment))
        editor_side, reader_side = apps
        editor_side.manage("migrate", "--no-input")
        editor_side.manage("collectstatic", "--no-input", "--verbosity", "0")
        from tests.servers import manage

        made = manage(editor_side.environment, "shell", "--no-imports", "-c", CONTENT)
        assert made.returncode == 0, made.stderr
        session_key, draft_pk = made.stdout.split()[-2:]
        for app in apps:
            app.start()
        yield editor_side, reader_side, session_key, int(draft_pk), directory / "static"
    finally:
        for app in apps:
            app.stop()
        redis.stop()
        cluster.destroy()


def _admin_post(app, session_key, path, fields):
    """POST to the admin as the editor, with the CSRF token its form carries."""
    cookie = f"sessionid={session_key}"
    page = urllib.request.Request(app.base + path, headers={"Cookie": cookie})  # noqa: S310
    with urllib.request.urlopen(page, timeout=10) as response:  # noqa: S310
        html = response.read().decode()
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", ""))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie += f"; csrftoken={csrf_cookie.group(1)}" if csrf_cookie else ""
    data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}, doseq=True).encode()
    post = urllib.request.Request(  # noqa: S310
        app.base + path, data=data, headers={"Cookie": cookie, "Referer": app.base + path}
    )
    with urllib.request.urlopen(post, timeout=10) as response:  # noqa: S310
        return response.status


def test_a_publication_on_one_server_shows_on_the_other_at_once(servers):
    editor_side, reader_side, session_key, draft_pk, _static = servers
    status, headers, body = reader_side.get("/en/press/")
    assert status == 200 and "Fresh news" not in body
    # The reader's server now answers from its cache (the same page, twice).
    _status, again, _body = reader_side.get("/en/press/")
    assert again["ETag"] == headers["ETag"]
    assert "companies.pressrelease:list" in again["xkey"].split()

    status = _admin_post(
        editor_side,
        session_key,
        "/admin/companies/pressrelease/",
        {"action": "publish", "_selected_action": [draft_pk], "index": "0"},
    )
    assert status == 200

    status, after, body = reader_side.get("/en/press/")
    assert status == 200
    assert "Fresh news" in body
    assert after["ETag"] != headers["ETag"]
    # The editor's own requests never went into the cache.
    status, staff_headers, _body = fetch(editor_side.base + "/en/press/")
    assert status == 200 and "Fresh news" in _body


def test_collectstatic_writes_brotli_and_gzip_beside_each_file(servers):
    """WhiteNoise compresses with Brotli when the package is installed (pinned)."""
    static = servers[-1]
    stylesheets = [p for p in static.glob("css/site.*.css") if p.suffix == ".css"]
    assert stylesheets
    for stylesheet in stylesheets:
        assert stylesheet.with_name(stylesheet.name + ".br").stat().st_size > 0
        assert stylesheet.with_name(stylesheet.name + ".gz").stat().st_size > 0
    app = servers[1]
    request = urllib.request.Request(  # noqa: S310
        f"{app.base}/static/{stylesheets[0].relative_to(static)}",
        headers={"Accept-Encoding": "br"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.headers["Content-Encoding"] == "br"
