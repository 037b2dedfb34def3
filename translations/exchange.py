"""
Exchange files with translation tools: XLIFF 1.2 (memoQ, Trados, OmegaT,
Weblate…) and gettext PO.

One unit per translatable field of every object, with a stable id
(`companies.pressrelease:12:body`), the source text, the current target if
any, a note saying which object and field it is, and the hash of the source
at export time. An import validates the whole file first and applies it in
one transaction, or applies nothing; units whose source changed since the
export are skipped unless forced.
"""

import re
from dataclasses import dataclass, field

import polib
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from lxml import etree

from renaulution.richtext import RichTextField, sanitize_html

from .models import FieldTranslation, State
from .registry import (
    languages,
    model_by_label,
    source_language,
    translatable_fields,
    translatable_models,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
HASH_NOTE = "renaulution-source-hash"
UNIT_ID = re.compile(r"^(?P<label>[a-z_]+\.[a-z_]+):(?P<pk>\d+):(?P<field>[a-z_]+)$")
XLIFF_STATES = {
    State.MISSING: "needs-translation",
    State.OUTDATED: "needs-review-translation",
    State.CURRENT: "translated",
}


@dataclass
class Unit:
    id: str
    source: str
    target: str
    source_language: str
    note: str
    state: str
    source_hash: str


@dataclass
class ImportReport:
    language: str = ""
    updated: int = 0
    unchanged: int = 0
    skipped_changed_source: list = field(default_factory=list)
    errors: list = field(default_factory=list)


class ImportFailed(Exception):
    def __init__(self, report):
        self.report = report
        super().__init__("; ".join(report.errors))


def export_units(language, *, only_pending=False):
    """The units to translate into `language`: one query per model for objects and states."""
    units = []
    for model in translatable_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        rows = FieldTranslation.objects.filter(content_type=content_type, language=language)
        if only_pending:
            rows = rows.exclude(state=State.CURRENT)
        rows = {(row.object_id, row.field): row for row in rows}
        if not rows:
            continue
        objects = model._base_manager.in_bulk({object_id for object_id, _field in rows})
        for (object_id, name), row in sorted(rows.items()):
            obj = objects.get(object_id)
            if obj is None:
                continue
            units.append(
                Unit(
                    id=f"{model._meta.label_lower}:{object_id}:{name}",
                    source=getattr(obj, f"{name}_{row.source_language}") or "",
                    target=getattr(obj, f"{name}_{language}") or "",
                    source_language=row.source_language,
                    note=f'{model._meta.verbose_name} "{obj}" — {name} '
                    f"(source: {row.source_language}, state: {row.state})",
                    state=row.state,
                    source_hash=row.source_hash,
                )
            )
    return units


def write_xliff(units, *, target_language):
    """XLIFF 1.2 bytes: one <file> per source language."""
    root = etree.Element(f"{{{XLIFF_NS}}}xliff", nsmap={None: XLIFF_NS}, version="1.2")
    by_source = {}
    for unit in units:
        by_source.setdefault(unit.source_language, []).append(unit)
    for source_code, group in sorted(by_source.items()):
        file_ = etree.SubElement(
            root,
            f"{{{XLIFF_NS}}}file",
            original="renaulution",
            datatype="html",
            **{"source-language": source_code, "target-language": target_language},
        )
        body = etree.SubElement(file_, f"{{{XLIFF_NS}}}body")
        for unit in group:
            element = etree.SubElement(
                body, f"{{{XLIFF_NS}}}trans-unit", id=unit.id, resname=unit.id
            )
            etree.SubElement(element, f"{{{XLIFF_NS}}}source").text = unit.source
            if unit.target:
                target = etree.SubElement(
                    element, f"{{{XLIFF_NS}}}target", state=XLIFF_STATES[unit.state]
                )
                target.text = unit.target
            etree.SubElement(element, f"{{{XLIFF_NS}}}note").text = unit.note
            etree.SubElement(
                element, f"{{{XLIFF_NS}}}note", **{"from": HASH_NOTE}
            ).text = unit.source_hash
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_po(units, *, target_language):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Renaulution content",
        "Language": target_language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for unit in units:
        po.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.source,
                msgstr=unit.target,
                comment=f"{HASH_NOTE}: {unit.source_hash}",
                tcomment=unit.note,
                flags=["fuzzy"] if unit.state == State.OUTDATED and unit.target else [],
            )
        )
    return str(po).encode()


@dataclass
class ParsedUnit:
    id: str
    target: str
    source_hash: str
    source_language: str


def parse(data):
    """(target language, [ParsedUnit]) from XLIFF or PO bytes; ValueError on a bad file."""
    text = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<"):
        return _parse_xliff(data)
    return _parse_po(data)


def _parse_xliff(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"The file is not well-formed XML: {error}") from error
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        raise ValueError("The file is XML but not XLIFF 1.2.")
    language, units = None, []
    for file_ in root.iter(f"{{{XLIFF_NS}}}file"):
        file_language = file_.get("target-language")
        if language not in (None, file_language):
            raise ValueError("The file mixes several target languages.")
        language = file_language
        for element in file_.iter(f"{{{XLIFF_NS}}}trans-unit"):
            target = element.find(f"{{{XLIFF_NS}}}target")
            hash_note = [
                note.text or ""
                for note in element.iter(f"{{{XLIFF_NS}}}note")
                if note.get("from") == HASH_NOTE
            ]
            units.append(
                ParsedUnit(
                    id=element.get("id", ""),
                    target="" if target is None else _inner_text(target),
                    source_hash=hash_note[0] if hash_note else "",
                    source_language=file_.get("source-language", ""),
                )
            )
    return language or "", units


def _inner_text(element):
    """A target's text; markup that a CAT tool wrapped in XML is kept as text."""
    text = element.text or ""
    for child in element:
        text += etree.tostring(child, encoding="unicode", with_tail=True)
    return text


def _parse_po(data):
    try:
        po = polib.pofile(data.decode("utf-8"))
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise ValueError(f"The file is not a readable PO file: {error}") from error
    language = po.metadata.get("Language", "")
    units = []
    for entry in po:
        match = re.search(rf"{HASH_NOTE}: (\w+)", entry.comment or "")
        units.append(
            ParsedUnit(
                id=entry.msgctxt or "",
                target="" if entry.fuzzy and entry.msgstr == "" else entry.msgstr,
                source_hash=match.group(1) if match else "",
                source_language="",
            )
        )
    return language, units


def import_translations(data, *, force=False, languages_allowed=None, dry_run=False):
    """Validate the whole file, then apply it in one transaction; ImportFailed applies nothing."""
    report = ImportReport()
    try:
        language, units = parse(data)
    except ValueError as error:
        report.errors.append(str(error))
        raise ImportFailed(report) from error
    report.language = language
    if language not in languages():
        report.errors.append(
            f"The target language {language!r} is not one of the site's languages."
        )
        raise ImportFailed(report)
    if languages_allowed is not None and language not in languages_allowed:
        report.errors.append(f"You may not translate into {language!r}.")
        raise ImportFailed(report)

    changes = {}  # (model, pk) -> {column: value}
    objects = _load_objects(units, report)
    for unit in units:
        match = UNIT_ID.match(unit.id)
        if not match:
            continue  # reported by _load_objects
        model = model_by_label(match["label"])
        obj = objects.get((model, int(match["pk"])))
        if obj is None:
            continue
        name = match["field"]
        row = obj._states.get(name)
        if source_language(obj) == language:
            report.errors.append(f"{unit.id}: {language} is this text's source language.")
            continue
        if row is None:
            report.errors.append(f"{unit.id}: the source is empty, nothing to translate.")
            continue
        if not unit.target:
            continue
        if unit.source_hash and unit.source_hash != row.source_hash and not force:
            report.skipped_changed_source.append(unit.id)
            continue
        column = f"{name}_{language}"
        target = unit.target
        if isinstance(model._meta.get_field(name), RichTextField):
            target = sanitize_html(target)
        if (getattr(obj, column) or "") == target:
            report.unchanged += 1
            continue
        changes.setdefault((model, obj.pk), {})[column] = target
    if report.errors:
        raise ImportFailed(report)
    report.updated = sum(len(columns) for columns in changes.values())
    if dry_run:
        return report
    with transaction.atomic():
        for (model, pk), columns in changes.items():
            obj = objects[(model, pk)]
            for column, target in columns.items():
                setattr(obj, column, target)
            obj.save()
    return report


def _load_objects(units, report):
    """The objects the units name, each with its states, one query per model."""
    wanted = {}
    for unit in units:
        match = UNIT_ID.match(unit.id)
        if not match:
            report.errors.append(f"{unit.id or '(no id)'}: not an id of ours.")
            continue
        model = model_by_label(match["label"])
        if model is None:
            report.errors.append(f"{unit.id}: unknown content type.")
            continue
        if match["field"] not in translatable_fields(model):
            report.errors.append(f"{unit.id}: {match['field']} is not a translatable field.")
            continue
        wanted.setdefault(model, set()).add(int(match["pk"]))
    objects = {}
    for model, ids in wanted.items():
        found = model._base_manager.in_bulk(ids)
        for missing in sorted(ids - set(found)):
            report.errors.append(f"{model._meta.label_lower}:{missing}: no such object.")
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        states = {}
        for row in FieldTranslation.objects.filter(
            content_type=content_type, object_id__in=list(found), language=report.language
        ):
            states.setdefault(row.object_id, {})[row.field] = row
        for pk, obj in found.items():
            obj._states = states.get(pk, {})
            objects[(model, pk)] = obj
    return objects
