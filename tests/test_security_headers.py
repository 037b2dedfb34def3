"""
The response headers MDN HTTP Observatory grades, on every kind of response:
a public page, an admin page, a 404 and a static file, with the production
settings (DJANGO_DEBUG=0) that decide HSTS, HTTPS redirects and cookies.
"""

import os
import runpy
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import PressReleaseFactory

BASE_DIR = Path(__file__).resolve().parent.parent
# What production decides differently from development.
PRODUCTION_KEYS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)
SIX_MONTHS = 15768000  # the Observatory's minimum HSTS max-age


def production_values(monkeypatch):
    """Those settings as settings.py computes them with DJANGO_DEBUG=0."""
    monkeypatch.setenv("DJANGO_DEBUG", "0")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-production-secret-" + "x" * 40)
    for name in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_HSTS_SECONDS", "DJANGO_HSTS_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    values = runpy.run_path(str(BASE_DIR / "renaulution" / "settings.py"))
    assert values["DEBUG"] is False
    return {key: values[key] for key in PRODUCTION_KEYS}


@pytest.fixture
def production(settings, monkeypatch):
    for key, value in production_values(monkeypatch).items():
        setattr(settings, key, value)
    # Static files straight from the source folders (no collectstatic in tests).
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    return settings


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assert_observatory_headers(response):
    """Every header check of MDN HTTP Observatory, as it grades them."""
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    for name in ("script-src", "style-src"):
        sources = policy[name]
        assert "'self'" in sources
        for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"):
            assert unsafe not in sources, f"{name} allows {unsafe}"
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    hsts = dict(
        item.strip().partition("=")[::2]
        for item in response["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= SIX_MONTHS
    assert "includeSubDomains" in hsts and "preload" in hsts
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = dict(
        item.strip().split("=") for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()"
    # No cross-origin access granted to anyone.
    assert "Access-Control-Allow-Origin" not in response


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "admin", password="a long passphrase here", is_staff=True, is_superuser=True
    )


@pytest.mark.django_db
def test_a_public_page_sends_every_security_header(client, production):
    response = client.get(reverse("home"), secure=True)
    assert response.status_code == 200
    assert_observatory_headers(response)


@pytest.mark.django_db
def test_a_404_sends_every_security_header(client, production):
    response = client.get("/en/press/no-such-release/", secure=True)
    assert response.status_code == 404
    assert_observatory_headers(response)


@pytest.mark.django_db
def test_an_admin_page_sends_every_security_header(client, production, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:index"), secure=True)
    assert response.status_code == 200
    assert_observatory_headers(response)
    login = client.get(reverse("admin:login"), secure=True)
    assert_observatory_headers(login)


@pytest.mark.django_db
def test_a_static_file_sends_every_security_header(client, production):
    response = client.get("/static/css/site.css", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert_observatory_headers(response)


@pytest.mark.django_db
def test_plain_http_redirects_to_https_on_the_same_host_first(client, production):
    for path in ("/", "/en/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == f"https://testserver{path}"


@pytest.mark.django_db
def test_login_cookies_are_secure_httponly_and_samesite(client, production, staff):
    client.get(reverse("admin:login"), secure=True)
    response = client.post(
        reverse("admin:login"),
        {"username": "admin", "password": "a long passphrase here", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


class _Inline(HTMLParser):
    """Inline scripts (type, nonce) and inline styles of a page."""

    def __init__(self):
        super().__init__()
        self.scripts = []
        self.styles = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs:
            self.scripts.append((attrs.get("type", ""), attrs.get("nonce")))
        if tag == "style" or "style" in attrs:
            self.styles.append((tag, attrs.get("style")))


def inline(response):
    reader = _Inline()
    reader.feed(response.content.decode())
    return reader


def header_nonce(response):
    sources = directives(response["Content-Security-Policy"])["script-src"]
    nonces = [source[len("'nonce-") : -1] for source in sources if source.startswith("'nonce-")]
    return nonces[0] if nonces else None


# Not executed, so not subject to script-src: JSON-LD and JSON data blocks.
DATA_BLOCKS = {"application/ld+json", "application/json"}


@pytest.mark.django_db
def test_the_prose_editor_import_map_carries_the_request_nonce(client, staff):
    client.force_login(staff)
    release = PressReleaseFactory()
    responses = [
        client.get(reverse("admin:companies_pressrelease_change", args=[release.pk])),
        client.get(reverse("admin:companies_pressrelease_change", args=[release.pk])),
    ]
    nonces = []
    for response in responses:
        nonce = header_nonce(response)
        assert nonce, "the change form needs a nonce for its import map"
        scripts = inline(response).scripts
        assert ("importmap", nonce) in scripts
        assert all(kind in DATA_BLOCKS or given == nonce for kind, given in scripts), scripts
        nonces.append(nonce)
    assert nonces[0] != nonces[1], "a nonce is never reused"


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style_the_policy_would_block(client):
    release = PressReleaseFactory()
    for url in (
        reverse("home"),
        release.get_absolute_url(),
        reverse("companies:pressrelease_list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        page = inline(response)
        nonce = header_nonce(response)
        assert all(
            kind in DATA_BLOCKS or (nonce and given == nonce) for kind, given in page.scripts
        )
        assert page.styles == [], url


@pytest.mark.django_db
def test_admin_pages_have_no_inline_style(client, staff):
    client.force_login(staff)
    release = PressReleaseFactory()
    for url in (
        reverse("admin:index"),
        reverse("admin:companies_pressrelease_change", args=[release.pk]),
        reverse("admin:companies_pressrelease_changelist"),
        reverse("translations:dashboard"),
        reverse("translations:queue", args=["fr"]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert inline(response).styles == [], url


def test_the_development_defaults_need_asking_for(monkeypatch):
    """Without DJANGO_DEBUG, settings are production's: no debug page, no development key."""
    monkeypatch.delenv("DJANGO_DEBUG")
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-production-secret-" + "x" * 40)
    values = runpy.run_path(str(BASE_DIR / "renaulution" / "settings.py"))
    assert values["DEBUG"] is False
    assert values["SERVE_MEDIA"] is False
    assert "insecure" not in values["SECRET_KEY"]
    assert os.environ.get("DJANGO_DEBUG") is None
