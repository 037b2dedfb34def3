"""The French and Italian interface catalogs: complete, compiled, and used by the site."""

import datetime
import html
import re
from collections import Counter

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from renaulution.formats import local_date

TRANSLATED_LANGUAGES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]
LOCALE_DIR = settings.LOCALE_PATHS[0]

# Python named placeholders (%(count)d, and blocktranslate's {{ number }} once extracted)
# and str.format fields.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|\{\w*\}")


def catalog_path(language, extension):
    return LOCALE_DIR / language / "LC_MESSAGES" / f"django.{extension}"


def pofile(language):
    return polib.pofile(str(catalog_path(language, "po")))


def translations(entries):
    """What a catalog maps each message to, in a form comparable between .po and .mo."""
    return {
        (
            entry.msgctxt,
            entry.msgid,
            entry.msgid_plural or None,
            tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr,
        )
        for entry in entries
    }


def placeholders(text):
    return Counter(PLACEHOLDER.findall(text))


def test_every_interface_language_has_a_catalog():
    assert TRANSLATED_LANGUAGES == ["fr", "it"]
    for language in TRANSLATED_LANGUAGES:
        assert catalog_path(language, "po").is_file()
        assert catalog_path(language, "mo").is_file()


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    po = pofile(language)
    assert len(po) > 0
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.percent_translated() == 100
    # A fuzzy header makes msgfmt and Django skip the plural rule.
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_plural_entries_fill_every_form(language):
    po = pofile(language)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_committed_mo_matches_its_po(language):
    """The .mo is committed so that a machine without GNU gettext still translates;
    it must be recompiled whenever the .po changes."""
    po = pofile(language)
    mo = polib.mofile(str(catalog_path(language, "mo")))
    assert translations(mo) == translations(po.translated_entries())
    assert mo.metadata["Plural-Forms"] == po.metadata["Plural-Forms"]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(language):
    for entry in pofile(language).translated_entries():
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            for form in entry.msgstr_plural.values():
                assert placeholders(form) == expected, entry.msgid_plural
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "skip_link", "nothing_published"),
    [
        ("fr", "Aller au contenu", "Rien n'est encore publié."),
        ("it", "Vai al contenuto", "Non è ancora stato pubblicato nulla."),
    ],
)
def test_home_page_shows_the_translated_interface(client, language, skip_link, nothing_published):
    # An empty database: nothing is published, so the home page says so.
    response = client.get(f"/{language}/")
    content = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert f'<html lang="{language}">' in content
    assert skip_link in content
    assert nothing_published in content
    assert "Skip to content" not in content
    assert "Nothing is published yet." not in content


@pytest.mark.django_db
def test_not_found_page_is_translated(client):
    response = client.get("/fr/episodes/does-not-exist/")
    content = html.unescape(response.content.decode())
    assert response.status_code == 404
    assert "Page introuvable" in content
    assert "Page not found" not in content


@pytest.mark.parametrize(
    ("language", "day", "month"),
    [
        ("en", "1 November 2023", "July 2020"),
        ("fr", "1er novembre 2023", "juillet 2020"),
        # Django's own catalog capitalizes Italian months and pads the day.
        ("it", "1 novembre 2023", "luglio 2020"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, day, month):
    with translation.override(language):
        assert local_date(datetime.date(2023, 11, 1)) == day
        assert formats.date_format(datetime.date(2020, 7, 1), "YEAR_MONTH_FORMAT") == month


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "13 December 2024"), ("fr", "13 décembre 2024"), ("it", "13 dicembre 2024")],
)
def test_only_the_first_of_the_month_is_an_ordinal_in_french(language, expected):
    with translation.override(language):
        assert local_date(datetime.date(2024, 12, 13)) == expected
        assert formats.date_format(datetime.date(2024, 12, 13)) == expected


def test_templates_write_the_first_of_the_month_as_french_does():
    template = Template("{% load renaulution %}{{ day|local_date }}")
    day = Context({"day": datetime.date(2023, 11, 1)})
    expected = {"en": "1 November 2023", "fr": "1er novembre 2023", "it": "1 novembre 2023"}
    for language, shown in expected.items():
        with translation.override(language):
            assert template.render(day) == shown
