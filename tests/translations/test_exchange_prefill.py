"""
XLIFF targets pre-filled from the translation memory's exact matches, as CAT
tools pre-translate: off by default, written to review
(state="needs-review-translation", state-qualifier="leveraged-tm"), read by
translate-toolkit, and never imported as current until the translator
marked them done.
"""

from io import StringIO

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from translate.storage import xliff

from tests.factories import PressReleaseFactory
from tests.translations.test_exchange import EXPORT, IMPORT, staff, uid, xliff_units
from translations.exchange import (
    XLIFF_NS,
    export_units,
    import_translations,
    write_po,
    write_xliff,
)
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def remembered():
    """A translated release: its French title and body sentences are in the memory."""
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        body_en="<p>The plant opens in <strong>Douai</strong>. It builds cars.</p>",
        body_fr="<p>L'usine ouvre à <strong>Douai</strong>. Elle produit des voitures.</p>",
    )


@pytest.fixture
def new(remembered):
    """A release in English only whose title and body the memory holds exactly."""
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        summary_en="Nothing the memory knows.",
        summary_fr="",
        body_en="<p>The plant opens in <strong>Douai</strong>. It builds cars.</p>",
        body_fr="",
        image_alt_en="",
    )


def target_element(unit):
    return unit.xmlelement.find(f"{{{XLIFF_NS}}}target")


def prefilled_xliff(language="fr", segment=False):
    return write_xliff(
        export_units(language, segment=segment, prefill=True), target_language=language
    )


def test_a_prefilled_unit_carries_the_memorys_text_to_review(new):
    units = xliff_units(prefilled_xliff())
    title = units[uid(new, "title")]
    assert title.target == "Ampere démarre"
    target = target_element(title)
    assert target.get("state") == "needs-review-translation"
    assert target.get("state-qualifier") == "leveraged-tm"
    # translate-toolkit sees it as a translation still to review.
    assert not title.isapproved() and title.isfuzzy()


def test_a_unit_without_an_exact_match_stays_empty(new):
    summary = xliff_units(prefilled_xliff())[uid(new, "summary")]
    assert not summary.target
    assert target_element(summary) is None


def test_prefill_is_off_by_default(new):
    data = write_xliff(export_units("fr"), target_language="fr")
    assert not xliff_units(data)[uid(new, "title")].target
    assert b"leveraged-tm" not in data


def test_po_never_carries_a_prefill(new):
    po = polib.pofile(write_po(export_units("fr", prefill=True), target_language="fr").decode())
    assert {entry.msgctxt: entry.msgstr for entry in po}[uid(new, "title")] == ""


def test_a_current_translation_is_exported_as_it_is_not_prefilled(remembered):
    title = xliff_units(prefilled_xliff())[uid(remembered, "title")]
    assert title.target == "Ampere démarre"
    assert target_element(title).get("state") == "translated"
    assert target_element(title).get("state-qualifier") is None


def test_prefilled_rich_text_has_the_sources_inline_elements(new):
    body = xliff_units(prefilled_xliff())[uid(new, "body")]
    # The sentences' translations joined, inside the source's paragraph.
    assert body.target == "L'usine ouvre à Douai. Elle produit des voitures."
    target = target_element(body)
    source = body.xmlelement.find(f"{{{XLIFF_NS}}}source")
    shape = [(e.tag, e.get("id"), e.get("ctype")) for e in source.iter() if e is not source]
    assert [(e.tag, e.get("id"), e.get("ctype")) for e in target.iter() if e is not target] == shape
    assert [type(node).__name__ for node in body.rich_target[0].sub] == ["G"]


@pytest.fixture
def two_blocks(remembered):
    """A release to translate whose body's first block the memory holds, not its second."""
    return PressReleaseFactory(
        title_en="Something else",
        title_fr="",
        body_en="<p>The plant opens in <strong>Douai</strong>. It builds cars.</p><p>New.</p>",
        body_fr="",
    )


def test_segmented_export_prefills_each_block(two_blocks):
    release = two_blocks
    units = xliff_units(prefilled_xliff(segment=True))
    first, second = units[uid(release, "body") + "#1"], units[uid(release, "body") + "#2"]
    assert first.target == "L'usine ouvre à Douai. Elle produit des voitures."
    assert target_element(first).get("state-qualifier") == "leveraged-tm"
    assert not second.target


def test_prefill_costs_one_query_whatever_the_number_of_units(new):
    for n in range(5):
        PressReleaseFactory(title_en="Ampere starts", title_fr="", body_en=f"<p>Text {n}.</p>")
    with CaptureQueriesContext(connection) as plain:
        export_units("fr")
    with CaptureQueriesContext(connection) as filled:
        units = export_units("fr", prefill=True)
    # One query fetches the exact matches of every empty unit's text.
    assert len(filled) == len(plain) + 1
    assert sum(unit.prefilled for unit in units) >= 6


# Import: a pre-fill left as exported is not a translation


def states(release):
    return {
        row.field: row.state
        for row in FieldTranslation.objects.for_object(release).filter(language="fr")
    }


def test_an_unreviewed_prefill_is_skipped_on_import_and_reported(new):
    report = import_translations(prefilled_xliff())
    assert report.errors == [] and report.updated == 0
    assert sorted(report.skipped_unreviewed) == [uid(new, "body"), uid(new, "title")]
    new.refresh_from_db()
    assert (new.title_fr, new.body_fr) == ("", "")
    assert states(new)["title"] == State.MISSING


def test_force_does_not_apply_an_unreviewed_prefill(new):
    report = import_translations(prefilled_xliff(), force=True)
    assert uid(new, "title") in report.skipped_unreviewed
    new.refresh_from_db()
    assert new.title_fr == ""


def test_a_prefill_the_translator_confirmed_is_imported_as_current(new):
    store = xliff.xlifffile.parsestring(prefilled_xliff())
    for unit in store.units:
        if unit.xmlelement.get("id") == uid(new, "title"):
            unit.markapproved(True)  # what "confirm" does in a CAT tool
            target_element(unit).set("state", "translated")
    report = import_translations(bytes(store))
    assert report.updated == 1 and report.skipped_unreviewed == [uid(new, "body")]
    new.refresh_from_db()
    assert new.title_fr == "Ampere démarre" and new.body_fr == ""
    assert states(new)["title"] == State.CURRENT


def test_a_segmented_field_with_an_unreviewed_prefilled_block_is_skipped_whole(two_blocks):
    release = two_blocks
    store = xliff.xlifffile.parsestring(prefilled_xliff(segment=True))
    for unit in store.units:
        if unit.xmlelement.get("id") == uid(release, "body") + "#2":
            unit.target = "Nouveau."
            unit.markapproved(True)
    report = import_translations(bytes(store))
    assert report.errors == []
    assert uid(release, "body") in report.skipped_unreviewed
    release.refresh_from_db()
    assert release.body_fr == ""


# Command and admin


def test_export_command_prefills_on_request_and_refuses_it_for_po(new):
    out = StringIO()
    call_command("export_translations", "--language", "fr", "--prefill", stdout=out)
    assert xliff_units(out.getvalue().encode())[uid(new, "title")].target == "Ampere démarre"
    out = StringIO()
    call_command("export_translations", "--language", "fr", stdout=out)
    assert not xliff_units(out.getvalue().encode())[uid(new, "title")].target
    with pytest.raises(CommandError, match="--prefill is for XLIFF"):
        call_command("export_translations", "--language", "fr", "--format", "po", "--prefill")


def test_import_command_lists_the_unreviewed_prefills(new, tmp_path):
    path = tmp_path / "fr.xlf"
    path.write_bytes(prefilled_xliff())
    out = StringIO()
    call_command("import_translations", str(path), stdout=out)
    assert "2 skipped because their translation was pre-filled" in out.getvalue()
    assert uid(new, "title") in out.getvalue()


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_export_view_prefills_xliff_when_asked(client, new):
    staff(client, "Translators (fr)")
    response = client.get(EXPORT, {"language": "fr", "format": "xliff", "prefill": "1"})
    assert response.status_code == 200
    assert xliff_units(response.content)[uid(new, "title")].target == "Ampere démarre"
    response = client.get(EXPORT, {"language": "fr", "format": "xliff"})
    assert not xliff_units(response.content)[uid(new, "title")].target
    # PO has no state "to review": the option does nothing there.
    response = client.get(EXPORT, {"language": "fr", "format": "po", "prefill": "1"})
    assert response.status_code == 200
    entries = {entry.msgctxt: entry for entry in polib.pofile(response.content.decode())}
    assert entries[uid(new, "title")].msgstr == ""


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_upload_page_lists_the_unreviewed_prefills(client, new):
    staff(client, "Translators (fr)")
    data = prefilled_xliff()
    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", data)}, follow=True)
    page = response.content.decode()
    assert "2 skipped because their translation pre-filled from the memory was not reviewed" in (
        page
    )
    assert uid(new, "title") in page


def test_the_dashboard_offers_the_prefill_option(client):
    staff(client, "Translators (fr)")
    page = client.get(reverse("translations:dashboard")).content.decode()
    assert 'name="prefill" value="1"' in page


@pytest.mark.parametrize("language", ["fr", "it"])
def test_the_prefill_strings_are_translated(language):
    label = "XLIFF: pre-fill empty targets with the translation memory's exact matches, to review"
    with translation.override(language):
        assert gettext(label) != label
