"""
An import's errors are in the translator's language: a French translator
who uploads a bad file in the French admin reads why in French, and the
command line and the English admin keep the English text.
"""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.translations.test_exchange import (
    IMPORT,
    content_dump,
    staff,
    translated_xliff,
    uid,
)
from translations.exchange import ImportFailed, import_translations

pytestmark = pytest.mark.django_db


def upload(client, data, language):
    response = client.post(
        IMPORT, {"file": SimpleUploadedFile("bad.xlf", data)}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def unknown_ids(release):
    """A file naming a model that does not exist and an object deleted since the export."""
    return translated_xliff(
        targets={uid(release, "title"): "Ampere démarre", uid(release, "body"): ["Corps"]},
        ids={
            uid(release, "title"): "companies.nothing:1:title",
            uid(release, "body"): "companies.pressrelease:99999:body",
        },
    )


@pytest.mark.urls("tests.translations.exchange_urls")
def test_a_french_translator_reads_the_errors_of_a_bad_file_in_french(client, release):
    staff(client, "Translators (fr)")
    before = content_dump()
    page = upload(client, unknown_ids(release), "fr")
    assert "Rien n'a été importé" in page
    assert "companies.nothing:1:title\u202f: type de contenu inconnu 'companies.nothing'." in page
    assert "companies.pressrelease:99999\u202f: cet objet n'existe pas" in page
    assert "unknown content type" not in page
    assert "no such object" not in page
    assert content_dump() == before


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_same_file_in_the_english_admin_gets_the_english_errors(client, release):
    staff(client, "Translators (fr)")
    page = upload(client, unknown_ids(release), "en")
    assert "companies.nothing:1:title: unknown content type 'companies.nothing'." in page
    assert "type de contenu inconnu" not in page


@pytest.mark.urls("tests.translations.exchange_urls")
def test_a_file_that_cannot_be_read_is_explained_in_french(client, release):
    staff(client, "Translators (fr)")
    page = upload(client, b'<?xml version="1.0"?><root/>', "fr")
    assert "Le fichier est du XML mais pas du XLIFF 1.2 (élément racine 'root'" in page
    assert "not XLIFF" not in page


@pytest.mark.urls("tests.translations.exchange_urls")
def test_a_language_the_translator_does_not_have_is_refused_in_italian(client, release):
    staff(client, "Translators (it)")
    page = upload(client, translated_xliff(targets={uid(release, "title"): "x"}), "it")
    assert "Non sei autorizzato a tradurre in 'fr'." in page


@pytest.mark.parametrize(
    ("data", "french", "italian"),
    [
        (b"", "il n'a ni entrées ni en-tête", "non ha né voci né intestazione"),
        (b"msgid \xe9", "n'est ni du XLIFF ni un fichier PO en UTF-8", "non è né XLIFF"),
    ],
)
def test_reading_errors_follow_the_active_language(data, french, italian):
    for language, expected in (("fr", french), ("it", italian)):
        with translation.override(language), pytest.raises(ImportFailed) as failure:
            import_translations(data)
        assert expected in failure.value.report.errors[0]
