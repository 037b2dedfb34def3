"""
Rich text's tags in exchange files: XLIFF carries them as inline elements a
CAT tool protects (translate-toolkit edits the files here, as one would), an
import rebuilds the HTML from the source's tags and refuses, by unit, a target
whose tags are not the source's; PO is held to the same rule; segmented
exports put a body back together exactly.
"""

import copy
import re
import xml.etree.ElementTree as ElementTree
from io import StringIO

import polib
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from lxml import etree
from translate.storage import po as tt_po
from translate.storage import xliff

from tests.content_snapshot import restore_snapshot
from tests.factories import CompanyFactory, PressReleaseFactory
from tests.translations.test_exchange import (
    IMPORT,
    content_dump,
    refused,
    staff,
    translated_xliff,
    uid,
    xliff_units,
)
from translations.exchange import (
    XLIFF_NS,
    export_units,
    import_translations,
    write_po,
    write_xliff,
)

pytestmark = pytest.mark.django_db

BODY = (
    "<h2>The plan</h2>"
    '<p>Ampere <strong>builds</strong> cars in <a href="https://example.com/douai">Douai</a>.'
    "<br>Since 2023.</p>\n"
    "<ul><li><p>Five sites</p></li><li>Scenic <em>E-Tech</em></li></ul>"
    "<blockquote><p>We <em>move</em> fast.</p></blockquote>"
)
# The texts of BODY in document order, as translate-toolkit splits them.
TEXTS_FR = [
    "Le plan",
    "Ampere ",
    "construit",
    " des voitures à ",
    "Douai",
    ".",
    "Depuis 2023.",
    "\n",
    "Cinq sites",
    "Scénic ",
    "E-Tech",
    "Nous ",
    "avançons",
    " vite.",
]
BODY_FR = (
    "<h2>Le plan</h2>"
    '<p>Ampere <strong>construit</strong> des voitures à <a href="https://example.com/douai">'
    "Douai</a>.<br>Depuis 2023.</p>\n"
    "<ul><li><p>Cinq sites</p></li><li>Scénic <em>E-Tech</em></li></ul>"
    "<blockquote><p>Nous <em>avançons</em> vite.</p></blockquote>"
)


@pytest.fixture
def rich():
    return PressReleaseFactory(
        title_en="Ampere builds",
        title_fr="",
        summary_en="",
        body_en=BODY,
        body_fr="",
        company=CompanyFactory(tagline_en="", tagline_fr="", tagline_it=""),
    )


def body_unit(data, release, segment=None):
    key = uid(release, "body") + (f"#{segment}" if segment else "")
    return xliff_units(data)[key]


def with_target(data, key, inner):
    """The file with the unit `key`'s target replaced by the raw XLIFF `inner`."""
    root = etree.fromstring(data)
    unit = next(unit for unit in root.iter(f"{{{XLIFF_NS}}}trans-unit") if unit.get("id") == key)
    for old in unit.findall(f"{{{XLIFF_NS}}}target"):
        unit.remove(old)
    target = etree.fromstring(f'<target xmlns="{XLIFF_NS}" state="translated">{inner}</target>')
    unit.find(f"{{{XLIFF_NS}}}source").addnext(target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# Export -------------------------------------------------------------------------


def test_rich_text_tags_are_inline_elements_and_attributes_stay_out_of_the_text(rich):
    data = write_xliff(export_units("fr"), target_language="fr")
    unit = body_unit(data, rich)
    source = unit.xmlelement.find(f"{{{XLIFF_NS}}}source")
    tags = [(etree.QName(element).localname, element.get("ctype")) for element in source.iter()]
    assert tags == [
        ("source", None),
        ("g", "x-html-h2"),
        ("g", "x-html-p"),
        ("g", "bold"),
        ("g", "link"),
        ("x", "lb"),
        ("g", "x-html-ul"),
        ("g", "x-html-li"),
        ("g", "x-html-p"),
        ("g", "x-html-li"),
        ("g", "italic"),
        ("g", "x-html-blockquote"),
        ("g", "x-html-p"),
        ("g", "italic"),
    ]
    assert [element.get("id") for element in source.iter()][1:] == [str(n) for n in range(1, 14)]
    # What a translator reads: text only, no href, no escaped HTML.
    assert unit.source == (
        "The planAmpere builds cars in Douai.Since 2023.\nFive sitesScenic E-TechWe move fast."
    )
    assert b"example.com" not in data and b"&lt;" not in data


def test_an_xliff_export_is_valid_xliff_1_2_for_an_independent_reader(rich):
    """The standard library's parser (expat, not lxml) and the XLIFF 1.2 structure rules."""
    rich.body_fr = BODY_FR
    rich.save()
    ns = {"x": XLIFF_NS}
    for segment in (False, True):
        root = ElementTree.fromstring(  # noqa: S314 (our own export, no entities)
            write_xliff(export_units("fr", segment=segment), target_language="fr")
        )
        assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "1.2"
        files = root.findall("x:file", ns)
        assert files
        for file_ in files:
            for required in ("original", "source-language", "datatype"):
                assert file_.get(required), required
            assert [etree.QName(child.tag).localname for child in file_] == ["body"]
            units = file_.findall("x:body/x:trans-unit", ns)
            assert units and len({unit.get("id") for unit in units}) == len(units)
            for unit in units:
                names = [etree.QName(child.tag).localname for child in unit]
                # source, then an optional target, then notes and alternatives.
                assert names[0] == "source"
                assert set(names[1:]) <= {"target", "note", "alt-trans"}
                assert "target" not in names[2:]
                for content in unit.findall("x:source", ns) + unit.findall("x:target", ns):
                    ids = []
                    for element in content.iter():
                        name = etree.QName(element.tag).localname
                        if element is content:
                            continue
                        assert name in {"g", "x", "ph"}, name
                        assert element.get("id"), name
                        ids.append(element.get("id"))
                        ctype = element.get("ctype")
                        if name == "g":
                            assert ctype in {"bold", "italic", "underlined", "link"} or (
                                ctype.startswith("x-")
                            )
                        if name == "x":
                            assert ctype in {"lb", "pb", "image"} or ctype.startswith("x-")
                        if name == "x":
                            assert not len(element) and not element.text
                    assert len(ids) == len(set(ids)), ids


def test_a_current_translation_is_exported_with_the_sources_ids(rich):
    rich.body_fr = BODY_FR
    rich.save()
    data = write_xliff(export_units("fr"), target_language="fr")
    unit = body_unit(data, rich)
    assert unit.rich_target[0].flatten()[0].id == "1"
    source = unit.xmlelement.find(f"{{{XLIFF_NS}}}source")
    target = unit.xmlelement.find(f"{{{XLIFF_NS}}}target")
    assert [e.get("id") for e in target.iter()] == [e.get("id") for e in source.iter()]
    report = import_translations(data)  # back unchanged
    assert (report.updated, report.errors) == (0, [])


def test_a_translation_whose_tags_do_not_fit_is_offered_as_an_alternative(rich):
    """An outdated French body without the source's new bold: a match, not a target."""
    rich.body_fr = "<h2>Le plan</h2><p>Ampere construit.</p>"
    rich.save()
    data = write_xliff(export_units("fr"), target_language="fr")
    unit = body_unit(data, rich)
    assert unit.xmlelement.find(f"{{{XLIFF_NS}}}target") is None
    assert [alt.target for alt in unit.getalttrans()] == ["Le plan\nAmpere construit."]
    before = content_dump()
    assert import_translations(data).errors == []
    assert content_dump() == before


# Round trips ---------------------------------------------------------------------


def test_round_trip_through_translate_toolkit_rebuilds_the_html(rich):
    data = translated_xliff(targets={uid(rich, "body"): TEXTS_FR})
    report = import_translations(data)
    assert (report.updated, report.errors) == (1, [])
    rich.refresh_from_db()
    assert rich.body_fr == BODY_FR


def test_a_translator_may_move_a_tag_within_its_block(rich):
    data = translated_xliff(targets={uid(rich, "body"): TEXTS_FR})
    unit = body_unit(data, rich)
    # "Ampere builds cars" becomes "Chez Ampere, on construit des voitures":
    # the bold goes to the end of its paragraph, its id and parent unchanged.
    target = etree.tostring(unit.xmlelement.find(f"{{{XLIFF_NS}}}target"), encoding="unicode")
    inner = target.split(">", 1)[1].rsplit("<", 1)[0]
    inner = inner.replace(
        'Ampere <g id="3" ctype="bold">construit</g> des voitures à ',
        "À ",
    ).replace("Depuis 2023.</g>", 'Depuis 2023, Ampere y <g id="3" ctype="bold">construit</g>.</g>')
    import_translations(with_target(data, uid(rich, "body"), inner))
    rich.refresh_from_db()
    assert '<p>À <a href="https://example.com/douai">Douai</a>.<br>Depuis 2023, Ampere y ' in (
        rich.body_fr
    )
    assert rich.body_fr.count("<strong>construit</strong>") == 1


def test_round_trip_through_a_po_file_read_and_written_by_translate_toolkit(rich):
    store = tt_po.pofile.parsestring(write_po(export_units("fr"), target_language="fr"))
    unit = next(unit for unit in store.units if unit.getcontext() == uid(rich, "body"))
    assert unit.source == BODY  # PO keeps HTML as text
    unit.target = BODY_FR
    report = import_translations(bytes(store))
    assert (report.updated, report.errors) == (1, [])
    rich.refresh_from_db()
    assert rich.body_fr == BODY_FR


# Broken structures ------------------------------------------------------------------

P = '<g id="2" ctype="x-html-p">'
REST = (
    '<g id="1" ctype="x-html-h2">Le plan</g>{p}'
    '<g id="6" ctype="x-html-ul"><g id="7" ctype="x-html-li"><g id="8" ctype="x-html-p">Cinq'
    '</g></g><g id="9" ctype="x-html-li">Scénic <g id="10" ctype="italic">E-Tech</g></g></g>'
    '<g id="11" ctype="x-html-blockquote"><g id="12" ctype="x-html-p">Nous <g id="13" '
    'ctype="italic">avançons</g>.</g></g>'
)
GOOD_P = (
    P + 'Ampere <g id="3" ctype="bold">construit</g> à <g id="4" ctype="link">Douai</g>.'
    '<x id="5" ctype="lb"/>Depuis 2023.</g>'
)
BROKEN = {
    "missing": (
        P + 'Ampere construit à <g id="4">Douai</g>.<x id="5"/>Depuis 2023.</g>',
        "tag 3 (<strong>) is missing",
    ),
    "extra": (GOOD_P.replace("Depuis", '<g id="14">Depuis</g>'), "tag 14 is not in the source"),
    "duplicated": (
        GOOD_P.replace("Depuis", '<g id="3">encore</g> Depuis'),
        "tag 3 appears more than once",
    ),
    "renamed to an empty tag": (
        GOOD_P.replace('<g id="3" ctype="bold">construit</g>', '<x id="3"/>construit'),
        'tag 3 is <x ctype=> here but <g ctype="bold"> (<strong>) in the source',
    ),
    "renamed by its ctype": (
        GOOD_P.replace('ctype="bold"', 'ctype="italic"'),
        'tag 3 is <g ctype=italic> here but <g ctype="bold"> (<strong>) in the source',
    ),
    "mis-nested": (
        GOOD_P.replace('<g id="3" ctype="bold">construit</g>', "construit")
        + '<g id="3" ctype="bold">!</g>',
        "tag 3 (<strong>) is inside the top level here but inside tag 2 (<p>) in the source",
    ),
    "raw HTML": (
        GOOD_P.replace("Depuis", "&lt;script&gt;alert(1)&lt;/script&gt;Depuis"),
        "raw HTML <script> in the text",
    ),
    "escaped tags": (
        GOOD_P.replace("Depuis", "&amp;lt;strong&amp;gt;Depuis"),
        "raw HTML &lt;strong&gt; in the text",
    ),
    "foreign inline element": (
        GOOD_P.replace("Depuis", '<bpt id="20">&lt;b&gt;</bpt>Depuis'),
        "the element <bpt> is not one this site writes",
    ),
    "an element from another namespace": (
        GOOD_P.replace("Depuis", '<script xmlns="http://www.w3.org/1999/xhtml">x()</script>'),
        "the element <script> is not one this site writes",
    ),
}


def test_the_well_formed_target_of_the_broken_cases_imports(rich):
    data = with_target(translated_xliff(), uid(rich, "body"), REST.format(p=GOOD_P))
    assert import_translations(data).errors == []
    rich.refresh_from_db()
    assert "<strong>construit</strong>" in rich.body_fr


@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_tag_structure_is_refused_naming_the_unit(rich, kind, dry_run):
    paragraph, problem = BROKEN[kind]
    data = with_target(translated_xliff(), uid(rich, "body"), REST.format(p=paragraph))
    errors = refused(rich, data, problem, dry_run=dry_run)
    assert all(
        error.startswith(f'{uid(rich, "body")} (Press release "Ampere builds", body, fr): ')
        for error in errors
    ), errors


def test_a_script_element_written_as_html_in_a_rich_target_is_refused(rich):
    data = translated_xliff(
        targets={
            uid(rich, "title"): "Ampere construit",
            uid(rich, "body"): "<p>x</p><script>y()</script>",
        }
    )
    refused(rich, data, "raw HTML <script> in the text")


def test_tag_errors_are_translated(rich):
    paragraph, _problem = BROKEN["missing"]
    data = with_target(translated_xliff(), uid(rich, "body"), REST.format(p=paragraph))
    with translation.override("fr"):
        errors = refused(rich, data, "la balise 3 (<strong>) manque")
    assert errors == [
        f'{uid(rich, "body")} (Communiqué de presse "Ampere builds", corps du texte, fr)'
        "\u202f: la balise 3 (<strong>) manque"
    ]


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (
            BODY_FR.replace("<strong>construit</strong>", "construit"),
            "<strong> inside <p>: 1 in the source, 0 here",
        ),
        (
            BODY_FR + "<script>alert(1)</script>",
            "<script> inside the top level: 0 in the source, 1 here",
        ),
        (
            BODY_FR.replace("<em>E-Tech</em>", "E-Tech</li><li><em>X</em>"),
            "<li> inside <ul>: 2 in the source, 3 here",
        ),
        (
            BODY_FR.replace("<strong>construit</strong>", "<strong>construit"),
            "</p> closes <strong>",
        ),
        (BODY_FR.replace("</blockquote>", ""), "<blockquote> is never closed"),
        (BODY_FR + "</em>", "</em> closes nothing"),
        (BODY_FR.replace("Depuis", "&lt;em&gt;Depuis"), "escaped HTML <em> in the text"),
    ],
)
def test_a_po_target_whose_tags_differ_from_the_source_is_refused_by_name(rich, target, problem):
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    po.find(uid(rich, "body"), by="msgctxt").msgstr = target
    errors = refused(rich, str(po).encode(), problem)
    assert errors[0].startswith(f'{uid(rich, "body")} (Press release "Ampere builds", body, fr): ')


# Dry run in the browser -----------------------------------------------------------------


@pytest.mark.urls("tests.translations.exchange_urls")
def test_the_browser_dry_run_shows_the_findings_and_changes_nothing(client, rich):
    staff(client, "Translators (fr)")
    good = translated_xliff(targets={uid(rich, "body"): TEXTS_FR})
    before = content_dump()
    response = client.post(
        IMPORT, {"file": SimpleUploadedFile("fr.xlf", good), "dry_run": "on"}, follow=True
    )
    page = response.content.decode()
    assert "Dry run, nothing was changed: 1 field would be updated" in page
    assert "1 fields would be updated, 0 unchanged" in page
    assert content_dump() == before

    paragraph, problem = BROKEN["missing"]
    broken = with_target(translated_xliff(), uid(rich, "body"), REST.format(p=paragraph))
    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", broken), "dry_run": "on"})
    page = response.content.decode()
    assert 'class="errorlist"' in page and "Dry run: the file was checked" in page
    assert "tag 3 (&lt;strong&gt;) is missing" in page
    assert uid(rich, "body") in page
    assert content_dump() == before

    response = client.post(IMPORT, {"file": SimpleUploadedFile("fr.xlf", good)}, follow=True)
    assert "1 field updated" in response.content.decode()
    rich.refresh_from_db()
    assert rich.body_fr == BODY_FR


# Segments ---------------------------------------------------------------------------------


def segment_ids(units, release):
    return [unit.id for unit in units if unit.id.startswith(uid(release, "body"))]


def test_a_segmented_export_has_one_unit_per_block_in_order(rich):
    units = export_units("fr", segment=True)
    assert segment_ids(units, rich) == [f"{uid(rich, 'body')}#{n}" for n in range(1, 6)]
    by_id = {unit.id: unit for unit in units}
    assert [by_id[f"{uid(rich, 'body')}#{n}"].source for n in range(1, 6)] == [
        "The plan",
        'Ampere <strong>builds</strong> cars in <a href="https://example.com/douai">Douai</a>.'
        "<br>Since 2023.",
        "Five sites",
        "Scenic <em>E-Tech</em>",
        "We <em>move</em> fast.",
    ]
    assert "segment 1 of 5, <h2>" in by_id[f"{uid(rich, 'body')}#1"].note
    assert "segment 2 of 5, <p>" in by_id[f"{uid(rich, 'body')}#2"].note
    assert uid(rich, "title") in by_id  # plain text stays whole


SEGMENTS_FR = [
    ["Le plan"],
    ["Ampere ", "construit", " des voitures à ", "Douai", ".", "Depuis 2023."],
    ["Cinq sites"],
    ["Scénic ", "E-Tech"],
    ["Nous ", "avançons", " vite."],
]


def segment_targets(release, texts):
    return {f"{uid(release, 'body')}#{n}": piece for n, piece in enumerate(texts, start=1)}


def test_a_segmented_round_trip_through_translate_toolkit_is_exact(rich):
    same = segment_targets(rich, [[*piece] for piece in SEGMENTS_FR])
    report = import_translations(translated_xliff(targets=same, segment=True))
    assert report.errors == []
    rich.refresh_from_db()
    assert rich.body_fr == BODY_FR.replace("Depuis 2023.</p>\n", "Depuis 2023.</p>\n")
    # Byte for byte: a body "translated" with its own texts comes back as itself.
    source_texts = [
        ["The plan"],
        ["Ampere ", "builds", " cars in ", "Douai", ".", "Since 2023."],
        ["Five sites"],
        ["Scenic ", "E-Tech"],
        ["We ", "move", " fast."],
    ]
    italian = translated_xliff("it", targets=segment_targets(rich, source_texts), segment=True)
    import_translations(italian)
    rich.refresh_from_db()
    assert rich.body_it == rich.body_en == BODY


def test_a_segmented_export_of_a_current_translation_re_imports_unchanged(rich):
    rich.body_fr = BODY_FR
    rich.save()
    data = write_xliff(export_units("fr", segment=True), target_language="fr")
    assert body_unit(data, rich, 2).target == "Ampere construit des voitures à Douai.Depuis 2023."
    before = content_dump()
    report = import_translations(data)
    assert (report.updated, report.errors) == (0, [])
    assert content_dump() == before


def test_a_segmented_po_round_trip_is_exact(rich):
    po = polib.pofile(write_po(export_units("fr", segment=True), target_language="fr").decode())
    fr = BODY_FR.split("</h2>")
    for number, text in enumerate(
        [
            "Le plan",
            fr[1].split("<p>")[1].split("</p>")[0],
            "Cinq sites",
            "Scénic <em>E-Tech</em>",
            "Nous <em>avançons</em> vite.",
        ],
        start=1,
    ):
        po.find(f"{uid(rich, 'body')}#{number}", by="msgctxt").msgstr = text
    assert import_translations(str(po).encode()).errors == []
    rich.refresh_from_db()
    assert rich.body_fr == BODY_FR


def drop_unit(data, key):
    root = etree.fromstring(data)
    for unit in list(root.iter(f"{{{XLIFF_NS}}}trans-unit")):
        if unit.get("id") == key:
            unit.getparent().remove(unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_a_missing_segment_is_refused_by_name(rich):
    data = translated_xliff(targets=segment_targets(rich, SEGMENTS_FR), segment=True)
    errors = refused(rich, drop_unit(data, f"{uid(rich, 'body')}#3"), "segment 3 of 5 is missing")
    assert errors[0].startswith(f'{uid(rich, "body")}#3 (Press release "Ampere builds", body, fr)')


def test_an_extra_segment_is_refused_by_name(rich):
    data = translated_xliff(targets=segment_targets(rich, SEGMENTS_FR), segment=True)
    root = etree.fromstring(data)
    last = next(
        unit
        for unit in root.iter(f"{{{XLIFF_NS}}}trans-unit")
        if unit.get("id") == f"{uid(rich, 'body')}#5"
    )
    extra = copy.deepcopy(last)
    extra.set("id", f"{uid(rich, 'body')}#6")
    last.addnext(extra)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    errors = refused(rich, data, "there is no segment 6: the source has 5")
    assert errors[0].startswith(f"{uid(rich, 'body')}#6 ")


def test_a_partly_translated_segmented_field_is_refused(rich):
    targets = segment_targets(rich, SEGMENTS_FR)
    del targets[f"{uid(rich, 'body')}#4"]
    refused(
        rich,
        translated_xliff(targets=targets, segment=True),
        "segments #4 have no translation",
    )


def test_a_broken_segment_is_refused_with_its_number(rich):
    data = translated_xliff(targets=segment_targets(rich, SEGMENTS_FR), segment=True)
    key = f"{uid(rich, 'body')}#2"
    data = with_target(data, key, 'Ampere construit <x id="3"/>')
    errors = refused(rich, data, "tag 1 (<strong>) is missing")
    assert all(error.startswith(f"{key} (") for error in errors)


def test_the_export_command_and_the_browser_export_segment(client, rich, settings):
    out = StringIO()
    call_command("export_translations", "--language", "fr", "--segment", stdout=out)
    assert f"{uid(rich, 'body')}#5" in xliff_units(out.getvalue().encode())
    staff(client, "Editors")
    export = reverse("translations:export")
    response = client.get(export, {"language": "fr", "format": "po", "segment": "1"})
    ids = {entry.msgctxt for entry in polib.pofile(response.content.decode())}
    assert f"{uid(rich, 'body')}#5" in ids and uid(rich, "body") not in ids
    dashboard = client.get(reverse("translations:dashboard")).content.decode()
    assert 'name="segment" value="1"' in dashboard


def test_tags_without_their_ctype_are_accepted(rich):
    """Some CAT tools keep only a tag's id: the id is what the import reads."""
    inner = re.sub(r' ctype="[^"]*"', "", REST.format(p=GOOD_P))
    assert "ctype" not in inner
    assert (
        import_translations(with_target(translated_xliff(), uid(rich, "body"), inner)).errors == []
    )
    rich.refresh_from_db()
    assert '<a href="https://example.com/douai">Douai</a>' in rich.body_fr


def test_a_po_file_with_an_outdated_translation_whose_tags_differ_re_imports_unchanged(rich):
    """Only a changed translation is checked: the exported one is left as it is."""
    rich.body_fr = "<p>Ancien corps, sans les balises de la source.</p>"
    rich.save()
    before = content_dump()
    report = import_translations(write_po(export_units("fr"), target_language="fr"))
    assert (report.updated, report.errors) == (0, [])
    assert content_dump() == before


def test_the_import_commands_dry_run_names_the_broken_unit(rich, tmp_path):
    paragraph, _problem = BROKEN["mis-nested"]
    path = tmp_path / "fr.xlf"
    path.write_bytes(with_target(translated_xliff(), uid(rich, "body"), REST.format(p=paragraph)))
    before = content_dump()
    with pytest.raises(CommandError) as failure:
        call_command("import_translations", str(path), "--dry-run")
    assert f'{uid(rich, "body")} (Press release "Ampere builds", body, fr): tag 3' in str(
        failure.value
    )
    assert content_dump() == before


def test_an_outdated_segmented_translation_is_offered_block_by_block(rich):
    """Same blocks, but a block's tags changed in the source: references, no targets."""
    rich.body_fr = BODY_FR.replace("<strong>construit</strong>", "construit")
    rich.save()
    data = write_xliff(export_units("fr", segment=True), target_language="fr")
    units = [body_unit(data, rich, n) for n in range(1, 6)]
    assert all(unit.xmlelement.find(f"{{{XLIFF_NS}}}target") is None for unit in units)
    assert [alt.target for alt in units[0].getalttrans()] == ["Le plan"]
    assert import_translations(data).errors == []


def test_segments_of_a_plain_field_or_a_field_both_whole_and_cut_are_refused(rich):
    data = translated_xliff(
        targets={uid(rich, "title"): "Ampere construit"},
        ids={uid(rich, "title"): f"{uid(rich, 'title')}#1"},
    )
    refused(rich, data, "plain text is never cut into segments")
    whole = translated_xliff(targets={uid(rich, "body"): TEXTS_FR})
    cut = translated_xliff(targets=segment_targets(rich, SEGMENTS_FR), segment=True)
    root, other = etree.fromstring(whole), etree.fromstring(cut)
    body = root.find(f".//{{{XLIFF_NS}}}body")
    for unit in other.iter(f"{{{XLIFF_NS}}}trans-unit"):
        if "#" in unit.get("id"):
            body.append(copy.deepcopy(unit))
    refused(
        rich,
        etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
        "the file has this field both whole and in segments",
    )


def test_a_source_stored_with_a_tag_left_open_still_exports_and_imports(rich):
    """A bulk update skips the sanitizer: the export reads it as the sanitizer would."""
    type(rich).objects.filter(pk=rich.pk).update(body_en="<p>Ampere <strong>builds")
    data = translated_xliff(targets={uid(rich, "body"): ["Ampere ", "construit"]})
    assert b'<g id="1" ctype="x-html-p">Ampere <g id="2" ctype="bold">builds</g></g>' in data
    assert import_translations(data).errors == []
    rich.refresh_from_db()
    assert rich.body_fr == "<p>Ampere <strong>construit</strong></p>"


# The shipped content --------------------------------------------------------------------


@pytest.mark.parametrize("segment", [False, True])
def test_every_shipped_rich_text_comes_back_exactly(content_snapshot, settings, segment):
    """
    Every rich text of the shipped content, exported, "translated" in
    translate-toolkit with its own tags and texts, imported: byte for byte
    the source. And the shipped translations re-import unchanged.
    """
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)
    units = export_units("fr", segment=segment)
    rich = [unit for unit in units if unit.rich_text]
    assert len(rich) > 20
    before = content_dump()
    report = import_translations(write_xliff(units, target_language="fr"))
    assert (report.updated, report.errors) == (0, [])
    assert content_dump() == before

    store = xliff.xlifffile.parsestring(write_xliff(rich, target_language="fr"))
    for unit in store.units:
        unit.rich_target = copy.deepcopy(unit.rich_source)
    report = import_translations(bytes(store))
    assert report.errors == [] and report.skipped_changed_target == []
    fields = {(unit.model_label, unit.object_id, unit.field, unit.source_language) for unit in rich}
    for label, pk, name, source in fields:
        obj = apps.get_model(label)._base_manager.get(pk=pk)
        assert getattr(obj, f"{name}_fr") == getattr(obj, f"{name}_{source}"), (label, pk, name)
