"""
The one upload form of the XLIFF/PO and TMX imports: each refuses a file
over its parser's cap before reading it, in the translator's language, and a
file that is not what its name says gets a message, never a 500.
"""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.admin_clients import logged_in, make_user
from translations import exchange, tmx
from translations.models import MemoryEntry

pytestmark = pytest.mark.django_db

# The first bytes of a PNG image: neither XML nor a PO file.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture
def translator():
    return logged_in(make_user("fr", "Translators (fr)"))


def upload(client, name, url, content, language="en"):
    response = client.post(
        reverse(url), {"file": SimpleUploadedFile(name, content)}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_two_caps_are_the_parsers_own():
    # The admin and the commands meet the same limits (see translations/forms.py).
    assert exchange.MAX_FILE_SIZE == 5 * 1024 * 1024
    assert tmx.MAX_FILE_SIZE == 20 * 1024 * 1024


def test_an_xliff_upload_over_5_mb_is_refused_in_french(translator):
    page = upload(
        translator, "big.xlf", "translations:import", b"<" + b" " * exchange.MAX_FILE_SIZE, "fr"
    )
    assert "Le fichier dépasse 5 Mo." in page


def test_a_tmx_upload_is_held_to_20_mb_not_5(translator):
    # Between the two caps: past the form, refused by the TMX parser as not XML.
    page = upload(
        translator, "m.tmx", "translations:memory_import", b"<" + b" " * (6 * 1024 * 1024)
    )
    assert "larger than" not in page
    assert "not well-formed XML" in page
    page = upload(
        translator, "m.tmx", "translations:memory_import", b"<" + b" " * tmx.MAX_FILE_SIZE
    )
    assert "The file is larger than 20 MB." in page
    assert not MemoryEntry.objects.exists()


@pytest.mark.parametrize(
    ("name", "url", "message"),
    [
        ("fr.xlf", "translations:import", "neither XLIFF nor a UTF-8 PO file"),
        ("image.png", "translations:import", "neither XLIFF nor a UTF-8 PO file"),
        ("m.tmx", "translations:memory_import", "not well-formed XML"),
    ],
)
def test_a_file_of_another_type_is_refused_with_a_message(translator, name, url, message):
    page = upload(translator, name, url, PNG)
    assert 'class="errorlist"' in page
    assert message in page


@pytest.mark.parametrize(
    ("url", "accept", "fields"),
    [
        ("translations:import", ".xlf,.xliff,.po", ["file", "force", "dry_run"]),
        ("translations:memory_import", ".tmx", ["file", "dry_run"]),
    ],
)
def test_each_form_offers_its_file_kinds_and_its_boxes(translator, url, accept, fields):
    response = translator.get(reverse(url))
    form = response.context["form"]
    assert list(form.fields) == fields
    assert f'accept="{accept}"' in response.content.decode()
