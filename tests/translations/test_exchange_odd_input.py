"""
Exchange files as CAT tools and attackers write them: DTDs are refused,
UTF-16 is read, oversized files are refused on every path, and every export
format re-imports unchanged whatever characters the content holds.
"""

import codecs
from io import StringIO

import polib
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from translate.storage import xliff

from tests.factories import CompanyFactory, PositionFactory, PressReleaseFactory
from tests.translations.test_exchange import (
    IMPORT,
    content_dump,
    refused,
    staff,
    translated_xliff,
    uid,
)
from translations.exchange import (
    MAX_FILE_SIZE,
    export_units,
    import_translations,
    write_po,
    write_xliff,
)

pytestmark = pytest.mark.django_db


# DTDs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE xliff [<!ENTITY xxe "taken over">]>',
        '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE xliff SYSTEM "http://example.com/xliff.dtd">',
        "<!DOCTYPE xliff>",
    ],
)
def test_an_xliff_file_with_any_doctype_is_refused_and_nothing_applies(release, doctype):
    title = "&xxe; démarre" if "ENTITY" in doctype else "Ampere démarre"
    data = translated_xliff(targets={uid(release, "title"): title})
    data = data.replace(b"&amp;xxe;", b"&xxe;")
    declaration, rest = data.split(b"?>", 1)
    errors = refused(release, declaration + b"?>" + doctype.encode() + rest, "<!DOCTYPE")
    assert "remove it" in errors[0]


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_upload_form_refuses_a_doctype_with_a_message(client, release):
    staff(client, "Translators (fr)")
    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    declaration, rest = data.split(b"?>", 1)
    data = declaration + b'?><!DOCTYPE xliff [<!ENTITY xxe "x">]>' + rest
    before = content_dump()
    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", data)})
    assert response.status_code == 200
    assert "document type declaration" in response.content.decode()
    assert content_dump() == before


# UTF-16 -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("declared", ["UTF-16", "UTF-8"])
def test_utf16_xliff_with_a_byte_order_mark_is_imported(release, encoding, declared):
    text = translated_xliff(targets={uid(release, "title"): "Ampère démarre 🚗"}).decode()
    text = text.replace("encoding='UTF-8'", f"encoding='{declared}'", 1).replace(
        'encoding="UTF-8"', f'encoding="{declared}"', 1
    )
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    report = import_translations(bom + text.encode(encoding))
    assert (report.language, report.updated, report.errors) == ("fr", 1, [])
    release.refresh_from_db()
    assert release.title_fr == "Ampère démarre 🚗"


def test_utf16_po_with_a_byte_order_mark_is_imported(release):
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    po.find(uid(release, "title"), by="msgctxt").msgstr = "Ampère démarre"
    report = import_translations(str(po).encode("utf-16"))
    assert report.updated == 1
    release.refresh_from_db()
    assert release.title_fr == "Ampère démarre"


# Size cap ---------------------------------------------------------------------


def test_import_translations_refuses_a_file_over_the_cap(release):
    refused(release, b"<" + b" " * MAX_FILE_SIZE, "larger than 5 MB")


def test_the_import_command_has_the_upload_forms_size_cap(release, tmp_path):
    path = tmp_path / "big.po"
    po = write_po(export_units("fr"), target_language="fr")
    # A valid file, padded with comment lines past the cap.
    path.write_bytes(po + b"# padding\n" * (MAX_FILE_SIZE // 10 + 1))
    before = content_dump()
    with pytest.raises(CommandError, match="larger than 5 MB"):
        call_command("import_translations", str(path))
    assert content_dump() == before
    # Under the cap, the same file is read.
    path.write_bytes(po)
    out = StringIO()
    call_command("import_translations", str(path), stdout=out)
    assert "fr: 0 fields updated" in out.getvalue()


# Odd characters -----------------------------------------------------------------

ODD = (
    "line\u2028separator, paragraph\u2029separator, CR\rLF\r\nLF\ntab\t"
    "controls\x01\x07\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85 emoji 🚗👩🏽‍🔧 "
    "RTL \u200fשלום\u200e \u202eevil\u202c zero\u200bwidth \ufeffbom"
)


@pytest.fixture
def odd_content():
    """Objects whose names and texts hold every odd character, in every language."""
    company = CompanyFactory(name=f"Company {ODD}", tagline_en=f"Tagline {ODD}", tagline_fr="")
    position = PositionFactory(
        person__name=f"Person {ODD}", company=company, title_en=f"Title {ODD}", title_fr=""
    )
    release = PressReleaseFactory(
        company=company,
        title_en=f"Release {ODD}",
        title_fr=f"Communiqué {ODD}",
        summary_en=f"Summary {ODD}",
        summary_fr="",
        body_en="<p>Body</p>",
        body_fr="",
    )
    return company, position, release


def stored(units):
    """Each unit's target as stored in the database now."""
    for unit in units:
        obj = apps.get_model(unit.model_label)._base_manager.get(pk=unit.object_id)
        yield unit.id, getattr(obj, f"{unit.field}_fr") or ""


@pytest.mark.parametrize("writer", [write_po, write_xliff])
def test_every_export_re_imports_unchanged_whatever_the_characters(odd_content, writer):
    units = export_units("fr")
    assert len(units) >= 5
    assert not any(char in unit.note for unit in units for char in "\n\r\u2028\u2029\x85")
    data = writer(units, target_language="fr")
    if writer is write_xliff:  # as a CAT tool reads it
        assert len(xliff.xlifffile.parsestring(data).units) == len(units)
    before = content_dump()
    report = import_translations(data)
    assert report.errors == [] and report.skipped_changed_source == []
    assert report.updated == 0
    assert content_dump() == before


@pytest.mark.parametrize("writer", [write_po, write_xliff])
def test_odd_characters_in_targets_arrive_intact(odd_content, writer):
    units = export_units("fr")
    plain = [unit for unit in units if not unit.rich_text]
    assert {unit.field for unit in plain} >= {"title", "summary", "tagline", "headline"}
    for unit in plain:
        unit.target = f"Cible {ODD}"
    report = import_translations(writer(units, target_language="fr"))
    assert report.errors == [] and report.skipped_changed_source == []
    assert dict(stored(plain)) == {unit.id: f"Cible {ODD}" for unit in plain}
    # And back out again: the next export carries them as they are.
    again = {unit.id: unit for unit in export_units("fr")}
    assert all(again[unit.id].target == f"Cible {ODD}" for unit in plain)
