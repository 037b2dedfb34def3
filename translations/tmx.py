"""
The translation memory as TMX 1.4, the exchange format of translation
memories, so that it moves to and from CAT tools (memoQ, Trados, OmegaT).

Export writes every entry as a `<tu>` with one `<tuv xml:lang>` per
language. Entries from rich text keep their inline markup as TMX inline
elements, as CAT tools expect: a pair of tags as `<bpt>`/`<ept>` holding
the original tag, a lone tag (`<br>`) as `<ph>`; plain entries say
`datatype="plaintext"`.

Import merges: a segment the memory already translates the same way is left
as it is, one it holds from an earlier import gets the new translation,
others are added, without an origin. The whole file is read and checked
first; a malformed one raises `TmxRefused` with what is wrong and changes
nothing. A dry run reports what an import would do.
"""

from dataclasses import dataclass, field
from html import escape, unescape

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from renaulution.richtext import sanitize_html

from .memory import TAG_RE, VOID_TAGS, canonical_html, new_entry
from .models import MemoryEntry
from .registry import languages

TMX_VERSION = "1.4"
CREATION_TOOL = "Renaulution"
CREATION_TOOL_VERSION = "1"
# A memory of the whole site is a few MB; a larger file is not ours to merge.
MAX_FILE_SIZE = 20 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INLINE_CODES = {"bpt", "ept", "ph", "it"}


class TmxRefused(Exception):
    """The file cannot be imported; nothing changed. `.errors` says why."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))


@dataclass
class TmxReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    dry_run: bool = False
    languages: set = field(default_factory=set)


# Export


def write_tmx(entries):
    """TMX 1.4 bytes for `entries` (MemoryEntry instances)."""
    entries = list(entries)
    sources = {entry.source_language for entry in entries}
    root = etree.Element("tmx", version=TMX_VERSION)
    etree.SubElement(
        root,
        "header",
        creationtool=CREATION_TOOL,
        creationtoolversion=CREATION_TOOL_VERSION,
        segtype="sentence",
        **{"o-tmf": "Renaulution translation memory"},
        adminlang="en",
        # One source language, or each unit says its own.
        srclang=sources.pop() if len(sources) == 1 else "*all*",
        datatype="html",
        creationdate=_utc(timezone.now()),
    )
    body = etree.SubElement(root, "body")
    for entry in entries:
        unit = etree.SubElement(
            body,
            "tu",
            tuid=str(entry.pk),
            srclang=entry.source_language,
            datatype="html" if entry.markup else "plaintext",
            changedate=_utc(entry.updated_at),
        )
        if entry.content_type_id:
            prop = etree.SubElement(unit, "prop", type="x-origin")
            label = f"{entry.content_type.app_label}.{entry.content_type.model}"
            prop.text = f"{label}:{entry.object_id}:{entry.field}"
        for language, text in (
            (entry.source_language, entry.source_text),
            (entry.target_language, entry.target_text),
        ):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: language})
            _write_segment(etree.SubElement(variant, "seg"), text, entry.markup)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _utc(moment):
    return moment.astimezone(timezone.get_fixed_timezone(0)).strftime("%Y%m%dT%H%M%SZ")


def _write_segment(seg, text, markup):
    if not markup:
        seg.text = text
        return
    last = None  # the element whose tail takes the next text
    opened = []
    number = 0

    def add_text(piece):
        if last is None:
            seg.text = (seg.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece

    for piece in TAG_RE.split(text):
        if not piece:
            continue
        if not piece.startswith("<"):
            add_text(unescape(piece))
            continue
        name = piece.strip("</>").split()[0].lower() if piece.strip("</>") else ""
        if piece.startswith("</") and opened and opened[-1][0] == name:
            _name, index = opened.pop()
            last = etree.SubElement(seg, "ept", i=str(index))
        elif piece.startswith("</") or name in VOID_TAGS or piece.endswith("/>"):
            last = etree.SubElement(seg, "ph")
        else:
            number += 1
            opened.append((name, number))
            last = etree.SubElement(seg, "bpt", i=str(number), type=name)
        last.text = piece
    # A tag left open (not from our segments, which are balanced): isolated.
    for element in seg:
        if element.tag == "bpt" and any(element.get("i") == str(i) for _n, i in opened):
            element.tag = "it"
            element.attrib.pop("i")
            element.set("pos", "begin")


# Import


def read_tmx(data):
    """[(source language, target language, source text, target text, markup)], or TmxRefused."""
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_FILE_SIZE:
        raise TmxRefused([_("The file is larger than 20 MB.")])
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        message = _("The file is not well-formed XML: %(error)s") % {"error": error}
        raise TmxRefused([message]) from None
    if root.tag != "tmx":
        raise TmxRefused([_("This is not a TMX file: its root element is not <tmx>.")])
    header, body = root.find("header"), root.find("body")
    if header is None or body is None:
        raise TmxRefused([_("A TMX file needs a <header> and a <body>.")])
    header_source = header.get("srclang", "")
    header_type = header.get("datatype", "")
    errors, units = [], []
    for unit in body.iter("tu"):
        where = _("unit on line %(line)s") % {"line": unit.sourceline}
        source_lang = _language(unit.get("srclang") or header_source)
        variants = {}
        for variant in unit.findall("tuv"):
            language = _language(variant.get(XML_LANG) or variant.get("lang") or "")
            seg = variant.find("seg")
            if not language or seg is None:
                errors.append(
                    _("%(unit)s: each <tuv> needs xml:lang and a <seg>.") % {"unit": where}
                )
                continue
            variants[language] = seg
        if source_lang not in variants:
            errors.append(
                _("%(unit)s: no <tuv> in its source language (%(language)s).")
                % {"unit": where, "language": source_lang or "?"}
            )
            continue
        markup = (unit.get("datatype") or header_type).lower() in {"html", "xhtml", "xml"}
        source = _read_segment(variants[source_lang], markup)
        for language, seg in variants.items():
            if language != source_lang:
                units.append((source_lang, language, source, _read_segment(seg, markup), markup))
        if len(errors) >= 20:
            break
    if errors:
        raise TmxRefused(errors)
    return units


def _language(code):
    """ "fr-FR" → "fr": the site's languages have no region."""
    return code.split("-")[0].split("_")[0].lower() if code and code != "*all*" else code


def _read_segment(seg, markup):
    """The segment's text, its inline codes put back as the tags they stand for."""
    parts = [seg.text or ""] if not markup else [escape(seg.text or "", quote=False)]
    for child in seg:
        if child.tag in INLINE_CODES:
            if markup:
                parts.append("".join(child.itertext()))
        elif child.tag == "hi":
            text = "".join(child.itertext())
            parts.append(escape(text, quote=False) if markup else text)
        tail = child.tail or ""
        parts.append(escape(tail, quote=False) if markup else tail)
    text = "".join(parts)
    # Codes from another tool are not trusted HTML: the editor's allow-list decides.
    return canonical_html(sanitize_html(text)) if markup else text


def import_tmx(data, *, allowed_languages=None, dry_run=False):
    """Merge the units of `data` into the memory; a TmxReport. Raises TmxRefused."""
    units = read_tmx(data)
    allowed = set(allowed_languages or languages()) & set(languages())
    site = set(languages())
    report = TmxReport(dry_run=dry_run)
    wanted = {}
    for source_lang, target_lang, source, target, markup in units:
        entry = None
        if source_lang in site and target_lang in allowed:
            entry = new_entry(source, target, markup, source_lang, target_lang)
        if entry is None:
            report.skipped += 1
            continue
        wanted[(source_lang, target_lang, entry.source_hash)] = entry
    existing = {}
    hashes = {key[2] for key in wanted}
    for entry in MemoryEntry.objects.filter(source_hash__in=hashes).only(
        "source_language", "target_language", "source_hash", "target_text", "content_type"
    ):
        existing.setdefault(
            (entry.source_language, entry.target_language, entry.source_hash), []
        ).append(entry)
    to_create, to_update = [], []
    for key, new in wanted.items():
        known = existing.get(key, [])
        if any(entry.target_text == new.target_text for entry in known):
            report.unchanged += 1
            continue
        imported = next((entry for entry in known if entry.content_type_id is None), None)
        if imported is None:
            to_create.append(new)
        else:
            imported.source_text, imported.target_text, imported.markup = (
                new.source_text,
                new.target_text,
                new.markup,
            )
            to_update.append(imported)
        report.languages.add(key[1])
    report.created, report.updated = len(to_create), len(to_update)
    if not dry_run:
        with transaction.atomic():
            MemoryEntry.objects.bulk_create(to_create, batch_size=1000)
            for entry in to_update:
                entry.save(update_fields=["source_text", "target_text", "markup", "updated_at"])
    return report


def export_entries(target_languages=None):
    """The entries a TMX export holds: into `target_languages`, or all."""
    entries = MemoryEntry.objects.select_related("content_type").order_by(
        "source_language", "target_language", "normalized", "pk"
    )
    if target_languages is not None:
        entries = entries.filter(target_language__in=list(target_languages))
    return entries


def tmx_file_name(target_language=None):
    suffix = f"-{target_language}" if target_language else ""
    return f"renaulution-memory{suffix}.tmx"
