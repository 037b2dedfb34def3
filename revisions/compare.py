"""
What changed between two states of an object, field by field and language
by language, as the translators' word diff: [(op, text)] with op "equal",
"delete" or "insert".
"""

from collections import defaultdict

from django.conf import settings
from django.db import models
from django.utils.formats import localize
from django.utils.translation import get_language_info, pgettext
from django.utils.translation import gettext as _

from translations.diff import word_diff

from .registry import localized_fields, owned_relation, recorded_fields

TEXT_FIELDS = (models.CharField, models.TextField)


def languages():
    return [code for code, _name in settings.LANGUAGES]


def shown_fields(model):
    """
    (attname, label, language, field) of what an editor sees of `model`, in
    the model's order; a localized field once per language.
    """
    recorded = {f.name: f for f in recorded_fields(model)}
    localized = set(localized_fields(model))
    shown = []
    for model_field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
        if model_field.name in localized:
            for code in languages():
                column = model._meta.get_field(f"{model_field.name}_{code}")
                shown.append((column.attname, model_field.verbose_name, code, column))
        elif (
            model_field.name in recorded
            and model_field.editable
            # A language's column (title_fr) is shown with its field, above.
            and getattr(model_field, "translated_field", None) is None
        ):
            shown.append((model_field.attname, model_field.verbose_name, "", model_field))
    return shown


class Names:
    """The names of the objects the states point to: one query per related model."""

    def __init__(self, states):
        self.names = _load_names(states)

    def name(self, model, pk):
        return self.names.get(model, {}).get(pk) or _("#%(pk)s (deleted)") % {"pk": pk}


def _relation_fields(model):
    return {
        f.attname: f
        for f in [*model._meta.local_fields, *model._meta.local_many_to_many]
        if f.is_relation
    }


def _display(model_field, value, names):
    if value in (None, ""):
        return ""
    if model_field.is_relation and not model_field.many_to_many:
        return names.name(model_field.related_model, value)
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return pgettext("revisions", "yes") if value else pgettext("revisions", "no")
    return str(localize(value))


def _pieces(model_field, old, new, names):
    """The diff of one field's two values."""
    if model_field.many_to_many:
        model = model_field.related_model
        old, new = set(old or ()), set(new or ())
        return (
            [("delete", names.name(model, pk)) for pk in sorted(old - new)]
            + [("equal", names.name(model, pk)) for pk in sorted(old & new)]
            + [("insert", names.name(model, pk)) for pk in sorted(new - old)]
        )
    if isinstance(model_field, TEXT_FIELDS) and not model_field.choices:
        return word_diff(old or "", new or "")
    old, new = _display(model_field, old, names), _display(model_field, new, names)
    return [(op, text) for op, text in (("delete", old), ("insert", new)) if text]


def _field_rows(model, old_data, new_data, names):
    rows = []
    for attname, label, language, model_field in shown_fields(model):
        old, new = old_data.get(attname), new_data.get(attname)
        if (old or None) == (new or None):
            continue
        rows.append(
            {
                "field": label,
                "language": language,
                "language_name": get_language_info(language)["name_translated"] if language else "",
                "diff": _pieces(model_field, old, new, names),
            }
        )
    return rows


def changes(old, new):
    """
    Sections of what changed from state `old` to state `new`: the object's
    own fields first, then each kind of row it owns, with its rows added,
    removed or changed. [{"title", "rows": [{"field", "language", "diff"}]}]
    """
    names = Names([old, new])
    model = old.model
    sections = [
        {
            "title": model._meta.verbose_name,
            "rows": _field_rows(model, old.row.data, new.row.data, names),
        }
    ]
    for name in sorted(set(old.related) | set(new.related)):
        row_model = owned_relation(model, name).related_model
        before, after = old.related.get(name, {}), new.related.get(name, {})
        rows = []
        for pk in sorted(set(before) | set(after), key=_sort_key):
            if pk not in after:
                rows.append({"field": before[pk].label, "status": "removed", "diff": []})
            elif pk not in before:
                rows.append({"field": after[pk].label, "status": "added", "diff": []})
            else:
                for row in _field_rows(row_model, before[pk].data, after[pk].data, names):
                    rows.append(row | {"field": f"{after[pk].label}: {row['field']}"})
        sections.append({"title": row_model._meta.verbose_name_plural, "rows": rows})
    return [section for section in sections if section["rows"]]


def _sort_key(pk):
    return (len(pk), pk)


def _load_names(states):
    """{model: {pk: name}} of every object the states' relations point to."""
    wanted = defaultdict(set)
    for state in states:
        rows = [(state.model, state.row)]
        for name, related in state.related.items():
            row_model = owned_relation(state.model, name).related_model
            rows += [(row_model, row) for row in related.values()]
        for model, row in rows:
            for attname, model_field in _relation_fields(model).items():
                value = row.data.get(attname)
                if value in (None, "", []):
                    continue
                wanted[model_field.related_model].update(
                    value if model_field.many_to_many else [value]
                )
    return {
        model: {pk: str(obj) for pk, obj in model._base_manager.in_bulk(pks).items()}
        for model, pks in wanted.items()
    }
