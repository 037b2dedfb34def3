"""
German, added as README's "Adding a language" says (tests/settings_fourth_language.py):
pages, switcher, hreflang, notices, search, translators' rights, the
dashboard and XLIFF/PO exchange work in it with no other change.

Runs only under that settings module (tests/conftest.py leaves this folder
out otherwise), in `make test`'s second pytest run.
"""

import datetime
import json

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation
from lxml import etree

from companies.models import PressRelease
from renaulution import languages
from renaulution.formats import local_date
from renaulution.search import search
from tests.admin_clients import make_user
from tests.factories import EpisodeFactory, PressReleaseFactory
from tests.html import read_page
from tests.translations.test_rights import form_data
from translations.exchange import export_units, import_translations, write_po, write_xliff
from translations.models import FieldTranslation, State

pytestmark = [pytest.mark.django_db, pytest.mark.fourth_language]

if "de" not in languages.codes():
    # Named on the command line under the usual settings: say how to run it.
    raise pytest.UsageError(
        "tests/fourth_language/ needs German: run it with "
        "DJANGO_SETTINGS_MODULE=tests.settings_fourth_language and --no-migrations."
    )

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"


def german_release(**fields):
    return PressReleaseFactory(
        **{
            "title_en": "Ampere starts",
            "title_de": "Ampere startet",
            "slug_de": "ampere-startet",
            "summary_en": "Eleven sites build electric cars.",
            "summary_de": "Elf Standorte bauen Elektroautos.",
            "body_en": "<p>Launched on 1 November 2023.</p>",
            "body_de": "<p>Gestartet am 1. November 2023.</p>",
            "image_alt_en": "",
        }
        | fields
    )


def in_german(obj):
    with translation.override("de"):
        return obj.get_absolute_url()


def test_german_is_a_site_language_with_its_entry():
    assert languages.codes() == ["en", "fr", "it", "de"]
    assert languages.check_languages() == []
    german = languages.get("de")
    assert (german.og_locale, german.search_configuration) == ("de_DE", "german_unaccent")


def test_a_german_page_renders_in_german_with_its_alternates(client):
    release = german_release(
        summary_fr="Onze sites.",
        body_fr="<p>Lancée.</p>",
        summary_it="Undici siti.",
        body_it="<p>Lanciata.</p>",
    )
    url = in_german(release)
    assert url == "/de/press/ampere-startet/"
    response = client.get(url)
    assert response.status_code == 200
    page = read_page(response)
    assert page.lang == "de"
    assert page.one("og:locale") == "de_DE"
    content = response.content.decode()
    assert "<h1" in content and "Ampere startet" in content
    # The interface speaks German (the run's catalog): the header's menu.
    assert "Episoden" in content and "Unternehmen" in content and "Presse" in content
    # Every language is an alternate and in the switcher, German included.
    assert set(page.alternates) == {"en", "fr", "it", "de", "x-default"}
    with translation.override("en"):
        english = read_page(client.get(release.get_absolute_url()))
    assert english.alternates["de"].endswith("/de/press/ampere-startet/")
    assert "de_DE" in english.meta["og:locale:alternate"]
    assert set(english.switcher) == {"fr", "it", "de"}


def test_text_missing_in_german_falls_back_to_english_and_says_so(client):
    episode = EpisodeFactory(title_en="The comeback", synopsis_en="<p>A synopsis.</p>")
    response = client.get(in_german(episode))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'lang="en">The comeback' in content
    assert "Ein Teil dieser Seite ist noch nicht übersetzt und wird auf Englisch angezeigt." in (
        content
    )
    # Mostly untranslated: offered to readers, not to search engines.
    with translation.override("en"):
        page = read_page(client.get(episode.get_absolute_url()))
    assert "de" not in page.alternates and "de" in page.switcher


def test_german_search_stems_german_and_falls_back_to_english():
    german = german_release()
    english_only = german_release(
        title_de="", slug_de=None, summary_de="", body_de="", title_en="Renault Twingo"
    )
    # "Standort" finds "Standorte", "Bau" finds "bauen": the German stemmer.
    assert [r.object for r in search("Standort", language="de")[:10]] == [german]
    assert [r.object for r in search("Bau", language="de")[:10]] == [german]
    # Text a German reader sees in English is found in German.
    assert english_only in [r.object for r in search("Twingo", language="de")[:10]]
    assert search("Standort", language="en").count() == 0


def test_a_german_date_is_written_as_german_writes_it():
    with translation.override("de"):
        assert local_date(datetime.date(2023, 11, 1)) == "1. November 2023"


def test_migrate_gave_german_its_translators_group_and_index():
    group = Group.objects.get(name="Translators (de)")
    assert set(group.permissions.values_list("codename", flat=True)) == set(
        Group.objects.get(name="Translators (fr)").permissions.values_list("codename", flat=True)
    )
    assert "search_index_de" in connection.introspection.table_names()


def test_a_german_translator_changes_the_german_fields_only(client):
    client.force_login(make_user("jonas", "Translators (de)"))
    release = german_release(title_fr="Ampère démarre")
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    assert "title_de" in data and "title_fr" not in data and "title_en" not in data
    data |= {"title_de": "Ampere legt los", "title_fr": "Piraté", "title_en": "Hacked"}
    assert client.post(url, data).status_code == 302
    release = PressRelease.objects.get(pk=release.pk)
    assert (release.title_de, release.title_fr, release.title_en) == (
        "Ampere legt los",
        "Ampère démarre",
        "Ampere starts",
    )
    # The German queue is theirs, the French one is not.
    assert client.get(reverse("translations:queue", args=["de"])).status_code == 200
    assert client.get(reverse("translations:queue", args=["fr"])).status_code == 403


def test_the_dashboard_counts_german(client):
    client.force_login(make_user("editor", "Editors"))
    german_release(summary_de="")
    response = client.get(reverse("translations:dashboard"))
    assert response.status_code == 200
    german = next(s for s in response.context["statuses"] if s["code"] == "de")
    stored = FieldTranslation.objects.filter(language="de")
    assert german["total"]["current"] == stored.filter(state=State.CURRENT).count() >= 2
    assert german["total"]["missing"] == stored.filter(state=State.MISSING).count() >= 1
    assert reverse("translations:queue", args=["de"]) in response.content.decode()


def test_xliff_export_targets_german_and_its_import_writes_german():
    release = german_release(title_de="", slug_de=None)
    data = write_xliff(export_units("de"), target_language="de")
    root = etree.fromstring(data)
    files = root.findall(f"{{{XLIFF}}}file")
    assert files and {f.get("target-language") for f in files} == {"de"}
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        if unit.get("id") == f"companies.pressrelease:{release.pk}:title":
            target = unit.find(f"{{{XLIFF}}}target")
            if target is None:
                target = etree.SubElement(unit, f"{{{XLIFF}}}target")
            target.text = "Ampere startet"
    report = import_translations(etree.tostring(root))
    assert (report.language, report.errors) == ("de", [])
    assert report.updated >= 1
    release.refresh_from_db()
    assert release.title_de == "Ampere startet"
    row = FieldTranslation.objects.for_object(release).get(language="de", field="title")
    assert row.state == State.CURRENT


def test_po_export_names_german():
    german_release()
    po = polib.pofile(write_po(export_units("de"), target_language="de").decode())
    assert po.metadata["Language"] == "de"
    assert "Ampere startet" in {entry.msgstr for entry in po}


def test_translation_status_reports_german(capsys):
    german_release(summary_de="")
    call_command("translation_status", "--language", "de", "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert list(report["languages"]) == ["de"]
    total = report["languages"]["de"]["total"]
    assert total["missing"] >= 1 and total["current"] >= 2
