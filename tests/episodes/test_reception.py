"""
The series' reception: what the critics said, a localized rich text shown on
the series page under its own heading, edited by editors and translators.
"""

import lxml.html
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from episodes.models import Series
from renaulution.content import data, links
from tests.admin_clients import make_user
from tests.content_snapshot import restore_snapshot
from tests.factories import SeriesFactory
from tests.translations.test_rights import form_data
from translations.models import FieldTranslation
from translations.registry import translatable_fields

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
HEADINGS = {
    "en": "What the critics said",
    "fr": "Ce qu'en a dit la critique",
    "it": "Che cosa ha detto la critica",
}


def home(client, language):
    with translation.override(language):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def reception_section(page):
    sections = page.xpath('//section[@aria-labelledby="reception-title"]')
    return sections[0] if sections else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_series_page_shows_the_reception_under_its_heading(client, language):
    SeriesFactory(
        reception_en="<p>Critics liked the <strong>pace</strong>.</p>",
        reception_fr="<p>La critique a aimé le <strong>rythme</strong>.</p>",
        reception_it="<p>Alla critica è piaciuto il <strong>ritmo</strong>.</p>",
    )

    section = reception_section(home(client, language))

    assert section is not None
    assert section.xpath("string(h2)") == HEADINGS[language]
    prose = section.xpath('div[@class="prose"]')[0]
    expected = {"en": "pace", "fr": "rythme", "it": "ritmo"}[language]
    assert prose.xpath("string(.//strong)") == expected


def test_a_reception_in_english_only_is_marked_as_english(client):
    SeriesFactory(reception_en="<p>Critics liked it.</p>", reception_fr="", reception_it="")

    section = reception_section(home(client, "fr"))

    assert section.xpath("string(h2)") == HEADINGS["fr"]
    assert section.xpath('div[@class="prose"]/@lang') == ["en"]


def test_no_reception_no_heading(client):
    SeriesFactory(reception_en="", reception_fr="", reception_it="")

    page = home(client, "en")

    assert reception_section(page) is None
    assert HEADINGS["en"] not in lxml.html.tostring(page, encoding="unicode")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_reception_names_its_outlets_and_links_numerama(
    client, content_snapshot, language
):
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)
    with translation.override(language):
        numerama = data.COMPANIES[[c["name"] for c in data.COMPANIES].index("Numerama")]
        numerama_url = reverse(
            "companies:company_detail", kwargs={"slug": numerama["slug"][language]}
        )

    section = reception_section(home(client, language))

    text = section.xpath("string(.)")
    assert "Numerama" in text
    assert "storytelling" in text
    assert numerama_url in section.xpath(".//a/@href")
    assert client.get(numerama_url).status_code == 200
    assert "[[" not in text
    words = links.labels(data.SERIES["reception"][language])
    assert len(words.split()) >= 150


def test_translators_work_on_the_reception():
    assert "reception" in translatable_fields(Series)
    series = SeriesFactory(reception_en="<p>Critics liked it.</p>", reception_fr="")
    rows = FieldTranslation.objects.filter(object_id=series.pk, field="reception")
    assert {(row.language, row.state) for row in rows} == {("fr", "missing"), ("it", "missing")}


def test_a_french_translator_translates_the_reception_and_nothing_else(client):
    series = SeriesFactory(reception_en="<p>Critics liked it.</p>", reception_fr="")
    client.force_login(make_user("marie", "Translators (fr)"))
    url = reverse("admin:episodes_series_change", args=[series.pk])
    response = client.get(url)
    assert response.status_code == 200
    data_ = form_data(response)
    assert "reception_en" not in data_  # the source is read-only for a translator

    response = client.post(
        url,
        data_ | {"reception_fr": "<p>La critique a aimé.</p>", "reception_en": "<p>Hacked.</p>"},
    )

    assert response.status_code == 302
    series.refresh_from_db()
    assert series.reception_fr == "<p>La critique a aimé.</p>"
    assert series.reception_en == "<p>Critics liked it.</p>"
    row = FieldTranslation.objects.get(object_id=series.pk, field="reception", language="fr")
    assert row.state == "current"


def test_editors_find_the_reception_in_its_own_fieldset(client):
    series = SeriesFactory()
    client.force_login(make_user("edith", "Editors"))

    response = client.get(reverse("admin:episodes_series_change", args=[series.pk]))

    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    fieldset = page.xpath('//fieldset[.//h2[normalize-space()="Reception"]]')
    assert fieldset, "a fieldset headed Reception"
    names = fieldset[0].xpath(".//textarea/@name | .//input/@name")
    assert {"reception_en", "reception_fr", "reception_it"} <= set(names)
