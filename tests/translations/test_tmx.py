"""
TMX 1.4 export and import of the translation memory (translations.tmx):
a valid file that an independent reader (translate-toolkit) reads, a round
trip that loses nothing, an import that merges, and bad files refused with
a message, in the commands and the admin.
"""

import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from translate.storage import tmx as toolkit_tmx

from tests.factories import PressReleaseFactory
from translations.models import MemoryEntry
from translations.tmx import TmxRefused, import_tmx, read_tmx, write_tmx

pytestmark = pytest.mark.django_db

BODY_EN = "<p>The <strong>R5</strong> is back &amp; electric. It costs €25,000.</p>"
BODY_FR = "<p>La <strong>R5</strong> revient &amp; électrique. Elle coûte 25\u202f000\u00a0€.</p>"


@pytest.fixture
def stocked():
    return PressReleaseFactory(
        title_en='Renault <5> "Turbo"',
        title_fr="Renault <5> « Turbo »",
        title_it="",
        summary_en="",
        body_en=BODY_EN,
        body_fr=BODY_FR,
    )


def contents():
    return sorted(
        MemoryEntry.objects.values_list(
            "source_language", "target_language", "source_text", "target_text", "markup"
        )
    )


def test_the_export_is_tmx_1_4_with_its_header(stocked):
    root = etree.fromstring(write_tmx(MemoryEntry.objects.all()))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang"):
        assert header.get(attribute)
    assert header.get("srclang") == "en" and header.get("datatype") == "html"
    units = root.findall("body/tu")
    assert len(units) == MemoryEntry.objects.count()
    seg = next(unit.find("tuv/seg") for unit in units if unit.find("tuv/seg/bpt") is not None)
    # The tags are inline elements holding the original tag, paired by i.
    assert [(e.tag, e.get("i"), e.text) for e in seg] == [
        ("bpt", "1", "<strong>"),
        ("ept", "1", "</strong>"),
    ]
    assert seg.text == "The " and seg[1].tail == " is back & electric."


def test_translate_toolkit_reads_our_file(stocked):
    store = toolkit_tmx.tmxfile.parsestring(write_tmx(MemoryEntry.objects.all()))
    units = {unit.source: unit.target for unit in store.units}
    assert units['Renault <5> "Turbo"'] == "Renault <5> « Turbo »"
    assert units["It costs €25,000."] == "Elle coûte 25\u202f000\u00a0€."
    assert len(store.units) == MemoryEntry.objects.count()


def test_a_round_trip_gives_back_the_same_memory(stocked):
    before = contents()
    data = write_tmx(MemoryEntry.objects.all())
    MemoryEntry.objects.all().delete()
    report = import_tmx(data)
    assert report.created == len(before)
    assert contents() == before
    # Imported entries have no origin.
    assert not MemoryEntry.objects.filter(content_type__isnull=False).exists()


def test_an_import_merges_without_duplicates(stocked):
    count = MemoryEntry.objects.count()
    data = write_tmx(MemoryEntry.objects.all())
    report = import_tmx(data)
    assert (report.created, report.updated, report.unchanged) == (0, 0, count)
    assert MemoryEntry.objects.count() == count
    # A new translation of an imported segment replaces it.
    changed = data.replace("Elle coûte".encode(), b"Son prix est de")
    report = import_tmx(changed)
    assert (report.created, report.updated) == (1, 0)  # the site's own entry stays
    report = import_tmx(changed.replace(b"Son prix", b"Le prix"))
    assert (report.created, report.updated) == (0, 1)
    assert MemoryEntry.objects.count() == count + 1


def test_a_dry_run_changes_nothing(stocked):
    data = write_tmx(MemoryEntry.objects.all())
    MemoryEntry.objects.all().delete()
    report = import_tmx(data, dry_run=True)
    assert report.created > 0 and report.dry_run
    assert not MemoryEntry.objects.exists()


def test_a_foreign_file_with_codes_and_regions_is_read():
    data = b"""<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="X" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>Press <bpt i="1">{b}</bpt>here<ept i="1">{/b}</ept></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Appuyez <bpt i="1">{b}</bpt>ici<ept i="1">{/b}</ept></seg></tuv>
<tuv xml:lang="de-DE"><seg>Hier</seg></tuv></tu></body></tmx>"""
    assert read_tmx(data) == [
        ("en", "fr", "Press here", "Appuyez ici", False),
        ("en", "de", "Press here", "Hier", False),
    ]
    report = import_tmx(data)
    assert (report.created, report.skipped) == (1, 1)  # no German on this site


def test_imported_html_goes_through_the_allow_list():
    data = b"""<tmx version="1.4"><header srclang="en" datatype="html"/><body><tu>
<tuv xml:lang="en"><seg>Hi <ph>&lt;script&gt;alert(1)&lt;/script&gt;</ph>there</seg></tuv>
<tuv xml:lang="fr"><seg>Salut <ph>&lt;img src=x onerror=alert(1)&gt;</ph>toi</seg></tuv>
</tu></body></tmx>"""
    ((_source_lang, _target_lang, source, target, markup),) = read_tmx(data)
    assert markup and "script" not in source and "onerror" not in target


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<tmx><header", "not well-formed XML"),
        (b"<xliff version='1.2'/>", "not a TMX file"),
        (b"<tmx version='1.4'><body/></tmx>", "<header> and a <body>"),
        (
            b"<tmx version='1.4'><header srclang='en'/><body><tu>"
            b"<tuv xml:lang='fr'><seg>x</seg></tuv></tu></body></tmx>",
            "no <tuv> in its source language (en)",
        ),
        (
            b"<tmx version='1.4'><header srclang='en'/><body><tu>"
            b"<tuv xml:lang='en'><seg>x</seg></tuv><tuv><seg>y</seg></tuv></tu></body></tmx>",
            "needs xml:lang",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<tmx version='1.4'><header srclang='en'/><body><tu><tuv xml:lang='en'>"
            b"<seg>&e;</seg></tuv><tuv xml:lang='fr'><seg>x</seg></tuv></tu></body></tmx>",
            None,
        ),
    ],
)
def test_bad_files_are_refused_with_a_message(data, message):
    if message is None:
        # External entities are not read: the file brings no /etc/passwd.
        units = read_tmx(data)
        assert "root:" not in units[0][2]
        return
    with pytest.raises(TmxRefused) as refused:
        read_tmx(data)
    assert message in str(refused.value)
    assert not MemoryEntry.objects.exists()


def test_the_commands_round_trip(stocked, tmp_path, capsys):
    before = contents()
    path = tmp_path / "memory.tmx"
    call_command("export_tmx", "--output", str(path))
    MemoryEntry.objects.all().delete()
    call_command("import_tmx", str(path), "--dry-run")
    assert "Dry run" in capsys.readouterr().out
    assert not MemoryEntry.objects.exists()
    call_command("import_tmx", str(path))
    assert contents() == before
    capsys.readouterr()
    call_command("export_tmx", "--language", "it")
    italian = capsys.readouterr().out
    assert "<tu " in italian and 'xml:lang="fr"' not in italian


def test_the_import_command_refuses_a_bad_file(tmp_path):
    path = tmp_path / "bad.tmx"
    path.write_bytes(b"<tmx")
    with pytest.raises(CommandError, match="not well-formed"):
        call_command("import_tmx", str(path))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_tmx", str(tmp_path / "missing.tmx"))


def test_rebuild_command(stocked, capsys):
    count = MemoryEntry.objects.count()
    MemoryEntry.objects.all().delete()
    call_command("rebuild_translation_memory")
    assert f"{count} segments" in capsys.readouterr().out
    assert MemoryEntry.objects.count() == count
