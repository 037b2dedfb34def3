"""
Export → edit with the library a CAT tool would use → import. translate-toolkit
(GPL, tests only) reads our XLIFF independently; polib reads the PO files.
"""

import json
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from translate.storage import xliff

from companies.models import Company, PressRelease
from tests.factories import PressReleaseFactory
from translations.exchange import (
    ImportFailed,
    export_units,
    import_translations,
    write_po,
    write_xliff,
)
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        title_it="Ampere parte",
        summary_en="Eleven sites and 11,000 people.",
        summary_fr="Onze sites et 11 000 personnes.",
        body_en="<p>Launched on 1 November 2023.</p>",
        body_fr="",
        image_alt_en="",
    )


def content_dump():
    return json.dumps(
        [
            serializers.serialize("json", model.objects.order_by("pk"))
            for model in (PressRelease, Company, FieldTranslation)
        ]
    )


def unit_id(unit):
    """Our id: translate-toolkit's getid() prefixes the <file>'s "original"."""
    return unit.xmlelement.get("id")


def xliff_units(data):
    store = xliff.xlifffile.parsestring(data)
    return {unit_id(unit): unit for unit in store.units}


def test_xliff_export_is_read_by_an_independent_xliff_library(release):
    data = write_xliff(export_units("fr"), target_language="fr")
    assert b'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in data
    store = xliff.xlifffile.parsestring(data)
    assert store.gettargetlanguage() == "fr"
    assert store.getsourcelanguage() == "en"
    units = xliff_units(data)
    title = units[f"companies.pressrelease:{release.pk}:title"]
    assert title.source == "Ampere starts"
    assert not title.target
    assert "Ampere starts" in title.getnotes() and "title" in title.getnotes()
    summary = units[f"companies.pressrelease:{release.pk}:summary"]
    assert summary.target == "Onze sites et 11 000 personnes."
    assert units[f"companies.pressrelease:{release.pk}:body"].source == release.body_en


def test_po_export_and_only_pending(release):
    po = polib.pofile(
        write_po(export_units("fr", only_pending=True), target_language="fr").decode()
    )
    ids = {entry.msgctxt for entry in po}
    assert f"companies.pressrelease:{release.pk}:title" in ids
    assert f"companies.pressrelease:{release.pk}:summary" not in ids  # current
    assert po.metadata["Language"] == "fr"


def test_round_trip_through_xliff_as_a_cat_tool_would(release):
    data = write_xliff(export_units("fr"), target_language="fr")
    store = xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if unit_id(unit) == f"companies.pressrelease:{release.pk}:title":
            unit.target = "Ampere démarre"
        if unit_id(unit) == f"companies.pressrelease:{release.pk}:body":
            unit.target = "<p>Lancée le 1er novembre 2023.</p><script>x()</script>"
    report = import_translations(bytes(store))
    assert report.updated == 2
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"
    assert release.body_fr == "<p>Lancée le 1er novembre 2023.</p>"  # sanitized
    states = FieldTranslation.objects.for_object(release).filter(language="fr")
    assert {row.field: row.state for row in states}["title"] == State.CURRENT


def test_round_trip_through_po(release):
    po = polib.pofile(write_po(export_units("it"), target_language="it").decode())
    for entry in po:
        if entry.msgctxt == f"companies.pressrelease:{release.pk}:summary":
            entry.msgstr = "Undici siti e 11.000 persone."
    report = import_translations(str(po).encode())
    assert report.language == "it" and report.updated == 1
    release.refresh_from_db()
    assert release.summary_it == "Undici siti e 11.000 persone."


def fr_xliff_with(release, target="Ampere démarre", new_id=None, language="fr"):
    data = write_xliff(export_units("fr"), target_language=language).decode()
    store = xliff.xlifffile.parsestring(data.encode())
    for unit in store.units:
        if unit_id(unit) == f"companies.pressrelease:{release.pk}:title":
            unit.target = target
            if new_id:
                unit.xmlelement.set("id", new_id)
    return bytes(store)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda release: b"<xliff><file>", "not well-formed XML"),
        (lambda release: b'<?xml version="1.0"?><root/>', "not XLIFF"),
        (lambda release: b'msgid "a"\nmsgstr "b"\nmsgid', "not a readable PO file"),
        (lambda release: fr_xliff_with(release, new_id="companies.nothing:1:title"), "unknown"),
        (lambda release: fr_xliff_with(release, new_id="garbage"), "not an id of ours"),
        (
            lambda release: fr_xliff_with(release, new_id="companies.pressrelease:99999:title"),
            "no such object",
        ),
        (
            lambda release: fr_xliff_with(
                release, new_id=f"companies.pressrelease:{release.pk}:slug"
            ),
            "not a translatable field",
        ),
        (lambda release: fr_xliff_with(release, language="de"), "not one of the site's languages"),
        (lambda release: fr_xliff_with(release, language="en"), "source language"),
    ],
)
def test_a_bad_file_is_refused_whole_with_a_clear_message(release, make, message):
    before = content_dump()
    with pytest.raises(ImportFailed) as failure:
        import_translations(make(release))
    assert any(message in error for error in failure.value.report.errors)
    assert content_dump() == before


def test_a_file_with_one_bad_unit_applies_nothing(release):
    data = fr_xliff_with(release).replace(
        b'id="companies.pressrelease:%d:summary"' % release.pk,
        b'id="companies.pressrelease:424242:summary"',
    )
    before = content_dump()
    with pytest.raises(ImportFailed):
        import_translations(data)
    assert content_dump() == before


def test_a_language_the_uploader_may_not_translate_is_refused(release):
    before = content_dump()
    with pytest.raises(ImportFailed, match="may not translate"):
        import_translations(fr_xliff_with(release), languages_allowed=["it"])
    assert content_dump() == before


def test_units_whose_source_changed_since_export_are_skipped_unless_forced(release):
    data = fr_xliff_with(release)
    release.title_en = "Ampere starts today"
    release.save()
    report = import_translations(data)
    assert report.skipped_changed_source == [f"companies.pressrelease:{release.pk}:title"]
    release.refresh_from_db()
    assert release.title_fr == ""
    report = import_translations(data, force=True)
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"


def test_commands_export_and_import(release, tmp_path):
    out = StringIO()
    call_command("export_translations", "--language", "fr", "--format", "po", stdout=out)
    assert f"companies.pressrelease:{release.pk}:title" in out.getvalue()
    path = tmp_path / "fr.xlf"
    call_command("export_translations", "--language", "fr", "-o", str(path), stderr=StringIO())
    store = xliff.xlifffile.parsestring(path.read_bytes())
    for unit in store.units:
        if unit_id(unit) == f"companies.pressrelease:{release.pk}:title":
            unit.target = "Ampere démarre"
    path.write_bytes(bytes(store))
    out = StringIO()
    call_command("import_translations", str(path), stdout=out)
    assert "fr: 1 fields updated" in out.getvalue()
    path.write_bytes(b"<broken")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_translations", str(path))
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("export_translations", "--language", "de")


def staff(client, group):
    user = User.objects.create_user("t", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)


def test_dashboard_download_and_upload_respect_language_rights(client, release):
    staff(client, "Translators (fr)")
    export = reverse("translations:export")
    response = client.get(export + "?language=fr&format=xliff")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="renaulution-fr.xlf"'
    assert client.get(export + "?language=it&format=po").status_code == 403
    assert client.get(export + "?language=xx&format=po").status_code == 400

    upload = reverse("translations:import")
    italian = write_po(export_units("it"), target_language="it")
    response = client.post(upload, {"file": SimpleUploadedFile("it.po", italian)})
    assert response.status_code == 200
    assert "may not translate" in response.content.decode()

    response = client.post(upload, {"file": SimpleUploadedFile("fr.xlf", fr_xliff_with(release))})
    assert response.status_code == 200
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"


def test_a_broken_upload_shows_errors_not_a_500(client, release):
    staff(client, "Translators (fr)")
    response = client.post(
        reverse("translations:import"), {"file": SimpleUploadedFile("x.xlf", b"\x00\xff<<")}
    )
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()
