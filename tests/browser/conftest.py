"""
Browser tests: Playwright driving Debian's Chromium against a live server.

Playwright cannot download its own browsers here, so it launches the system
Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium). Without it the tests
are skipped with a message saying how to enable them, except when
`REQUIRE_BROWSER_TESTS=1` (CI): then a missing browser is a failure, so a
broken CI image cannot turn the whole browser suite into silent skips.
"""

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes

from renaulution.roles import EDITORS, sync_role_groups
from tests.content_snapshot import restore_snapshot

# The live server runs in a thread while Playwright's sync API keeps an event
# loop running in the test's thread; Django would otherwise refuse ORM calls
# from the test ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"]
SCREENSHOTS_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EDITOR_PASSWORD = "correct horse battery staple"

# The two widths every reader page is checked at. Device scale 1 keeps the
# README screenshots small; a phone also reports touch and a mobile viewport.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PHONE_CONTEXT = {"viewport": PHONE, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
DESKTOP_CONTEXT = {"viewport": DESKTOP, "device_scale_factor": 1}
# How far the page is wider than the layout viewport. Not window.innerWidth:
# a mobile browser widens the viewport to fit what overflows, so that
# difference stays 0 on a phone however wide the page is.
HORIZONTAL_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM


def chromium_missing_reason():
    """Why the browser tests cannot run, or None when Chromium is there."""
    path = chromium_path()
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return None
    return (
        f"Chromium not found at {path}: install it with `apt-get install chromium` "
        "or set CHROMIUM_PATH to a Chromium executable"
    )


def browser_tests_required():
    return os.environ.get("REQUIRE_BROWSER_TESTS", "").strip().lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    # Skip marks are evaluated before fixtures are set up, so a missing
    # browser never gets as far as Playwright's own launch error.
    reason = chromium_missing_reason()
    if reason is None or browser_tests_required():
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Runs before fixture setup: the failure carries our message, not a
    # traceback from inside Playwright's session fixtures.
    if item.get_closest_marker("browser") and browser_tests_required():
        reason = chromium_missing_reason()
        if reason is not None:
            pytest.fail(f"REQUIRE_BROWSER_TESTS is set but {reason}", pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options (--headed, --slowmo…) on the system Chromium."""
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": CHROMIUM_ARGS,
    }


# Reports every Content-Security-Policy violation on the console, where the
# test collects it. Init scripts run through DevTools, outside the page's CSP.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`
        + (event.sample ? ` (${event.sample})` : "")
    );
});
"""


def is_csp_violation(text):
    return text.startswith("CSP violation:") or "Content Security Policy" in text


@pytest.fixture
def csp_violations(page):
    """
    Every CSP violation the page reports; any left at the end fails the test.

    The site runs with its real policy in these tests, so an admin widget or a
    template that needs an inline script or style, an eval or a foreign
    origin shows up here rather than as a silently broken page in production.
    A test that provokes a violation on purpose empties the list itself.
    """
    violations = []
    page.add_init_script(REPORT_CSP_VIOLATIONS)

    def record(message):
        if is_csp_violation(message.text):
            violations.append(f"{message.text} [{page.url}]")

    page.on("console", record)
    yield violations
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


@pytest.fixture(autouse=True)
def _requests_finish_before_the_flush(transactional_db, page, csp_violations):
    """
    Let the live server answer what the page asked before the database is flushed.

    On SQLite the live server's threads share the test's in-memory connection:
    a request still being served (a lazy image, a page the test did not wait
    for) while teardown flushes the tables deadlocks the whole run. Asking for
    the database and the page here orders the teardowns: this one first, then
    the CSP check (csp_violations), the page, then the flush.
    """
    pending = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    yield
    deadline = time.monotonic() + 10
    while pending and time.monotonic() < deadline:
        page.wait_for_timeout(50)


@pytest.fixture
def content(transactional_db, content_snapshot, settings):
    """
    The content shipped with the site, in English, French and Italian, images included:
    what `load_renaulution` writes, loaded once per session and restored here.
    """
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)


def staff_user(django_user_model, username, group):
    """A staff account in `group`, as the README tells admins to make one."""
    # Live-server tests are transactional: each one starts from a database
    # that the previous one flushed, which removes the groups the data
    # migration made (and, after a serialized-rollback test, permissions
    # too). Rebuild them the way `migrate` does.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    sync_role_groups(apps)
    user = django_user_model.objects.create_user(
        username=username, password=EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(apps.get_model("auth", "Group").objects.get(name=group))
    user.raw_password = EDITOR_PASSWORD  # what they type into the login form
    return user


@pytest.fixture
def editor(transactional_db, django_user_model):
    return staff_user(django_user_model, "editor", EDITORS)


@pytest.fixture
def translator_fr(transactional_db, django_user_model):
    return staff_user(django_user_model, "traductrice", "Translators (fr)")


@pytest.fixture
def external_requests(page, live_server):
    """
    Every request the page makes to a host other than the live server.

    The site must work offline and leak nothing about its readers: fonts,
    scripts (jQuery UI in the admin) and styles all come from our own
    static files.
    """
    outside = []
    origin = live_server.url.rstrip("/") + "/"

    def record(request):
        if urlsplit(request.url).scheme in {"data", "blob", "about"}:
            return
        if not request.url.startswith(origin):
            outside.append(request.url)

    page.on("request", record)
    return outside


@pytest.fixture
def broken_responses(page):
    """Responses with a 4xx or 5xx status, such as a missing static file."""
    broken = []
    page.on(
        "response",
        lambda response: (
            broken.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return broken


@pytest.fixture
def save_screenshot():
    """Save a README screenshot, only when SAVE_SCREENSHOTS=1 (CI leaves tracked files alone)."""

    def save(page, name, **kwargs):
        if os.environ.get("SAVE_SCREENSHOTS") != "1":
            return None
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS_DIR / name
        page.screenshot(path=path, animations="disabled", caret="hide", **kwargs)
        return path

    return save


@pytest.fixture
def broken_images():
    """A function returning the address of every <img> on a page that fails to load."""

    def broken(page):
        # Lazy images below the fold would never load in a headless check;
        # make them eager, then let the browser decode each one.
        return page.eval_on_selector_all(
            "img",
            """async (images) => {
                const broken = [];
                for (const image of images) {
                    image.loading = "eager";
                    try {
                        await image.decode();
                    } catch {
                        broken.push(image.currentSrc || image.src);
                    }
                }
                return broken;
            }""",
        )

    return broken
