"""
One field's new value from the units of an import file that name it: plain
text as it is, rich text rebuilt from its tags (inline.py) or checked (PO),
segments put back together (segments.py). Whatever does not fit the source
is refused, each problem naming its unit: id, object, field and language.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from renaulution.richtext import RichTextField, sanitize_html

from . import inline, segments


def unit_name(obj, name, language, segment=0):
    """A unit as an error message names it: its id, then object, field and language."""
    label = obj._meta.label_lower
    return _("%(unit)s (%(model)s %(object)s, %(field)s, %(language)s)") % {
        "unit": f"{label}:{obj.pk}:{name}" + (f"#{segment}" if segment else ""),
        "model": capfirst(obj._meta.verbose_name),
        "object": f'"{obj}"',
        "field": obj._meta.get_field(name).verbose_name,
        "language": language,
    }


def field_value(parts, obj, name, language, source, stored):
    """
    (the sanitized value, []) the parts of one field make, or (None, the
    problems, each naming its unit) when their tags or segments do not fit
    the source. `parts` maps a segment number (0: the whole field) to its unit.
    """
    problems = []

    def refuse(problem, segment=0):
        problems.append(
            _("%(unit)s: %(problem)s")
            % {"unit": unit_name(obj, name, language, segment), "problem": problem}
        )

    if not isinstance(obj._meta.get_field(name), RichTextField):
        if set(parts) != {0}:
            refuse(_("plain text is never cut into segments: export the file again"))
            return None, problems
        return parts[0].target, []
    if 0 in parts:
        if len(parts) > 1:
            refuse(_("the file has this field both whole and in segments"))
            return None, problems
        part = parts[0]
        if not part.xliff and sanitize_html(part.target) == stored:
            return stored, []  # PO: the translation as exported, nothing to check
        html, found = _rich_target(part, source)
        for problem in found:
            refuse(problem)
        return (None, problems) if problems else (sanitize_html(html), [])
    cut = segments.split(source)
    if cut is None:
        refuse(_("the source is not cut into segments any more: export the file again"))
        return None, problems
    count = len(cut.blocks)
    for number in range(1, count + 1):
        if number not in parts:
            refuse(
                _("segment %(number)d of %(count)d is missing")
                % {"number": number, "count": count},
                number,
            )
    for number in sorted(parts):
        if number > count:
            refuse(
                _("there is no segment %(number)d: the source has %(count)d")
                % {"number": number, "count": count},
                number,
            )
    empty = [number for number in sorted(parts) if parts[number].empty]
    if empty and len(empty) < len(parts):
        refuse(
            _("segments %(numbers)s have no translation: translate every segment, or none")
            % {"numbers": ", ".join(f"#{number}" for number in empty)}
        )
    if problems:
        return None, problems
    pieces = []
    for number, piece_source in enumerate(cut.sources, start=1):
        html, found = _rich_target(parts[number], piece_source)
        for problem in found:
            refuse(problem, number)
        pieces.append(html)
    return (None, problems) if problems else (sanitize_html(cut.join(pieces)), [])


def _rich_target(part, source):
    """(HTML, problems) of a rich-text target: XLIFF rebuilt from its tags, PO checked."""
    if part.xliff:
        return inline.rebuild(part.element, source) if part.element is not None else ("", [])
    return part.target, inline.check_html(part.target, source)
