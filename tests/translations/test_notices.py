"""Readers are told when the text in their language is outdated or missing."""

import pytest
from django.utils import translation

from renaulution.languages import codes
from tests.factories import EpisodeFactory, PersonFactory, PressReleaseFactory
from tests.html import read_page
from translations import notices

pytestmark = pytest.mark.django_db


def release(**fields):
    values = {
        "slug_en": "release",
        "title_en": "Ampere starts",
        "title_fr": "Ampere démarre",
        "title_it": "Ampere parte",
        "summary_en": "Eleven sites in France.",
        "summary_fr": "Onze sites en France.",
        "summary_it": "Undici siti in Francia.",
        "body_en": "<p>Body.</p>",
        "body_fr": "<p>Corps.</p>",
        "body_it": "<p>Corpo.</p>",
        "image_alt_en": "",
    }
    return PressReleaseFactory(**(values | fields))


def notice(client, path):
    content = client.get(path).content.decode()
    start = content.find('class="translation-notice"')
    return None if start < 0 else content[start : content.index("</p>", start)]


def test_no_notice_when_everything_is_current(client):
    release()
    assert notice(client, "/fr/press/release/") is None
    assert notice(client, "/en/press/release/") is None


def test_an_outdated_translation_is_announced_naming_the_source_language(client):
    obj = release()
    obj.summary_en = "Eleven sites in northern France."
    obj.save()
    # In the reader's language, naming the source's.
    assert "antérieure à une mise à jour du texte anglais" in notice(client, "/fr/press/release/")
    assert notice(client, "/en/press/release/") is None


def test_the_source_is_the_original_language(client):
    obj = release(original_language="it")
    obj.title_it = "Ampere parte oggi"
    obj.save()
    assert "antérieure à une mise à jour du texte italien" in notice(client, "/fr/press/release/")
    assert "predates an update of the Italian text" in notice(client, "/en/press/release/")
    assert notice(client, "/it/press/release/") is None  # the source itself


@pytest.mark.fourth_language
def test_missing_text_is_announced(client):
    release(body_fr="")
    assert "pas encore traduite et s&#x27;affiche en anglais" in notice(
        client, "/fr/press/release/"
    )
    assert notice(client, "/it/press/release/") is None


@pytest.mark.fourth_language
def test_the_notice_links_to_the_source_language_version(client):
    obj = release(original_language="it", slug_fr="communique", slug_it="comunicato")
    obj.title_it = "Ampere parte oggi"
    obj.save()
    text = notice(client, "/fr/press/communique/")
    assert (
        '<a href="/it/press/comunicato/" lang="it" hreflang="it">Leggi la versione italiana</a>'
        in text
    )
    assert client.get("/it/press/comunicato/").status_code == 200
    english = notice(client, "/en/press/release/")
    assert 'href="/it/press/comunicato/"' in english


@pytest.mark.fourth_language
def test_a_mostly_missing_language_is_left_out_of_the_alternates_not_the_switcher(client):
    release(summary_it="", body_it="")  # 2 of 3 fields missing in Italian
    page = read_page(client.get("/en/press/release/"))
    assert set(page.alternates) == {"en", "fr", "x-default"}
    assert set(page.switcher) == set(codes()) - {"en"}
    page = read_page(client.get("/it/press/release/"))
    assert "it" not in page.alternates
    assert page.lang == "it"


def test_half_missing_is_still_indexable(client):
    release(summary_it="", image_alt_en="Logo", image_alt_fr="Logo", image_alt_it="Logo")
    page = read_page(client.get("/en/press/release/"))
    assert "it" in page.alternates


def episode(**fields):
    values = {
        "slug_en": "the-episode",
        "synopsis_en": "Renault lost 8 billion euros in 2020.",
        "synopsis_fr": "Renault a perdu 8 milliards d'euros en 2020.",
        "synopsis_it": "Renault ha perso 8 miliardi di euro nel 2020.",
        "still_alt_en": "",
    }
    return EpisodeFactory(**(values | fields))


def test_an_outdated_episode_is_announced_in_french(client):
    obj = episode()
    obj.synopsis_en = "Renault lost 8 billion euros in 2020, a record."
    obj.save()
    with translation.override("fr"):
        path = obj.get_absolute_url()
    text = notice(client, path)
    assert 'role="note"' in text
    assert "antérieure à une mise à jour du texte anglais" in text
    assert "pas encore traduite" not in text  # nothing is missing


def test_notice_says_what_it_is_about():
    obj = release(original_language="it", body_fr="")
    obj.title_it = "Ampere parte oggi"
    obj.save()
    found = notices.notice(obj, "fr")
    assert (found["source_language"], found["outdated"], found["missing"]) == ("it", 1, 1)
    assert len(found["sentences"]) == 2
    assert notices.notice(obj, "it") is None  # the source itself
    assert notices.notice(release(slug_en="other"), "fr") is None  # all current


@pytest.mark.fourth_language
def test_a_source_language_added_later_is_named_by_its_entry():
    # German's sentences are declared in renaulution/languages.py, and
    # translated into the site's languages, before German is a site language.
    coverage = notices.Coverage("de", {"fr": {"outdated": 1, "missing": 1}})
    with translation.override("en"):
        assert coverage.notice("fr")["sentences"] == [
            "This translation predates an update of the German text.",
            "Part of this page is not translated yet and is shown in German.",
        ]
    with translation.override("fr"):
        assert "texte allemand" in coverage.notice("fr")["sentences"][0]


def test_a_mostly_missing_episode_keeps_the_switcher_link(client):
    episode(synopsis_it="")  # title and synopsis to translate: 1 of 2 missing, indexable
    page = read_page(client.get("/en/episodes/the-episode/"))
    assert "it" in page.alternates
    EpisodeFactory(
        slug_en="bare",
        synopsis_en="Text.",
        synopsis_fr="Texte.",
        still_alt_en="Still.",
        still_alt_fr="Image.",
        title_it="",
    )
    page = read_page(client.get("/en/episodes/bare/"))  # 3 of 3 missing in Italian
    assert set(page.alternates) == {"en", "fr", "x-default"}
    assert "it" in page.switcher


@pytest.mark.parametrize("rows", [3, 300])
def test_detail_query_count_does_not_grow_with_the_notice(client, django_assert_num_queries, rows):
    obj = episode(synopsis_it="")
    obj.people.add(*PersonFactory.create_batch(rows))
    PressReleaseFactory.create_batch(rows // 3)  # other objects' states are not read
    obj.synopsis_en = "Updated."
    obj.save()
    # episode with series, people, companies, previous and next episode, its
    # milestones (one query: they link to the timeline only), the episode's
    # translation states: as without the notice.
    with django_assert_num_queries(7):
        response = client.get("/it/episodes/the-episode/")
    assert 'class="translation-notice"' in response.content.decode()
