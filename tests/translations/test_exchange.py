"""
Export → edit with the library a CAT tool would use → import. translate-toolkit
(GPL, tests only) reads and writes our XLIFF independently; polib does the PO.
"""

import copy
import json
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, ManagementUtility, call_command
from django.utils import translation
from lxml import etree
from translate.storage import xliff

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, Series
from renaulution.languages import codes
from tests.factories import PressReleaseFactory
from translations.exchange import (
    XLIFF_NS,
    ImportFailed,
    export_units,
    import_translations,
    user_languages,
    write_po,
    write_xliff,
)
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db

EXPORT = "/admin/translations/export/"
IMPORT = "/admin/translations/import/"


def uid(release, name):
    return f"companies.pressrelease:{release.pk}:{name}"


def content_dump():
    """Every content table and the states, to prove a failed import changed nothing."""
    models = (Company, Person, Position, PressRelease, Series, Episode, FieldTranslation)
    # The untranslated name of a localized field ("summary") reads the active
    # language, which a request made before may have left at another one.
    with translation.override("en"):
        return json.dumps(
            [serializers.serialize("json", model._base_manager.order_by("pk")) for model in models]
        )


def unit_id(unit):
    """Our id: translate-toolkit's getid() prefixes the <file>'s "original"."""
    return unit.xmlelement.get("id")


def xliff_units(data):
    store = xliff.xlifffile.parsestring(data)
    return {unit_id(unit): unit for unit in store.units}


def retext(unit, texts):
    """
    The unit's rich source with its pieces of text replaced in order, tags
    kept where they are: what a translator does in a CAT tool.
    """
    rich = copy.deepcopy(unit.rich_source)
    pieces = iter(texts)

    def walk(element):
        element.sub = [next(pieces) if isinstance(sub, str) else walk(sub) for sub in element.sub]
        return element

    for element in rich:
        walk(element)
    assert next(pieces, None) is None, "more texts than the source has"
    return rich


def translated_xliff(language="fr", targets=None, ids=None, segment=False):
    """
    Export, then set targets (and ids) with translate-toolkit, as a CAT tool
    would: a string is a plain target, a list the texts of a rich one.
    """
    store = xliff.xlifffile.parsestring(
        write_xliff(export_units(language, segment=segment), target_language=language)
    )
    for unit in store.units:
        if unit_id(unit) in (targets or {}):
            target = targets[unit_id(unit)]
            if isinstance(target, list):
                unit.rich_target = retext(unit, target)
            else:
                unit.target = target
        if unit_id(unit) in (ids or {}):
            unit.xmlelement.set("id", ids[unit_id(unit)])
    return bytes(store)


# Export ---------------------------------------------------------------------


@pytest.mark.fourth_language
def test_xliff_export_is_read_by_an_independent_xliff_library(release):
    data = write_xliff(export_units("fr"), target_language="fr")
    root = etree.fromstring(data)
    assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "1.2"
    store = xliff.xlifffile.parsestring(data)
    assert store.gettargetlanguage() == "fr"
    assert store.getsourcelanguage() == "en"
    units = xliff_units(data)
    assert set(units) == {uid(release, name) for name in ("title", "summary", "body")}
    title = units[uid(release, "title")]
    assert title.source == "Ampere starts"
    assert not title.target
    assert f'Press release "{release}" — title (source: en, state: missing)' in title.getnotes()
    summary = units[uid(release, "summary")]
    assert summary.target == "Onze sites et 11 000 personnes."
    assert "state: current" in summary.getnotes()
    body = units[uid(release, "body")]
    # The paragraph is an inline element CAT tools protect, not escaped HTML.
    assert body.source == "Launched on 1 November 2023."
    assert [type(node).__name__ for node in body.rich_source[0].sub] == ["G"]
    assert b'<source><g id="1" ctype="x-html-p">Launched on 1 November 2023.</g></source>' in data
    assert b"&lt;" not in data
    assert body.xmlelement.get("datatype") == "html"
    assert title.xmlelement.get("datatype") == "plaintext"


def test_one_xliff_file_element_per_source_language(release):
    italian = PressReleaseFactory(
        original_language="it", title_it="Nuova fabbrica", summary_it="", body_it=""
    )
    data = write_xliff(export_units("fr"), target_language="fr")
    files = etree.fromstring(data).findall(f"{{{XLIFF_NS}}}file")
    assert [(f.get("source-language"), f.get("target-language")) for f in files] == [
        ("en", "fr"),
        ("it", "fr"),
    ]
    units = xliff_units(data)
    assert units[uid(italian, "title")].source == "Nuova fabbrica"
    # Not exported into its own source language:
    assert uid(italian, "title") not in {unit.id for unit in export_units("it")}


def test_drafts_are_exported_and_empty_sources_are_not(release):
    draft = PressReleaseFactory(draft=True, title_fr="", summary_en="", body_en="")
    ids = {unit.id for unit in export_units("fr")}
    assert uid(draft, "title") in ids
    assert uid(draft, "summary") not in ids
    assert uid(release, "image_alt") not in ids
    unit = next(unit for unit in export_units("fr") if unit.id == uid(draft, "title"))
    assert (unit.model_label, unit.object_id, unit.field) == (
        "companies.pressrelease",
        draft.pk,
        "title",
    )


def test_export_queries_do_not_grow_with_objects(release, django_assert_max_num_queries):
    for _ in range(5):
        PressReleaseFactory()
    with django_assert_max_num_queries(20):
        export_units("fr")


def test_po_export_is_read_by_polib(release):
    release.summary_en = "Twelve sites."
    release.save()  # the French summary is now outdated
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    assert po.metadata["Language"] == "fr"
    entries = {entry.msgctxt: entry for entry in po}
    title = entries[uid(release, "title")]
    assert (title.msgid, title.msgstr) == ("Ampere starts", "")
    assert f'Press release "{release}" — title' in title.comment
    summary = entries[uid(release, "summary")]
    assert summary.fuzzy and summary.msgstr == "Onze sites et 11 000 personnes."
    assert "state: outdated" in summary.comment


def test_only_pending_exports_missing_and_outdated_units(release):
    release.body_en = "<p>Launched on 2 November 2023.</p>"
    release.body_fr = "<p>Lancée.</p>"
    release.save()
    release.title_en = "Ampere starts now"
    release.save()
    states = {unit.id: unit.state for unit in export_units("fr", only_pending=True)}
    assert states[uid(release, "title")] == State.MISSING
    assert uid(release, "summary") not in states  # current
    po = polib.pofile(
        write_po(export_units("fr", only_pending=True), target_language="fr").decode()
    )
    assert uid(release, "summary") not in {entry.msgctxt for entry in po}


def test_export_refuses_a_language_the_user_may_not_translate(release):
    with pytest.raises(PermissionDenied):
        export_units("it", languages_allowed=["fr"])


# Round trips ----------------------------------------------------------------


@pytest.mark.fourth_language
def test_round_trip_through_xliff_as_a_cat_tool_would(release):
    data = translated_xliff(
        targets={
            uid(release, "title"): "Ampere démarre",
            uid(release, "body"): ["Lancée le 1er novembre 2023."],
        }
    )
    report = import_translations(data)
    assert (report.language, report.updated, report.errors) == ("fr", 2, [])
    assert report.unchanged == 1  # the summary
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"
    assert release.body_fr == "<p>Lancée le 1er novembre 2023.</p>"  # the <p> rebuilt
    states = {
        row.field: row.state
        for row in FieldTranslation.objects.for_object(release).filter(language="fr")
    }
    assert states == {"title": State.CURRENT, "summary": State.CURRENT, "body": State.CURRENT}


@pytest.mark.fourth_language
def test_round_trip_through_po(release):
    po = polib.pofile(write_po(export_units("it"), target_language="it").decode())
    for entry in po:
        if entry.msgctxt == uid(release, "summary"):
            entry.msgstr = "Undici siti e 11.000 persone."
        if entry.msgctxt == uid(release, "body"):
            entry.msgstr = '<p onclick="x()">Lanciato.</p>'
    report = import_translations(str(po).encode())
    assert report.language == "it" and report.updated == 2
    release.refresh_from_db()
    assert release.summary_it == "Undici siti e 11.000 persone."
    assert release.body_it == "<p>Lanciato.</p>"  # sanitized
    row = FieldTranslation.objects.for_object(release).get(field="summary", language="it")
    assert row.state == State.CURRENT


def test_confirming_an_outdated_translation_marks_it_reviewed(release):
    release.summary_en = "Eleven sites and 11,000 people, again."
    release.save()
    row = FieldTranslation.objects.for_object(release).get(field="summary", language="fr")
    assert row.state == State.OUTDATED
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    for entry in po:
        if entry.msgctxt == uid(release, "summary"):
            entry.flags.remove("fuzzy")  # the translator reviewed it: still right
    report = import_translations(str(po).encode())
    assert (report.updated, report.reviewed) == (0, 1)
    row.refresh_from_db()
    assert row.state == State.CURRENT


def test_dry_run_validates_and_applies_nothing(release):
    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    before = content_dump()
    report = import_translations(data, dry_run=True)
    assert report.updated == 1
    assert content_dump() == before


# Failures -------------------------------------------------------------------


def refused(release, data, message, **kwargs):
    before = content_dump()
    with pytest.raises(ImportFailed) as failure:
        import_translations(data, **kwargs)
    errors = failure.value.report.errors
    assert any(message in error for error in errors), errors
    assert content_dump() == before
    return errors


def test_malformed_xml_is_refused_with_its_line(release):
    errors = refused(release, b'<?xml version="1.0"?>\n<xliff>\n<file>', "not well-formed XML")
    assert "line 3" in errors[0]


def test_xml_that_is_not_xliff_is_refused(release):
    refused(release, b'<?xml version="1.0"?><root/>', "not XLIFF 1.2")


def test_malformed_po_is_refused_with_its_line(release):
    errors = refused(
        release, b'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nnonsense\n', "not a readable PO file"
    )
    assert "line" in errors[0]


def test_binary_garbage_is_refused(release):
    refused(release, b"\x00\xff\xfe<<", "UTF-8")


def test_a_po_content_that_looks_like_a_path_is_not_read_as_a_file(release, tmp_path):
    path = tmp_path / "secret.po"
    path.write_bytes(write_po(export_units("fr"), target_language="fr"))
    refused(release, str(path).encode(), "not a readable PO file")


@pytest.mark.parametrize(
    ("new_id", "message"),
    [
        ("garbage", "not a unit id of ours"),
        ("companies.nothing:1:title", "unknown content type"),
        ("auth.user:1:username", "unknown content type"),
        ("companies.pressrelease:99999:title", "no such object"),
        ("companies.pressrelease:{pk}:slug", "not a translatable field"),
        ("companies.pressrelease:{pk}:issued_on", "not a translatable field"),
    ],
)
def test_an_unknown_id_is_refused_and_nothing_applies(release, new_id, message):
    data = translated_xliff(
        targets={uid(release, "title"): "Ampere démarre", uid(release, "body"): ["Corps"]},
        ids={uid(release, "body"): new_id.format(pk=release.pk)},
    )
    refused(release, data, message)


def test_a_duplicated_unit_is_refused(release):
    data = translated_xliff(
        targets={uid(release, "title"): "Ampere démarre", uid(release, "body"): ["Corps"]},
        ids={uid(release, "body"): uid(release, "title")},
    )
    refused(release, data, "more than once")


def test_every_error_is_listed(release):
    data = translated_xliff(
        targets={uid(release, "title"): "Ampere démarre"},
        ids={uid(release, "title"): "garbage", uid(release, "body"): "companies.nothing:1:x"},
    )
    errors = refused(release, data, "garbage")
    assert len(errors) == 2


@pytest.mark.fourth_language
def test_a_language_that_is_not_the_sites_is_refused(release):
    data = translated_xliff(targets={uid(release, "title"): "Ampere begint"})
    refused(
        release,
        data.replace(b'target-language="fr"', b'target-language="nl"'),
        "not one of the site's languages",
    )


def test_a_target_in_the_source_language_is_refused(release):
    data = translated_xliff(targets={uid(release, "title"): "Ampere begins"})
    refused(
        release,
        data.replace(b'target-language="fr"', b'target-language="en"'),
        "source language",
    )


def test_a_language_the_uploader_may_not_translate_is_refused(release):
    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    refused(release, data, "may not translate", languages_allowed=["it"])


def test_a_too_long_plain_text_target_is_refused(release):
    data = translated_xliff(targets={uid(release, "title"): "x" * 300})
    refused(release, data, "at most 255")


def test_units_whose_source_changed_since_export_are_skipped_unless_forced(release):
    data = translated_xliff(
        targets={uid(release, "title"): "Ampere démarre", uid(release, "body"): ["Corps"]}
    )
    release.title_en = "Ampere starts today"
    release.save()
    report = import_translations(data)
    assert report.skipped_changed_source == [uid(release, "title")]
    assert report.updated == 1 and not report.errors  # the rest applies
    release.refresh_from_db()
    assert (release.title_fr, release.body_fr) == ("", "<p>Corps</p>")
    report = import_translations(data, force=True)
    assert report.skipped_changed_source == []
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"


def test_a_translation_changed_since_the_export_is_not_overwritten_unless_forced(release):
    """A translator exports; someone else fixes the French title in the admin; the import waits."""
    data = translated_xliff(
        targets={uid(release, "title"): "Ampere démarre", uid(release, "body"): ["Corps"]}
    )
    release.title_fr = "Ampere commence"
    release.save()

    report = import_translations(data)

    assert report.skipped_changed_target == [uid(release, "title")]
    assert report.updated == 1 and not report.errors  # the rest applies
    release.refresh_from_db()
    assert (release.title_fr, release.body_fr) == ("Ampere commence", "<p>Corps</p>")
    import_translations(data, force=True)
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"


def test_a_po_file_carries_the_exported_translation_too(release):
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    for entry in po:
        if entry.msgctxt == uid(release, "title"):
            entry.msgstr = "Ampere démarre"
    release.title_fr = "Ampere commence"
    release.save()

    report = import_translations(str(po).encode())

    assert report.skipped_changed_target == [uid(release, "title")]
    release.refresh_from_db()
    assert release.title_fr == "Ampere commence"


def test_empty_targets_are_skipped(release):
    data = translated_xliff()
    before = content_dump()
    report = import_translations(data)
    assert (report.updated, report.errors) == (0, [])
    assert content_dump() == before


# Commands -------------------------------------------------------------------


def test_export_command_to_stdout_and_to_a_file(release, tmp_path):
    out = StringIO()
    call_command("export_translations", "--language", "fr", "--format", "po", stdout=out)
    po = polib.pofile(out.getvalue())
    assert uid(release, "title") in {entry.msgctxt for entry in po}
    out = StringIO()
    call_command("export_translations", "--language", "fr", "--only-pending", stdout=out)
    assert set(xliff_units(out.getvalue().encode())) == {
        uid(release, "title"),
        uid(release, "body"),
    }
    path = tmp_path / "fr.xlf"
    call_command("export_translations", "--language", "fr", "-o", str(path), stderr=StringIO())
    assert uid(release, "title") in xliff_units(path.read_bytes())
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("export_translations", "--language", "nl")
    with pytest.raises(CommandError, match="Unknown format"):
        call_command("export_translations", "--language", "fr", "--format", "docx")


def test_import_command_success_and_failure(release, tmp_path):
    path = tmp_path / "fr.xlf"
    path.write_bytes(translated_xliff(targets={uid(release, "title"): "Ampere démarre"}))
    out = StringIO()
    call_command("import_translations", str(path), "--dry-run", stdout=out)
    assert "fr: 1 fields would be updated" in out.getvalue()
    release.refresh_from_db()
    assert release.title_fr == ""
    call_command("import_translations", str(path), stdout=out)
    assert "fr: 1 fields updated" in out.getvalue()
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"

    path.write_bytes(
        translated_xliff(
            targets={uid(release, "title"): "Autre"},
            ids={uid(release, "title"): "garbage", uid(release, "body"): "companies.x:1:body"},
        )
    )
    before = content_dump()
    with pytest.raises(CommandError, match="Nothing was imported") as failure:
        call_command("import_translations", str(path))
    assert "garbage" in str(failure.value) and "companies.x" in str(failure.value)
    assert content_dump() == before


def test_import_command_exit_code_is_non_zero(release, tmp_path):
    path = tmp_path / "broken.xlf"
    path.write_bytes(b"<broken")
    # From the shell, run_from_argv turns the CommandError into exit code 1.
    with pytest.raises(SystemExit) as exit_:
        ManagementUtility(["manage.py", "import_translations", str(path)]).execute()
    assert exit_.value.code == 1


# Views ----------------------------------------------------------------------


def staff(client, group=None, **extra):
    user = User.objects.create_user("u", password="pw", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.mark.fourth_language
def test_user_languages():
    editor = User.objects.create_user("e", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    translator = User.objects.create_user("t", is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators (fr)"))
    nobody = User.objects.create_user("n", is_staff=True)
    assert user_languages(editor) == codes()
    assert user_languages(translator) == ["fr"]
    assert user_languages(nobody) == []


@pytest.mark.urls("tests.translations.exchange_urls")
def test_an_editor_downloads_xliff_and_po(client, release):
    staff(client, "Editors")
    response = client.get(EXPORT, {"language": "it", "format": "xliff"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="renaulution-it.xlf"'
    assert uid(release, "summary") in xliff_units(response.content)
    response = client.get(EXPORT, {"language": "fr", "format": "po", "pending": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="renaulution-fr.po"'
    ids = {entry.msgctxt for entry in polib.pofile(response.content.decode())}
    assert uid(release, "title") in ids and uid(release, "summary") not in ids
    assert client.get(EXPORT, {"language": "xx", "format": "po"}).status_code == 400
    assert client.get(EXPORT, {"language": "fr", "format": "docx"}).status_code == 400


@pytest.mark.urls("tests.translations.exchange_urls")
@pytest.mark.fourth_language
def test_a_french_translator_exports_and_imports_french_only(client, release):
    staff(client, "Translators (fr)")
    assert client.get(EXPORT, {"language": "it", "format": "xliff"}).status_code == 403
    assert client.get(EXPORT, {"language": "fr", "format": "xliff"}).status_code == 200
    assert client.get(IMPORT).status_code == 200

    italian = write_po(export_units("it"), target_language="it")
    before = content_dump()
    response = client.post(IMPORT, {"file": SimpleUploadedFile("it.po", italian)})
    assert response.status_code == 200
    assert "may not translate" in response.content.decode()
    assert content_dump() == before

    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", data)}, follow=True)
    assert response.status_code == 200
    assert "1 field updated" in response.content.decode()
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_upload_page_says_which_translations_changed_since_the_export(client, release):
    staff(client, "Translators (fr)")
    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    release.title_fr = "Ampere commence"
    release.save()

    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", data)}, follow=True)

    page = response.content.decode()
    assert "1 skipped because someone changed the translation since the export" in page
    assert uid(release, "title") in page
    release.refresh_from_db()
    assert release.title_fr == "Ampere commence"


@pytest.mark.urls("tests.translations.exchange_urls")
def test_a_broken_upload_shows_errors_not_a_500(client, release):
    staff(client, "Translators (fr)")
    for content in (b"\x00\xff<<", b"<xliff", b'msgid "a"\nnonsense'):
        response = client.post(IMPORT, {"file": SimpleUploadedFile("x.xlf", content)})
        assert response.status_code == 200
        assert 'class="errorlist"' in response.content.decode()
    response = client.post(IMPORT, {})
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


@pytest.mark.urls("tests.translations.exchange_urls")
def test_an_upload_over_5_mb_is_refused(client, release):
    staff(client, "Translators (fr)")
    big = SimpleUploadedFile("big.xlf", b"<" + b" " * (5 * 1024 * 1024 + 1))
    response = client.post(IMPORT, {"file": big})
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()


@pytest.mark.urls("tests.translations.exchange_urls")
def test_staff_without_languages_gets_403(client, release):
    staff(client)
    assert client.get(EXPORT, {"language": "fr", "format": "xliff"}).status_code == 403
    assert client.get(IMPORT).status_code == 403
    client.logout()
    assert client.get(EXPORT, {"language": "fr"}).status_code == 302  # admin login
