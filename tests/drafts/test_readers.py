"""
A draft of a live item is invisible to readers on every channel until it is
published: pages (found by following every link), lists, search, both
feeds, the sitemaps, JSON-LD and meta tags. Saving it announces nothing to
the page caches, so no cached page is dropped or rebuilt with it.

Each live item gets a draft, saved through the admin, with a canary word in
every text and slug of its form, in every language.
"""

import secrets
from urllib.parse import urlsplit

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from lxml import etree

from drafts.models import PendingChange
from renaulution import surrogate_keys
from tests.admin_clients import change_url
from tests.drafts.conftest import edited_form
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
)
from tests.test_drafts_never_leak import SITEMAP_NS, crawl, internal_path

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def live_items():
    company = CompanyFactory(name="Renault Group", kind="group")
    person = PersonFactory(name="Luca de Meo")
    PositionFactory(person=person, company=company)
    series = SeriesFactory(platform=company, subject=company)
    episode = EpisodeFactory(series=series, number=1)
    release = PressReleaseFactory(company=company, translated=True)
    release.people.add(person)
    milestone = MilestoneFactory(
        companies=[company], people=[person], episodes=[episode], press_releases=[release]
    )
    return [company, person, series, episode, release, milestone]


def with_canary(client, obj, canary):
    """The change form's data with the canary in every text and slug."""
    response = client.get(change_url(obj))
    data = edited_form(client, obj)
    for name, field in response.context["adminform"].form.fields.items():
        if isinstance(field, forms.SlugField):
            data[name] = f"{canary}-{name.replace('_', '-')}"
        elif (
            isinstance(field, forms.CharField)
            and not isinstance(field, forms.URLField)
            and not getattr(field, "choices", None)
        ):
            data[name] = f"{canary} {name}"
    for inline in response.context["inline_admin_formsets"]:
        for row in inline.formset.initial_forms:
            for name in row.fields:
                if name.startswith("title_"):
                    data[row.add_prefix(name)] = f"{canary} position"
    return data | {"_save_draft": "Save as draft"}


def reader_texts(client):
    """Every public channel in every language: {url: text}."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            start = [
                reverse("home"),
                reverse("episodes:episode_list"),
                reverse("companies:company_list"),
                reverse("companies:person_list"),
                reverse("companies:pressrelease_list"),
                reverse("timeline:index"),
                reverse("companies:pressrelease_feed"),
                reverse("companies:pressrelease_feed_atom"),
            ]
        responses, broken = crawl(client, start, f"/{language}/")
        assert broken == []
        texts |= {url: response.content.decode() for url, response in responses.items()}
    index = client.get(reverse("sitemap"))
    texts[reverse("sitemap")] = index.content.decode()
    for loc in etree.fromstring(index.content).iterfind("sm:sitemap/sm:loc", SITEMAP_NS):
        section = internal_path("/", loc.text)
        texts[section] = client.get(section).content.decode()
    return texts


def searched(client, word):
    found = 0
    for language in LANGUAGES:
        with translation.override(language):
            response = client.get(reverse("search"), {"q": word})
        found += response.context["page_obj"].paginator.count
    return found


def test_drafts_of_live_items_reach_no_reader_until_published(
    editor_client, client, django_capture_on_commit_callbacks, capsys
):
    items = live_items()
    before = reader_texts(client)
    canary = f"canary{secrets.token_hex(6)}"
    announced = []

    def listen(sender, keys, **kwargs):
        announced.append(keys)

    surrogate_keys.pages_invalidated.connect(listen, dispatch_uid="drafts-test")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for obj in items:
                response = editor_client.post(
                    change_url(obj), with_canary(editor_client, obj, canary)
                )
                assert response.status_code == 302, obj
    finally:
        surrogate_keys.pages_invalidated.disconnect(dispatch_uid="drafts-test")
    assert PendingChange.objects.count() == len(items)
    assert all(canary in str(change.data) for change in PendingChange.objects.all())
    # No page cache was told to drop anything: the live rows did not change.
    assert announced == []

    after = reader_texts(client)
    leaks = [url for url, text in after.items() if canary in text]
    kinds = {urlsplit(url).path.split("/")[2] or "home" for url in after if url.count("/") > 2}
    with capsys.disabled():
        print(
            f"\n[drafts] {len(items)} drafts of live items × {len(after)} pages, feeds and "
            f"sitemaps: {len(leaks)} leaks"
        )
    assert leaks == []
    assert set(after) == set(before)
    assert {"episodes", "companies", "people", "press", "timeline"} <= kinds
    assert searched(client, canary) == 0

    # Published, the release's draft is what readers see.
    release = items[4]
    data = edited_form(editor_client, release) | {"_publish_draft": "Publish draft"}
    editor_client.post(change_url(release), data)
    release.refresh_from_db()
    assert canary in release.title_en
    assert canary in client.get(release.get_absolute_url()).content.decode()
    assert searched(client, canary) > 0
