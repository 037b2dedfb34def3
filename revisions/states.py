"""
The state of an object as a revision holds it, or as it is now, and writing
an old state back.

A state is the object's recorded columns (every language's) and
many-to-many relations, plus the rows it owns (`follow` at registration),
each as the values django-reversion's serializer gives: a state read from a
revision and one read from the database compare equal when nothing changed.
"""

import contextlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from reversion.models import Version

from .registry import follows, localized_fields, owned_relation, recorded_fields


@dataclass
class Row:
    """One object's values in a state: {attname: value}, and its name then."""

    data: dict
    label: str


@dataclass
class State:
    model: type
    row: Row
    related: dict = field(default_factory=dict)  # follow name -> {pk: Row}

    def values(self):
        """Everything a restore would write, comparable with another state's."""
        related = {
            name: {pk: row.data for pk, row in rows.items()} for name, rows in self.related.items()
        }
        return self.row.data, related

    def differs_from(self, other):
        return self.values() != other.values()


def _normalized(model, field_dict):
    """The values of the recorded fields, many-to-many pks sorted (their order means nothing)."""
    data = {}
    for model_field in recorded_fields(model):
        name = model_field.attname
        if name not in field_dict:
            continue
        value = field_dict[name]
        if isinstance(model_field, models.ManyToManyField):
            value = sorted(value)
        data[name] = value
    return data


def _row(version):
    return Row(_normalized(version._model, version.field_dict), version.object_repr)


def version_state(version):
    """The state a version holds, with the owned rows of the same revision (one query each)."""
    model = version._model
    related = {}
    for name in follows(model):
        relation = owned_relation(model, name)
        content_type = ContentType.objects.get_for_model(relation.related_model)
        rows = {}
        for row_version in version.revision.version_set.filter(content_type=content_type):
            # The revision may hold another object's rows too (a bulk action's).
            if str(row_version.field_dict.get(relation.field.attname)) == version.object_id:
                rows[row_version.object_id] = _row(row_version)
        related[name] = rows
    return State(model, _row(version), related)


def _unsaved_version(obj):
    """A Version of `obj` as it is now, not saved: read the same way as stored ones."""
    model = type(obj)
    return Version(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk),
        format="json",
        serialized_data=serializers.serialize(
            "json", [obj], fields=[f.name for f in recorded_fields(model)]
        ),
        object_repr=str(obj),
    )


def live_state(obj):
    """The state of `obj` in the database now."""
    model = type(obj)
    obj = model._base_manager.get(pk=obj.pk)
    related = {
        name: {str(row.pk): _row(_unsaved_version(row)) for row in getattr(obj, name).all()}
        for name in follows(model)
    }
    return State(model, _row(_unsaved_version(obj)), related)


def restorable_columns(model, languages=None):
    """
    The attnames a restore writes: every recorded one, or with `languages`
    only those languages' localized columns (what a translator may change).
    """
    if languages is None:
        return {f.attname for f in recorded_fields(model)}
    return {f"{name}_{code}" for name in localized_fields(model) for code in languages}


def limited(current, target, languages):
    """
    The state a restore limited to `languages` leaves: `target`'s values in
    those languages' columns, the `current` state's everywhere else, and the
    current rows only (a translator neither adds nor removes rows).
    """

    def mixed(model, now, old):
        if old is None:
            return now
        columns = restorable_columns(model, languages)
        data = {name: old.data.get(name) if name in columns else v for name, v in now.data.items()}
        return Row(data, now.label)

    related = {
        name: {
            pk: mixed(
                owned_relation(current.model, name).related_model,
                row,
                target.related.get(name, {}).get(pk),
            )
            for pk, row in rows.items()
        }
        for name, rows in current.related.items()
    }
    return State(current.model, mixed(current.model, current.row, target.row), related)


class Restorable:
    """An object and the old state to write back to it, within the user's rights."""

    class Refused(Exception):
        def __init__(self, reasons):
            super().__init__("; ".join(str(reason) for reason in reasons))
            self.reasons = list(reasons)

    def __init__(self, obj, state, *, languages=None):
        self.obj = obj
        self.state = state
        self.languages = languages

    def write(self):
        """Set, validate and save the object, its relations and its rows. Raises Refused."""
        model = type(self.obj)
        columns = restorable_columns(model, self.languages)
        many = {f.attname: f for f in model._meta.local_many_to_many}
        for name, value in self.state.row.data.items():
            if name in columns and name not in many:
                setattr(self.obj, name, value)
        self._save(self.obj)
        for name, value in self.state.row.data.items():
            if name in columns and name in many:
                related = many[name].related_model
                existing = related._base_manager.filter(pk__in=value).values_list("pk", flat=True)
                getattr(self.obj, name).set(list(existing))
        for name, rows in self.state.related.items():
            self._write_rows(owned_relation(model, name), rows)

    def _write_rows(self, relation, rows):
        """The owned rows as they were: changed back, recreated, or deleted."""
        row_model = relation.related_model
        columns = restorable_columns(row_model, self.languages)
        current = {
            str(row.pk): row
            for row in row_model._base_manager.filter(**{relation.field.name: self.obj})
        }
        if self.languages is None:
            for pk, row in current.items():
                if pk not in rows:
                    row.delete()
        for pk, old in rows.items():
            row = current.get(pk)
            if row is None:
                if self.languages is not None:
                    continue  # a translator neither adds nor removes rows
                row = row_model(pk=row_model._meta.pk.to_python(pk))
            for name, value in old.data.items():
                if name in columns:
                    setattr(row, name, value)
            setattr(row, relation.field.attname, self.obj.pk)
            self._save(row)

    def _save(self, obj):
        try:
            obj.full_clean()
        except ValidationError as error:
            raise Restorable.Refused(_reasons(obj, error)) from error
        obj.save()


def _reasons(obj, error):
    if not hasattr(error, "error_dict"):
        return [f"{obj}: {message}" for message in error.messages]
    reasons = []
    for name, errors in error.error_dict.items():
        label = name
        if name != "__all__":
            with contextlib.suppress(FieldDoesNotExist):
                label = obj._meta.get_field(name).verbose_name
        for message in ValidationError(errors).messages:
            reasons.append(message if name == "__all__" else f"{label}: {message}")
    return reasons
