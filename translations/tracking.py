"""
Keeping `FieldTranslation` rows in step with the content.

`TracksTranslations` is a model mixin: its `save()` reads the localized
columns as they were, saves, then calls `sync_object`, so every write path
that saves a model instance (the admin, imports, `load_renaulution`, the
shell) keeps the states right. The save and the state writes are one
transaction; a save with `update_fields` writes the states of those fields
only (and none when it saves no localized text). Bulk `update()`s of
localized text bypass it;
`rebuild_all()` (`manage.py translation_status --rebuild`) recomputes
everything from the content.

A translation is *current* when the source text it was last saved or
reviewed against is the source text of today, *outdated* when the source
changed since, *missing* when the target is empty.
"""

from types import SimpleNamespace

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.db.models import Q
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname, get_language

from . import memory
from .consistency import consistency_issues
from .models import FieldComment, FieldTranslation, MemoryEntry, State
from .registry import (
    languages,
    source_language,
    text_hash,
    translatable_fields,
    translatable_models,
    value,
)

# The field that names an object's source language, on the models that have one.
SOURCE_FIELD = "original_language"


def translatable_columns(model, fields=None):
    """The columns of translatable text (slugs left out) of `fields`, in every language."""
    fields = translatable_fields(model) if fields is None else fields
    return [f"{field}_{code}" for field in fields for code in languages()]


def snapshot(obj, fields=None):
    """
    The localized columns of `obj` (of `fields`, by default all) and its
    source language as stored in the database now, or None.
    """
    if obj.pk is None:
        return None
    model = type(obj)
    columns = translatable_columns(model, fields)
    if _has_source_field(model):
        columns.append(SOURCE_FIELD)
    return model._base_manager.filter(pk=obj.pk).values(*columns).first()


def _has_source_field(model):
    return any(field.name == SOURCE_FIELD for field in model._meta.concrete_fields)


def saved_fields(model, update_fields):
    """
    The translatable fields whose text a save with `update_fields` writes:
    all of them without `update_fields`, or when it saves the source
    language (every field's source changes); else those with a column in
    it. A bare name (`title`) is the active language's column, as
    modeltranslation saves it.
    """
    fields = translatable_fields(model)
    if update_fields is None:
        return fields
    names = set(update_fields)
    if SOURCE_FIELD in names and _has_source_field(model):
        return fields
    return [
        field
        for field in fields
        if field in names or any(f"{field}_{code}" in names for code in languages())
    ]


def _as_stored(obj, previous, update_fields):
    """
    What the database holds after a save of `update_fields` only: the saved
    columns from `obj`, the others as they were (`previous`), whatever `obj`
    holds in memory for them.
    """
    saved = set(update_fields)
    saved |= {build_localized_fieldname(name, get_language()) for name in update_fields}
    return SimpleNamespace(
        **{
            column: getattr(obj, column) if column in saved else old
            for column, old in previous.items()
        }
    )


def sync_object(obj, previous=None, *, now=None, fields=None, stored=None):
    """
    Bring the rows of `obj` up to date after a save.

    `previous` holds the localized columns before the save (None for a new
    object): a target whose value changed counts as translated against
    today's source. With `fields`, only those fields' rows are written,
    from `stored` (the saved values, see `_as_stored`) when given.
    """
    now = now or timezone.now()
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    existing = FieldTranslation.objects.filter(content_type=content_type, object_id=obj.pk)
    if fields is None:
        fields = translatable_fields(type(obj))
    else:
        existing = existing.filter(field__in=fields)
    rows = {(row.field, row.language): row for row in existing}
    text = obj if stored is None else stored
    source_lang = source_language(text)
    keep, changed = set(), []
    for field in fields:
        source = value(text, field, source_lang)
        if not source:
            continue
        source_hash = text_hash(source)
        for language in languages():
            if language == source_lang:
                continue
            keep.add((field, language))
            target = value(text, field, language)
            row = rows.get((field, language)) or FieldTranslation(
                content_type=content_type,
                object_id=obj.pk,
                field=field,
                language=language,
                source_changed_at=now,
            )
            before = _tracked(row)
            if row.pk is not None and row.source_hash != source_hash:
                row.source_changed_at = now
            if row.source_language != source_lang:
                row.translated_hash = ""  # translated from another language: review it
            row.source_language = source_lang
            row.source_hash = source_hash
            target_saved = previous is None or (previous.get(f"{field}_{language}") or "") != target
            if target and (target_saved or (row.pk is None and not row.translated_hash)):
                row.translated_hash = source_hash
                row.translated_source = source
                row.translated_at = now
            row.state = _state(target, row)
            row.issues = consistency_issues(source, target, language, source_lang) if target else ""
            if row.pk is None or _tracked(row) != before:
                changed.append(row)
    stale = [row for key, row in rows.items() if key not in keep]
    with transaction.atomic():
        if stale:
            FieldTranslation.objects.filter(pk__in=[row.pk for row in stale]).delete()
        for row in changed:
            row.save()
        # The memory holds the current translations: a changed row's
        # entries follow its state, a deleted row's go.
        for row in changed:
            if row.state == State.CURRENT:
                memory.remember(obj, row.field, row.language, text=text)
            else:
                memory.forget(obj, row.field, row.language)
        for row in stale:
            memory.forget(obj, row.field, row.language)


def _state(target, row):
    if not target:
        return State.MISSING
    return State.CURRENT if row.translated_hash == row.source_hash else State.OUTDATED


def _tracked(row):
    return (
        row.source_language,
        row.state,
        row.source_hash,
        row.source_changed_at,
        row.translated_hash,
        row.translated_source,
        row.translated_at,
        row.issues,
    )


def mark_reviewed(obj, field, language, *, now=None):
    """The translation needs no change for today's source: make it current."""
    row = FieldTranslation.objects.for_object(obj).get(field=field, language=language)
    if not value(obj, field, language):
        return row
    row.translated_hash = row.source_hash
    row.translated_source = value(obj, field, row.source_language)
    row.translated_at = now or timezone.now()
    row.state = State.CURRENT
    with transaction.atomic():
        row.save()
        memory.remember(obj, field, language)
    return row


def rebuild_all(models_to_rebuild):
    """Recompute every row from the content; existing translations count as current."""
    for model in models_to_rebuild:
        for obj in model._base_manager.iterator():
            sync_object(obj, previous=snapshot(obj))


def recheck_containing(phrases):
    """
    Check again the translations of every object whose text holds one of
    `phrases` (a glossary term that changed): their states stay, their
    findings follow the glossary as it is now.
    """
    phrases = [phrase for phrase in phrases if phrase]
    if not phrases:
        return
    for model in translatable_models():
        condition = Q()
        for column in translatable_columns(model):
            for phrase in phrases:
                condition |= Q(**{f"{column}__icontains": phrase})
        columns = translatable_columns(model)
        if _has_source_field(model):
            columns.append(SOURCE_FIELD)
        for obj in model._base_manager.filter(condition).iterator():
            # Just read: the object's own values are what `snapshot` would read again.
            sync_object(obj, previous={column: getattr(obj, column) for column in columns})


class TracksTranslations(models.Model):
    translation_states = GenericRelation(FieldTranslation)
    # Deleting an object deletes its segments from the memory.
    translation_memory = GenericRelation(MemoryEntry)
    # And its comments, which have nothing left to be about.
    field_comments = GenericRelation(FieldComment)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        fields = saved_fields(type(self), update_fields)
        if not fields:
            # No localized text saved (a status, a date): no state changes.
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        # A save whose states fail to follow is no save: the text and what
        # translators are told about it never disagree.
        with transaction.atomic(using=using):
            previous = None if self._state.adding else snapshot(self, fields)
            super().save(*args, **kwargs)
            stored = None
            if update_fields is not None and previous is not None:
                stored = _as_stored(self, previous, update_fields)
            sync_object(self, previous, fields=fields, stored=stored)
