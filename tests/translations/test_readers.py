"""Readers are told when the text in their language is outdated or missing."""

import pytest

from tests.factories import PressReleaseFactory
from tests.html import read_page

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


def test_missing_text_is_announced(client):
    release(body_fr="")
    assert "pas encore traduite et s&#x27;affiche en anglais" in notice(
        client, "/fr/press/release/"
    )
    assert notice(client, "/it/press/release/") is None


def test_a_mostly_missing_language_is_left_out_of_the_alternates_not_the_switcher(client):
    release(summary_it="", body_it="")  # 2 of 3 fields missing in Italian
    page = read_page(client.get("/en/press/release/"))
    assert set(page.alternates) == {"en", "fr", "x-default"}
    assert set(page.switcher) == {"fr", "it"}
    page = read_page(client.get("/it/press/release/"))
    assert "it" not in page.alternates
    assert page.lang == "it"


def test_half_missing_is_still_indexable(client):
    release(summary_it="", image_alt_en="Logo", image_alt_fr="Logo", image_alt_it="Logo")
    page = read_page(client.get("/en/press/release/"))
    assert "it" in page.alternates
