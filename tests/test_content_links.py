"""
The shipped texts link the people and companies they name to their pages
(`renaulution/content/links.py`): the loader turns each marker into a link
in the text's language, refuses a slug the content does not define, and
never links an object readers may not see.
"""

import copy
import re

import lxml.html
import pytest
from django.conf import settings
from django.utils import translation

from companies.models import Company, Person
from episodes.models import Episode
from renaulution.content import data, links
from renaulution.content.loader import load_content
from renaulution.publishing import Status
from renaulution.richtext import sanitize_html
from tests.content_snapshot import restore_snapshot
from tests.factories import PersonFactory
from translations.registry import translatable_fields, translatable_models

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MODELS = {"person": Person, "company": Company}
pytestmark = pytest.mark.django_db

SHIPPED_SLUGS = {
    "person": {spec["slug"]["en"] for spec in data.PEOPLE},
    "company": {spec["slug"]["en"] for spec in data.COMPANIES},
}


@pytest.fixture
def restored(content_snapshot):
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)


def page_of(kind, slug, language):
    with translation.override(language):
        return MODELS[kind].objects.get(slug_en=slug).get_absolute_url()


# The markers in data.py ---------------------------------------------------------------


def test_resolve_makes_links_and_leaves_the_words_of_a_refused_one():
    text = "<p>[[person:a|Ann]] met [[company:b|B & Co]].</p>"
    urls = {("person", "a"): '/en/people/a/?x="1"', ("company", "b"): None}

    resolved = links.resolve(text, lambda kind, slug: urls[kind, slug])

    assert resolved == '<p><a href="/en/people/a/?x=&quot;1&quot;">Ann</a> met B & Co.</p>'
    assert links.labels(text) == "<p>Ann met B & Co.</p>"
    assert links.targets(text) == {("person", "a"), ("company", "b")}


@pytest.mark.parametrize(
    "text", ["[[persons:a|Ann]]", "[[person:a]]", "[[person:A|Ann]]", "[[person:a|Ann]"]
)
def test_a_marker_that_is_not_well_formed_is_refused(text):
    with pytest.raises(ValueError, match="not well formed"):
        links.resolve(text, lambda kind, slug: "/somewhere/")


def test_every_marker_of_the_shipped_content_names_a_shipped_person_or_company():
    found = set()
    for spec in [*data.COMPANIES, *data.PEOPLE, data.SERIES, *data.EPISODES]:
        for value in spec.values():
            if isinstance(value, dict) and set(value) == set(LANGUAGES):
                for text in value.values():
                    found |= links.targets(text)
    assert len(found) >= 10
    assert {(kind, slug) for kind, slug in found if slug not in SHIPPED_SLUGS[kind]} == set()


@pytest.mark.parametrize("spec", data.EPISODES, ids=lambda spec: f"episode-{spec['number']}")
def test_an_episode_features_everyone_its_synopsis_links_to(spec):
    featured = {("person", slug) for slug in spec["people"]} | {
        ("company", slug) for slug in spec["companies"]
    }
    linked = {language: links.targets(spec["synopsis"][language]) for language in LANGUAGES}

    assert linked["en"], "the synopsis links the people and companies it names"
    # The same people and companies in every language, all of them featured.
    assert linked["en"] == linked["fr"] == linked["it"]
    assert linked["en"] <= featured


@pytest.mark.parametrize("spec", data.EPISODES, ids=lambda spec: f"episode-{spec['number']}")
def test_an_episode_synopsis_tells_the_episode_at_length(spec):
    for language in LANGUAGES:
        words = re.findall(
            r"\w+", re.sub(r"<[^>]+>", " ", links.labels(spec["synopsis"][language]))
        )
        assert 150 <= len(words) <= 260, (language, len(words))


# What the loader stores -----------------------------------------------------------------


def test_each_synopsis_links_to_the_pages_in_its_own_language(restored):
    for spec in data.EPISODES:
        episode = Episode.objects.get(slug_en=spec["slug"]["en"])
        for language in LANGUAGES:
            stored = getattr(episode, f"synopsis_{language}")
            expected = links.resolve(
                spec["synopsis"][language],
                lambda kind, slug, language=language: page_of(kind, slug, language),
            )
            # Exactly what the loader resolved: the sanitizer kept every link.
            assert stored == expected
            assert sanitize_html(stored) == stored
            hrefs = re.findall(r'<a href="([^"]+)"', stored)
            assert len(hrefs) == len(re.findall(r"\[\[", spec["synopsis"][language]))
            assert all(href.startswith(f"/{language}/") for href in hrefs)


def test_a_company_description_links_a_person_loaded_after_it(restored):
    ampere = Company.objects.get(slug_en="ampere")
    for language in LANGUAGES:
        text = getattr(ampere, f"description_{language}")
        assert f'<a href="{page_of("person", "luca-de-meo", language)}">Luca de Meo</a>' in text
        assert f'<a href="{page_of("company", "nissan", language)}">Nissan</a>' in text


def test_no_marker_is_left_in_any_stored_text(restored):
    left = [
        (model._meta.label, obj.pk, f"{field}_{language}")
        for model in translatable_models()
        for obj in model.objects.all()
        for field in translatable_fields(model)
        for language in LANGUAGES
        if "[[" in (getattr(obj, f"{field}_{language}") or "")
    ]
    assert left == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_follows_a_synopsis_link_to_the_persons_page(client, restored, language):
    with translation.override(language):
        episode_url = Episode.objects.get(number=3).get_absolute_url()
    person_url = page_of("person", "luca-de-meo", language)

    response = client.get(episode_url)

    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    hrefs = page.xpath('//div[contains(@class, "prose")]//a/@href')
    assert person_url in hrefs
    assert client.get(person_url).status_code == 200


def test_an_unknown_slug_stops_the_load_and_names_it(monkeypatch):
    episodes = copy.deepcopy(data.EPISODES)
    episodes[1]["synopsis"]["fr"] += "<p>[[company:tesla|Tesla]]</p>"
    monkeypatch.setattr(data, "EPISODES", episodes)

    with pytest.raises(ValueError, match="'tesla'"):
        load_content()

    assert not Episode.objects.exists()
    assert not Company.objects.exists()


def test_a_draft_is_named_but_not_linked():
    draft = PersonFactory(name="Luca de Meo", slug_en="luca-de-meo", status=Status.DRAFT)
    with translation.override("fr"):
        draft_url = draft.get_absolute_url()

    load_content()

    episode = Episode.objects.get(number=4)
    assert "Luca de Meo" in episode.synopsis_fr
    assert draft_url not in episode.synopsis_fr
    assert "luca-de-meo" not in episode.synopsis_en + episode.synopsis_it
    # The published ones are still linked.
    senard = page_of("person", "jean-dominique-senard", "fr")
    assert f'<a href="{senard}">Jean-Dominique Senard</a>' in episode.synopsis_fr
    assert "luca-de-meo" not in Company.objects.get(slug_en="ampere").description_fr
