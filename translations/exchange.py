"""
Exchange files with translation tools: XLIFF 1.2 (memoQ, Trados, OmegaT,
Weblate…) and gettext PO.

One unit per translatable field of every object, with a stable id
(`companies.pressrelease:12:body`), the source text, the current target if
any, a note saying which object and field it is, and the hash of the source
at export time. Segmented, a rich-text field is one unit per block
(`companies.pressrelease:12:body#3`, see segments.py). In XLIFF, rich text's
tags are inline elements (inline.py) that CAT tools protect; in PO they stay
HTML. Either way an import refuses a target whose tags are not the source's,
naming the unit. An import validates the whole file first and applies it in
one transaction, or applies nothing; units whose source changed since the
export are skipped unless forced. On request an XLIFF export pre-fills empty
targets with the translation memory's exact matches, to review; an import
skips them until the translator confirmed them (see PREFILL_QUALIFIER).

XLIFF is written with lxml so that the project does not depend on GPL code;
translate-toolkit reads our files back in the tests only, as a CAT tool would.
"""

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import polib
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from revisions.services import recording

from . import inline, memory, segments
from .fieldvalue import field_value
from .inline import XLIFF_NS, inner_text, write_text
from .models import FieldTranslation, State
from .registry import (
    is_rich,
    languages,
    load_objects,
    model_by_label,
    source_language,
    text_hash,
    translatable_fields,
    translatable_models,
    value,
)
from .rights import user_languages
from .tracking import mark_reviewed

__all__ = [
    "ImportFailed",
    "ImportReport",
    "Unit",
    "export_units",
    "import_translations",
    "user_languages",
    "write_po",
    "write_xliff",
]

XML_NS = "http://www.w3.org/XML/1998/namespace"
HASH_NOTE = "renaulution-source-hash"
# PO editors may re-wrap comments: the hash can be on the line after its label.
HASH_COMMENT = re.compile(rf"{HASH_NOTE}:\s*([0-9a-f]{{64}})")
# The hash of the translation as exported: an import does not overwrite a
# translation someone changed in the meantime (renaulution/conflicts.py does
# the same for the admin's forms).
TARGET_HASH_NOTE = "renaulution-target-hash"
TARGET_HASH_COMMENT = re.compile(rf"{TARGET_HASH_NOTE}:\s*([0-9a-f]{{64}})")
UNIT_ID = re.compile(
    r"^(?P<label>[a-z0-9_]+\.[a-z0-9_]+):(?P<pk>\d+):(?P<field>[a-z0-9_]+)(?:#(?P<segment>[1-9]\d*))?$"
)
# An earlier translation whose tags do not fit the source's, offered to the
# translator as an <alt-trans> match rather than as the target.
PREVIOUS_ORIGIN = "renaulution-previous-translation"
# A target pre-filled from the translation memory's exact matches, as CAT
# tools write one: still to review, and saying where it came from (XLIFF
# 1.2's state-qualifier "leveraged-tm"). An import applies it only once the
# translator marked it done (state translated/final/signed-off, or
# approved="yes"); left as it was, the unit is skipped and reported, so the
# memory's text never becomes a current translation without a review.
PREFILL_STATE = "needs-review-translation"
PREFILL_QUALIFIER = "leveraged-tm"
XLIFF_STATES = {
    State.MISSING: "needs-translation",
    State.OUTDATED: "needs-review-translation",
    State.CURRENT: "translated",
}
# XLIFF 1.2 target states that mean "the translator is done with this one".
XLIFF_DONE = {"translated", "final", "signed-off"}
# The largest file imported, from the upload form or the command.
MAX_FILE_SIZE = 5 * 1024 * 1024


def _q(tag):
    return f"{{{XLIFF_NS}}}{tag}"


@dataclass
class Unit:
    id: str
    source: str
    target: str
    source_language: str
    note: str
    state: str
    source_hash: str
    model_label: str = ""
    target_hash: str = ""
    object_id: int | None = None
    field: str = ""
    rich_text: bool = False
    segment: int = 0  # the block's number in a segmented field; 0: the whole field
    previous: str = ""  # a translation whose tags do not fit the source: a reference only
    prefilled: bool = False  # the target is the memory's exact match, to review


@dataclass
class ImportReport:
    language: str = ""
    updated: int = 0
    unchanged: int = 0
    skipped_changed_source: list = field(default_factory=list)
    # Translations changed by someone else since the export: not overwritten.
    skipped_changed_target: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # Outdated translations the translator confirmed without changing them.
    reviewed: int = 0
    # Fields with a target pre-filled from the memory that nobody reviewed.
    skipped_unreviewed: list = field(default_factory=list)
    dry_run: bool = False


class ImportFailed(Exception):
    """The file cannot be imported; nothing was applied. `.report` lists the errors."""

    def __init__(self, report):
        self.report = report
        super().__init__("; ".join(report.errors))


# Export ---------------------------------------------------------------------


def export_units(
    language, *, only_pending=False, languages_allowed=None, segment=False, prefill=False
):
    """
    The units to translate into `language`, drafts included: one query per
    model for the objects and one for their states.

    `languages_allowed` (the user's languages) refuses any other language
    with PermissionDenied; None means no restriction. `segment` cuts rich
    text into one unit per block. `prefill` fills the empty targets with the
    translation memory's exact matches (`memory.prefill`, one more query),
    marked `prefilled`: XLIFF writes them to review.
    """
    if language not in languages():
        raise ValueError(f"Unknown language {language!r}: use one of {', '.join(languages())}.")
    if languages_allowed is not None and language not in languages_allowed:
        raise PermissionDenied(
            _("You may not translate into %(language)s.") % {"language": repr(language)}
        )
    units = []
    for model in translatable_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        rows = {
            (row.object_id, row.field): row
            for row in FieldTranslation.objects.filter(content_type=content_type, language=language)
        }
        declared = set(translatable_fields(model))
        names = [f.name for f in model._meta.fields if f.name in declared]  # model order
        rich = {name: is_rich(model, name) for name in names}
        label = model._meta.label_lower
        for obj in model._base_manager.order_by("pk"):
            source_lang = source_language(obj)
            if source_lang == language:
                continue
            for name in names:
                source = value(obj, name, source_lang)
                if not source:
                    continue
                target = value(obj, name, language)
                row = rows.get((obj.pk, name))
                if row is not None:
                    state, source_hash = row.state, row.source_hash
                else:  # rows out of step (a bulk update): judge from the content
                    state = State.CURRENT if target else State.MISSING
                    source_hash = text_hash(source)
                if only_pending and state == State.CURRENT:
                    continue
                common = {
                    "source_language": source_lang,
                    "state": str(state),
                    "source_hash": source_hash,
                    "target_hash": text_hash(target),
                    "model_label": label,
                    "object_id": obj.pk,
                    "field": name,
                    "rich_text": rich[name],
                }
                about = f'{capfirst(model._meta.verbose_name)} "{obj}" — {name}'
                status = f"(source: {source_lang}, state: {state})"
                pieces = segments.pieces(source, target) if segment and rich[name] else None
                if pieces is None:
                    units.append(
                        Unit(
                            id=f"{label}:{obj.pk}:{name}",
                            source=source,
                            target=target,
                            note=one_line(f"{about} {status}"),
                            **common,
                        )
                    )
                    continue
                for number, (tag, piece, piece_target, previous) in enumerate(pieces, start=1):
                    units.append(
                        Unit(
                            id=f"{label}:{obj.pk}:{name}#{number}",
                            source=piece,
                            target=piece_target,
                            previous=previous,
                            segment=number,
                            note=one_line(
                                f"{about}, segment {number} of {len(pieces)}, <{tag}> {status}"
                            ),
                            **common,
                        )
                    )
    if prefill:
        _prefill(units, language)
    return units


def _prefill(units, language):
    """Give the units without a target the memory's exact match, where it fits."""
    empty = [unit for unit in units if not unit.target]
    found = memory.prefill_many(
        [(unit.source, unit.source_language, unit.rich_text) for unit in empty], language
    )
    for unit, target in zip(empty, found, strict=True):
        if target is not None and unit.rich_text:
            target = _fitting(target, unit.source)
        if target:
            unit.target, unit.prefilled = target, True


def _fitting(target, source):
    """
    The pre-filled HTML with exactly the source's tags, so that XLIFF carries
    it as the same inline elements; a one-block field's sentences come back
    without their block, put back from the source. None if it does not fit.
    """
    if inline.aligned(target, source) is not None:
        return target
    cut = segments.split(source)
    if cut is not None and len(cut.blocks) == 1:
        whole = cut.join([target])
        if inline.aligned(whole, source) is not None:
            return whole
    return None


def one_line(text):
    """
    `text` with every line or paragraph separator and control character made a
    space: a note is one comment line in PO, and XML cannot carry controls.
    """
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in text
    )


def _target_attributes(unit):
    if unit.prefilled:
        return {"state": PREFILL_STATE, "state-qualifier": PREFILL_QUALIFIER}
    return {"state": XLIFF_STATES.get(unit.state, "needs-translation")}


def _write_contents(element, unit):
    """<source>, <target> and <alt-trans> of a <trans-unit>."""
    source = etree.SubElement(element, _q("source"))
    if not unit.rich_text:
        write_text(source, unit.source)
        if unit.target:
            target = etree.SubElement(element, _q("target"), _target_attributes(unit))
            write_text(target, unit.target)
        return
    inline.write_source(source, unit.source)
    previous = unit.previous
    if unit.target:
        target = etree.SubElement(element, _q("target"), _target_attributes(unit))
        if not inline.write_target(target, unit.target, unit.source):
            element.remove(target)
            # A pre-fill fits by construction; an old translation becomes a reference.
            previous = "" if unit.prefilled else unit.target
    if previous:
        alternative = etree.SubElement(element, _q("alt-trans"), origin=PREVIOUS_ORIGIN)
        write_text(etree.SubElement(alternative, _q("target")), segments.plain_text(previous))


def write_xliff(units, *, source_language_default="en", target_language):
    """
    XLIFF 1.2 bytes: one <file> per source language, rich text's tags as
    inline elements. A translation whose tags do not fit its source's is
    offered as an <alt-trans> match instead of a target.
    """
    root = etree.Element(_q("xliff"), nsmap={None: XLIFF_NS}, version="1.2")
    by_source = {}
    for unit in units:
        by_source.setdefault(unit.source_language or source_language_default, []).append(unit)
    for source_code, group in sorted(by_source.items()):
        file_ = etree.SubElement(
            root,
            _q("file"),
            original="renaulution",
            datatype="html" if any(unit.rich_text for unit in group) else "plaintext",
            **{"source-language": source_code, "target-language": target_language},
        )
        body = etree.SubElement(file_, _q("body"))
        for unit in group:
            element = etree.SubElement(
                body,
                _q("trans-unit"),
                id=unit.id,
                resname=unit.id,
                datatype="html" if unit.rich_text else "plaintext",
                extradata=f"{HASH_NOTE}:{unit.source_hash}",
                **{f"{{{XML_NS}}}space": "preserve"},
            )
            _write_contents(element, unit)
            etree.SubElement(element, _q("note")).text = unit.note
            etree.SubElement(element, _q("note"), {"from": HASH_NOTE}).text = unit.source_hash
            if unit.target_hash:
                etree.SubElement(
                    element, _q("note"), {"from": TARGET_HASH_NOTE}
                ).text = unit.target_hash
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# Elements whose content is text: lxml's pretty_print would indent the inline
# elements of a <source> that starts with a tag, changing the text.
TEXT_ELEMENTS = {_q("source"), _q("target"), _q("note")}


def _indent(element, level=0):
    """Indent the file's structure, never inside a source, target or note."""
    if element.tag in TEXT_ELEMENTS or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    child.tail = "\n" + "  " * level


def write_po(units, *, target_language):
    """gettext PO bytes: msgctxt is the unit id; outdated translations are fuzzy."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Renaulution content",
        "Language": target_language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "renaulution",
    }
    for unit in units:
        po.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.source,
                # PO cannot say "to review" (fuzzy entries import): no pre-fill.
                msgstr="" if unit.prefilled else unit.target,
                # Extracted comments (#.) are read-only in PO editors: the hash survives.
                comment=f"{unit.note}\n{HASH_NOTE}: {unit.source_hash}"
                + (f"\n{TARGET_HASH_NOTE}: {unit.target_hash}" if unit.target_hash else ""),
                flags=["fuzzy"] if unit.state == State.OUTDATED and unit.target else [],
            )
        )
    return str(po).encode("utf-8")


# Parsing --------------------------------------------------------------------


@dataclass
class ParsedUnit:
    id: str
    target: str
    source_hash: str
    done: bool  # the translator marked it translated (not fuzzy, not needs-review)
    prefilled: bool = False  # XLIFF: a memory pre-fill left as exported, unreviewed
    target_hash: str = ""  # the translation as exported; "" from older files
    element: object = None  # XLIFF: the <target>, whose inline elements rebuild rich text
    xliff: bool = False

    @property
    def empty(self):
        if self.element is not None:
            return not self.target and not len(self.element)
        return not self.target


def parse(data):
    """(target language, [ParsedUnit]) from XLIFF or PO bytes; ValueError on a bad file."""
    if len(data) > MAX_FILE_SIZE:
        raise ValueError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    # CAT tools may write UTF-16 with a byte order mark; libxml2 reads it as such.
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    head = data[:400].decode(encoding or "utf-8", errors="ignore").lstrip("\ufeff").lstrip()
    if head.startswith("<"):
        return _parse_xliff(data)
    return _parse_po(data, encoding or "utf-8")


def _parse_xliff(data):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(
            _("The file is not well-formed XML: %(error)s") % {"error": error}
        ) from error
    if root.getroottree().docinfo.internalDTD is not None:
        # Entities are not expanded, but "&xxe;" would be stored as it is:
        # XLIFF never needs a DTD, so a file with one is refused whole.
        raise ValueError(
            _(
                "The file has a document type declaration (<!DOCTYPE …>), which XLIFF does "
                "not use: remove it and import the file again."
            )
        )
    if root.tag != _q("xliff"):
        raise ValueError(
            _(
                "The file is XML but not XLIFF 1.2 (root element %(root)s, expected <xliff> "
                "in the namespace %(namespace)s)."
            )
            % {"root": repr(root.tag), "namespace": XLIFF_NS}
        )
    language, units = None, []
    for file_ in root.iter(_q("file")):
        file_language = file_.get("target-language") or ""
        if not file_language:
            raise ValueError(
                _("Line %(line)d: the <file> has no target-language.") % {"line": file_.sourceline}
            )
        if language not in (None, file_language):
            raise ValueError(
                _("Line %(line)d: the file mixes several target languages.")
                % {"line": file_.sourceline}
            )
        language = file_language
        for element in file_.iter(_q("trans-unit")):
            target = element.find(_q("target"))
            notes = [
                (note.text or "").strip()
                for note in element.iter(_q("note"))
                if note.get("from") == HASH_NOTE
            ]
            extradata = element.get("extradata") or ""
            if not notes and extradata.startswith(f"{HASH_NOTE}:"):
                notes = [extradata.split(":", 1)[1]]
            state = target.get("state", "") if target is not None else ""
            done = element.get("approved") == "yes" or state in XLIFF_DONE
            qualifier = target.get("state-qualifier", "") if target is not None else ""
            target_hashes = [
                (note.text or "").strip()
                for note in element.iter(_q("note"))
                if note.get("from") == TARGET_HASH_NOTE
            ]
            units.append(
                ParsedUnit(
                    id=element.get("id", ""),
                    target="" if target is None else inner_text(target),
                    source_hash=notes[0] if notes else "",
                    done=done,
                    prefilled=qualifier == PREFILL_QUALIFIER and not done,
                    target_hash=target_hashes[0] if target_hashes else "",
                    element=target,
                    xliff=True,
                )
            )
    return language or "", units


class _PoText(str):
    """
    PO content whose lines end at "\n" only: str.splitlines(), which polib
    uses, also breaks at U+2028, U+2029 and some controls, which PO does not.
    """

    def splitlines(self, keepends=False):
        return self.split("\n")


def _parse_po(data, encoding):
    try:
        text = data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise ValueError(
            _("The file is neither XLIFF nor a UTF-8 PO file (byte %(byte)d is not UTF-8).")
            % {"byte": error.start}
        ) from error
    try:
        # The trailing newline keeps polib from taking a one-line content for a file path.
        po = polib.pofile(_PoText(text + "\n"), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ValueError(
            _("The file is not a readable PO file: %(error)s") % {"error": error}
        ) from error
    language = po.metadata.get("Language", "")
    units = []
    for entry in po:
        if entry.obsolete:
            continue
        match = HASH_COMMENT.search(entry.comment or "")
        target_match = TARGET_HASH_COMMENT.search(entry.comment or "")
        units.append(
            ParsedUnit(
                id=entry.msgctxt or "",
                target=entry.msgstr,
                source_hash=match.group(1) if match else "",
                done=not entry.fuzzy,
                target_hash=target_match.group(1) if target_match else "",
            )
        )
    if not language and not units:
        raise ValueError(_("The file is not a readable PO file: it has no entries and no header."))
    return language, units


# Import ---------------------------------------------------------------------


def import_translations(data, *, force=False, languages_allowed=None, dry_run=False):
    """
    Validate the whole file, then apply it in one transaction. On any error
    nothing is applied and ImportFailed(report) is raised.
    """
    report = ImportReport(dry_run=dry_run)
    try:
        language, units = parse(data)
    except ValueError as error:
        report.errors.append(str(error))
        raise ImportFailed(report) from error
    report.language = language
    if not language:
        report.errors.append(_("The file does not say its target language."))
    elif language not in languages():
        report.errors.append(
            _(
                "The target language %(language)s is not one of the site's languages "
                "(%(languages)s)."
            )
            % {"language": repr(language), "languages": ", ".join(languages())}
        )
    elif languages_allowed is not None and language not in languages_allowed:
        report.errors.append(
            _("You may not translate into %(language)s.") % {"language": repr(language)}
        )
    if report.errors:
        raise ImportFailed(report)

    with transaction.atomic():
        # Objects are locked (on PostgreSQL) from validation to the last save.
        objects = _unit_objects(units, language, report)
        changes, reviews = _plan(units, objects, language, force, report)
        if report.errors:
            raise ImportFailed(report)
        report.updated = sum(len(columns) for columns in changes.values())
        report.reviewed = len(reviews)
        if dry_run:
            return report
        with recording(comment=gettext_lazy("Imported translations from a file")):
            for (model, pk), columns in changes.items():
                obj = objects[(model, pk)]
                for column, target in columns.items():
                    setattr(obj, column, target)
                obj.save()
        for obj, name in reviews:
            mark_reviewed(obj, name, language)
    return report


def _plan(units, objects, language, force, report):
    """({(model, pk): {column: value}}, [(obj, field) to mark reviewed]); errors in report."""
    changes, reviews = {}, []
    for (model, pk, name), parts in _fields(units, report).items():
        obj = objects.get((model, pk))
        if obj is None:
            continue  # reported by _unit_objects
        field_id = f"{model._meta.label_lower}:{pk}:{name}"
        source_lang = source_language(obj)
        if source_lang == language:
            report.errors.append(
                _("%(unit)s: %(language)s is this text's source language, not a translation.")
                % {"unit": field_id, "language": language}
            )
            continue
        if all(part.empty for part in parts.values()):
            continue
        if any(part.prefilled and not part.empty for part in parts.values()):
            # The memory's text as exported, not reviewed: not a translation yet.
            report.skipped_unreviewed.append(field_id)
            continue
        row = obj._exchange_states.get(name)
        source = value(obj, name, source_lang)
        if not source:  # emptied since the export: nothing to translate any more
            report.skipped_changed_source.append(field_id)
            continue
        current_hash = row.source_hash if row is not None else text_hash(source)
        if any(part.source_hash != current_hash for part in parts.values()) and not force:
            report.skipped_changed_source.append(field_id)
            continue
        column = f"{name}_{language}"
        stored = getattr(obj, column) or ""
        target, problems = field_value(parts, obj, name, language, source, stored)
        if problems:
            report.errors.extend(problems)
            continue
        max_length = model._meta.get_field(column).max_length
        if max_length and len(target) > max_length:
            report.errors.append(
                _("%(unit)s: the translation has %(count)d characters, at most %(max)d fit.")
                % {"unit": field_id, "count": len(target), "max": max_length}
            )
            continue
        exported = next(iter(parts.values())).target_hash
        changed_meanwhile = exported and exported != text_hash(stored)
        if stored != target and changed_meanwhile and not force:
            report.skipped_changed_target.append(field_id)
            continue
        if stored == target:
            report.unchanged += 1
            confirmed = all(
                part.done and part.source_hash == getattr(row, "source_hash", None)
                for part in parts.values()
            )
            if confirmed and row.state == State.OUTDATED:
                reviews.append((obj, name))
            continue
        changes.setdefault((model, obj.pk), {})[column] = target
    return changes, reviews


def _fields(units, report):
    """{(model, pk, field): {segment number, 0 for the whole field: unit}}, in file order."""
    fields, seen = {}, set()
    for unit in units:
        match = UNIT_ID.match(unit.id)
        if not match:
            continue  # reported by _unit_objects
        if unit.id in seen:
            report.errors.append(
                _("%(unit)s: appears more than once in the file.") % {"unit": unit.id}
            )
            continue
        seen.add(unit.id)
        model = model_by_label(match["label"])
        if model is None or match["field"] not in translatable_fields(model):
            continue  # reported by _unit_objects
        key = (model, int(match["pk"]), match["field"])
        fields.setdefault(key, {})[int(match["segment"] or 0)] = unit
    return fields


def _unit_objects(units, language, report):
    """The objects the units name, each with its states in `language`: one query per model."""
    wanted = {}
    for unit in units:
        match = UNIT_ID.match(unit.id)
        if not match:
            report.errors.append(
                _("%(unit)s: not a unit id of ours (app.model:pk:field).")
                % {"unit": unit.id or _("(no id)")}
            )
            continue
        model = model_by_label(match["label"])
        if model is None:
            report.errors.append(
                _("%(unit)s: unknown content type %(label)s.")
                % {"unit": unit.id, "label": repr(match["label"])}
            )
            continue
        if match["field"] not in translatable_fields(model):
            report.errors.append(
                _("%(unit)s: %(field)s is not a translatable field.")
                % {"unit": unit.id, "field": repr(match["field"])}
            )
            continue
        wanted.setdefault(model, set()).add(int(match["pk"]))
    content_types = {
        model: ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for model in wanted
    }
    found = load_objects(
        [(content_types[model], pk) for model, ids in wanted.items() for pk in ids],
        for_update=True,
    )
    objects = {}
    for model, ids in wanted.items():
        content_type = content_types[model]
        present = sorted(pk for pk in ids if (content_type, pk) in found)
        for missing in sorted(ids - set(present)):
            report.errors.append(
                _("%(unit)s: no such object (deleted since the export?).")
                % {"unit": f"{model._meta.label_lower}:{missing}"}
            )
        states = {}
        for row in FieldTranslation.objects.filter(
            content_type=content_type, object_id__in=present, language=language
        ):
            states.setdefault(row.object_id, {})[row.field] = row
        for pk in present:
            obj = found[(content_type, pk)]
            obj._exchange_states = states.get(pk, {})
            objects[(model, pk)] = obj
    return objects
