"""
Keeping `FieldTranslation` rows in step with the content.

`TracksTranslations` is a model mixin: its `save()` reads the localized
columns as they were, saves, then calls `sync_object`, so every write path
that saves a model instance (the admin, imports, `load_renaulution`, the
shell) keeps the states right. Bulk `update()`s of localized text bypass it;
`rebuild_all()` (`manage.py translation_status --rebuild`) recomputes
everything from the content.

A translation is *current* when the source text it was last saved or
reviewed against is the source text of today, *outdated* when the source
changed since, *missing* when the target is empty.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .consistency import consistency_issues
from .models import FieldTranslation, State
from .registry import languages, source_language, text_hash, translatable_fields, value


def localized_columns(model):
    return [f"{field}_{code}" for field in translatable_fields(model) for code in languages()]


def snapshot(obj):
    """The localized columns of `obj` as stored in the database now, or None."""
    if obj.pk is None:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).values(*localized_columns(type(obj))).first()


def sync_object(obj, previous=None, *, now=None):
    """
    Bring the rows of `obj` up to date after a save.

    `previous` holds the localized columns before the save (None for a new
    object): a target whose value changed counts as translated against
    today's source.
    """
    now = now or timezone.now()
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    rows = {
        (row.field, row.language): row
        for row in FieldTranslation.objects.filter(content_type=content_type, object_id=obj.pk)
    }
    source_lang = source_language(obj)
    keep, changed = set(), []
    for field in translatable_fields(type(obj)):
        source = value(obj, field, source_lang)
        if not source:
            continue
        source_hash = text_hash(source)
        for language in languages():
            if language == source_lang:
                continue
            keep.add((field, language))
            target = value(obj, field, language)
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
            row.issues = consistency_issues(source, target) if target else ""
            if row.pk is None or _tracked(row) != before:
                changed.append(row)
    stale = [row.pk for key, row in rows.items() if key not in keep]
    with transaction.atomic():
        if stale:
            FieldTranslation.objects.filter(pk__in=stale).delete()
        for row in changed:
            row.save()


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
    row.save()
    return row


def rebuild_all(models_to_rebuild):
    """Recompute every row from the content; existing translations count as current."""
    for model in models_to_rebuild:
        for obj in model._base_manager.iterator():
            sync_object(obj, previous=snapshot(obj))


class TracksTranslations(models.Model):
    translation_states = GenericRelation(FieldTranslation)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        previous = None if self._state.adding else snapshot(self)
        super().save(*args, **kwargs)
        sync_object(self, previous)
