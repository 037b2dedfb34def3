"""
The XSS payloads in a real browser: nothing may run.

tests/test_xss.py parses every channel; this loads a sample of pages in
Chromium with every payload group stored in every localized field (English,
French, Italian) and asserts that `__xss()`, which every payload calls and
which the page exposes, was never called, and that no dialog opened.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    image_file,
)
from tests.xss_payloads import VALUES
from translations.registry import translatable_fields

from .test_admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
# Each group of payloads gets one page of its own, turning through the models
# and languages; the lists and the admin see them all.
DETAIL_MODELS = (PressRelease, Company, Person, Episode)


def everywhere(model, value):
    return {
        f"{name}_{language}": value for name in translatable_fields(model) for language in LANGUAGES
    }


@pytest.fixture
def payload_content(transactional_db):
    """Object k of each model holds payload group k in every field and language, with images."""
    made = {model: [] for model in DETAIL_MODELS}
    for k, value in enumerate(VALUES):
        company = CompanyFactory(
            name=value,
            slug_en=f"payload-company-{k}",
            logo=image_file("logo.png", (48, 32), "PNG"),
            **everywhere(Company, value),
        )
        person = PersonFactory(
            name=value,
            slug_en=f"payload-person-{k}",
            portrait=image_file("portrait.png", (48, 32), "PNG"),
            **everywhere(Person, value),
        )
        PositionFactory(person=person, company=company, title_en=value, title_fr=value)
        release = PressReleaseFactory(
            company=company,
            slug_en=f"payload-release-{k}",
            press_contact=value,
            image=image_file("press.png", (48, 32), "PNG"),
            **everywhere(PressRelease, value),
        )
        release.people.add(person)
        episode = EpisodeFactory(
            slug_en=f"payload-episode-{k}",
            still=image_file("still.png", (48, 32), "PNG"),
            **everywhere(Episode, value),
        )
        MilestoneFactory(
            slug=f"payload-milestone-{k}",
            companies=[company],
            people=[person],
            press_releases=[release],
            **{f"{n}_{lang}": value for n in ("title", "summary") for lang in LANGUAGES},
        )
        for model, obj in zip(DETAIL_MODELS, (release, company, person, episode), strict=True):
            made[model].append(obj)
    return made


@pytest.fixture
def ran(page):
    """What the payloads managed to do: calls of __xss() and dialogs."""
    calls = []
    page.expose_function("__xss", lambda *args: calls.append(args))
    page.on("dialog", lambda dialog: (calls.append(("dialog", dialog.message)), dialog.dismiss()))
    return calls


def sample_urls(made):
    urls = []
    for k in range(len(VALUES)):
        model = DETAIL_MODELS[k % len(DETAIL_MODELS)]
        with translation.override(LANGUAGES[k % len(LANGUAGES)]):
            urls.append(made[model][k].get_absolute_url())
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("home"),
                reverse("companies:pressrelease_list"),
                reverse("timeline:index"),
                reverse("search") + "?q=xss",
            ]
    return urls


def visit(page, url):
    page.goto(url, wait_until="load")
    # Handlers that fire a moment after load: autofocus, ontoggle, SVG animations.
    page.wait_for_timeout(150)


def test_no_payload_runs_on_public_pages(page, live_server, payload_content, ran, capsys):
    urls = sample_urls(payload_content)
    for url in urls:
        visit(page, live_server.url + url)
    with capsys.disabled():
        print(f"\nXSS browser: {len(urls)} public pages loaded, {len(ran)} payloads ran")
    assert ran == []


def test_no_payload_runs_in_the_admin(
    page, live_server, payload_content, ran, editor, translator_fr, capsys
):
    """The editor's change forms and lists, and a translator's form with source and diff."""
    release = payload_content[PressRelease][0]
    company = payload_content[Company][1]
    # The English source changes: the French form shows the word diff.
    release.title_en = f"{release.title_en} v2"
    release.save()
    urls = [
        reverse("admin:companies_pressrelease_change", args=[release.pk]),
        reverse("admin:companies_company_change", args=[company.pk]),
        reverse("admin:companies_person_changelist"),
        reverse("admin:companies_pressrelease_changelist") + "?q=xss",
    ]
    log_in(page, live_server, editor)
    for url in urls:
        visit(page, live_server.url + url)
    page.context.clear_cookies()
    log_in(page, live_server, translator_fr)
    translator_urls = [
        reverse("admin:companies_pressrelease_change", args=[release.pk]),
        reverse("translations:queue", args=["fr"]),
        reverse("translations:dashboard"),
    ]
    for url in translator_urls:
        visit(page, live_server.url + url)
    assert page.url.endswith(translator_urls[-1])
    with capsys.disabled():
        print(
            f"\nXSS browser: {len(urls) + len(translator_urls)} admin pages loaded, "
            f"{len(ran)} payloads ran"
        )
    assert ran == []


def test_the_check_sees_a_payload_that_runs(page, ran):
    """The harness itself: a payload that does run is caught (else 0 would prove nothing)."""
    page.set_content("<img src=x onerror=__xss(1)><script>alert('xss')</script>")
    page.wait_for_timeout(150)
    assert sorted(ran, key=str) == sorted([(1,), ("dialog", "xss")], key=str)
