"""
Which changes of public content are events, and the deliveries they queue.

An object is public as `published()` says (renaulution/publishing.py). Its
events follow every write path as renaulution/invalidation.py does: model
signals (`pre_save`/`post_save`, `post_delete`, `m2m_changed`), the
`bulk_updating`/`bulk_updated` signals of `PublishedQuerySet.update()`
(the admin's publish actions), and a scheduler task for the go-lives and
expiries that happen with no write at all.

- published: the object became public (saved so, or its go-live passed);
- updated: a public object changed (its row, one of its many-to-many
  lists, or a row it owns: a person's positions, a series' producers);
- unpublished: it was public and is no longer (a draft again, scheduled
  again, or expired);
- deleted: a public object was deleted;
- translation_current: one of its translations became current
  (translations/tracking.py saves the `FieldTranslation`).

A draft's save, or a scheduled object's, is no event. The deliveries are
written in the change's transaction, one per endpoint that wants the event,
so a rollback takes them away; the worker sends them only once committed.
Within one transaction an object gets each event once (the admin saves a
row, then its many-to-many lists: one "updated"), and "updated" adds nothing
to a "published" of the same transaction.
"""

import copy

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils import timezone, translation

from api.addresses import api_path
from renaulution import invalidation, scheduling
from renaulution.publishing import (
    Publishable,
    Status,
    bulk_updated,
    bulk_updating,
    published_condition,
)
from renaulution.slugs import slug_in

from .models import Delivery, Endpoint, Event

# Columns whose change alone is no "updated": they change with every save.
_IGNORED = {"updated_at"}


def label(model):
    return model._meta.label_lower


def publishable_models():
    return [m for m in invalidation.public_models() if issubclass(m, Publishable)]


def is_public(obj):
    return obj.is_published


def _api_url(obj):
    path = api_path(obj)
    return None if path is None else settings.SITE_URL.rstrip("/") + path


def payload(obj, event, **extra):
    """What a receiver is told: the object's type, id, slugs and pages in each language."""
    languages = [code for code, _name in settings.LANGUAGES]
    slugs, urls = {}, {}
    for code in languages:
        with translation.override(code):
            if hasattr(obj, "slug_en"):
                slugs[code] = slug_in(obj, code)
            else:
                slugs[code] = getattr(obj, "slug", None)
            urls[code] = settings.SITE_URL.rstrip("/") + obj.get_absolute_url()
    body = {
        "event": event,
        "created_at": timezone.now().isoformat(),
        "object": {
            "type": label(type(obj)),
            "id": obj.pk,
            "slug": slugs,
            "url": urls,
            "api_url": _api_url(obj),
        },
    }
    body.update(extra)
    return body


# The transaction's record ----------------------------------------------------


class _Batch:
    """What one savepoint level of a transaction queued, to queue nothing twice."""

    def __init__(self):
        self.events = {}  # (type, id) -> {event: [deliveries]}
        self.deleting = set()
        self.done = False

    def __call__(self):
        self.done = True


def _batches():
    if not connection.in_atomic_block:
        return []
    return [
        func
        for _sids, func, _robust in connection.run_on_commit
        if isinstance(func, _Batch) and not func.done
    ]


def _current_batch():
    """The batch of this savepoint level (a rolled-back savepoint drops its own)."""
    if not connection.in_atomic_block:
        return None
    level = set(connection.savepoint_ids)
    for sids, func, _robust in connection.run_on_commit:
        if isinstance(func, _Batch) and sids == level and not func.done:
            return func
    batch = _Batch()
    transaction.on_commit(batch)
    return batch


def _queued(key, event):
    found = []
    for batch in _batches():
        found += batch.events.get(key, {}).get(event, [])
    return found


def _being_deleted(key):
    return any(key in batch.deleting for batch in _batches())


def endpoints_for(event):
    return [
        endpoint for endpoint in Endpoint.objects.filter(active=True) if event in endpoint.events
    ]


def record(obj, event, *, endpoints=None, **extra):
    """Queue `event` of `obj` for every active endpoint that wants it; the deliveries."""
    key = (label(type(obj)), obj.pk)
    if _queued(key, event):
        return []
    if event == Event.UPDATED and (_queued(key, Event.PUBLISHED) or _being_deleted(key)):
        return []
    if endpoints is None:
        endpoints = endpoints_for(event)
    endpoints = [endpoint for endpoint in endpoints if endpoint.wants(event)]
    if not endpoints:
        return []
    body = payload(obj, event, **extra)
    deliveries = [
        Delivery.objects.create(
            endpoint=endpoint,
            event=event,
            object_type=key[0],
            object_id=obj.pk,
            payload=copy.deepcopy(body),  # each its own: a later field is added to each
        )
        for endpoint in endpoints
    ]
    batch = _current_batch()
    if batch is not None:
        batch.events.setdefault(key, {}).setdefault(event, []).extend(deliveries)
    return deliveries


# Model signals ---------------------------------------------------------------


def _compared_columns(model):
    """
    The columns a change of is an update: every concrete one but the
    modification time and the untranslated originals of localized fields,
    whose attribute reads the active language (their `_en`, `_fr`, `_it`
    columns are compared instead).
    """
    from modeltranslation.translator import NotRegistered, translator

    try:
        originals = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        originals = set()
    return [
        f.attname
        for f in model._meta.concrete_fields
        if f.attname not in _IGNORED and f.name not in originals
    ]


def _row(model, pk):
    return model._base_manager.filter(pk=pk).values(*_compared_columns(model)).first()


def _was_public(row):
    if row is None or row["status"] != Status.PUBLISHED:
        return False
    now = timezone.now()
    return row["published_at"] <= now and (row["expires_at"] is None or row["expires_at"] > now)


def _before_save(sender, instance, raw=False, **kwargs):
    if raw:
        # A fixture or a backup being loaded (`restore`): rows as they were, no news.
        instance._webhooks_endpoints = instance._webhooks_before = None
        return
    instance._webhooks_endpoints = [
        endpoint
        for endpoint in Endpoint.objects.filter(active=True)
        if {Event.PUBLISHED, Event.UPDATED, Event.UNPUBLISHED} & set(endpoint.events)
    ]
    before = None
    if instance._webhooks_endpoints and instance.pk is not None and not instance._state.adding:
        before = _row(sender, instance.pk)
    instance._webhooks_before = before


def _saved(sender, instance, created, raw=False, **kwargs):
    endpoints = getattr(instance, "_webhooks_endpoints", None)
    before = getattr(instance, "_webhooks_before", None)
    instance._webhooks_endpoints = instance._webhooks_before = None
    if not endpoints:
        return
    was, now = _was_public(before), is_public(instance)
    if now and not was:
        record(instance, Event.PUBLISHED, endpoints=endpoints)
    elif was and not now:
        record(instance, Event.UNPUBLISHED, endpoints=endpoints)
    elif was and now and _row_changed(instance, before):
        record(instance, Event.UPDATED, endpoints=endpoints)


def _row_changed(instance, before):
    return any(getattr(instance, name) != value for name, value in before.items())


def _deleting(sender, instance, **kwargs):
    batch = _current_batch()
    if batch is not None:
        batch.deleting.add((label(sender), instance.pk))


def _deleted(sender, instance, **kwargs):
    if is_public(instance):
        record(instance, Event.DELETED)


def _owners(instance):
    """The public objects a row of a non-publishable public model belongs to."""
    owners = []
    for field in type(instance)._meta.concrete_fields:
        owner_model = field.related_model
        if not field.is_relation or owner_model not in publishable_models():
            continue
        if field.remote_field.on_delete.__name__ != "CASCADE":
            continue  # a reference (a position's company), not an owner
        pk = getattr(instance, field.attname)
        if pk is not None and not _being_deleted((label(owner_model), pk)):
            owners.append((owner_model, pk))
    return owners


def _owned_row_changed(sender, instance, **kwargs):
    if not endpoints_for(Event.UPDATED):
        return
    for model, pk in _owners(instance):
        owner = model._base_manager.filter(published_condition(), pk=pk).first()
        if owner is not None:
            record(owner, Event.UPDATED)


def _m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:
        return
    if not endpoints_for(Event.UPDATED):
        return
    # The object whose list changed is the one the field is declared on.
    if not reverse:
        owners = [instance] if isinstance(instance, Publishable) and is_public(instance) else []
    elif issubclass(model, Publishable) and pk_set:
        owners = list(model._base_manager.filter(published_condition(), pk__in=pk_set))
    else:
        owners = []
    for owner in owners:
        record(owner, Event.UPDATED)


# Bulk updates ----------------------------------------------------------------


def _bulk_updating(sender, pks, fields, state, **kwargs):
    if not issubclass(sender, Publishable) or not endpoints_for_any():
        return
    compared = _compared_columns(sender)
    names = ["pk", "status", "published_at", "expires_at"]
    names += [sender._meta.get_field(name).attname for name in fields]
    names = list(dict.fromkeys(name for name in names if name == "pk" or name in compared))
    state["webhooks"] = {
        row["pk"]: row for row in sender._base_manager.filter(pk__in=pks).values(*names)
    }


def endpoints_for_any():
    return list(Endpoint.objects.filter(active=True))


def _bulk_updated(sender, pks, fields, state, **kwargs):
    before = state.get("webhooks")
    if before is None:
        return
    endpoints = endpoints_for_any()
    for obj in sender._base_manager.filter(pk__in=pks).order_by("pk"):
        row = before.get(obj.pk)
        was, now = _was_public(row), is_public(obj)
        if now and not was:
            record(obj, Event.PUBLISHED, endpoints=endpoints)
        elif was and not now:
            record(obj, Event.UNPUBLISHED, endpoints=endpoints)
        elif was and now and _row_changed(obj, {k: v for k, v in row.items() if k != "pk"}):
            record(obj, Event.UPDATED, endpoints=endpoints)


# Translations ----------------------------------------------------------------


def _translation_loaded(sender, instance, **kwargs):
    instance._webhooks_state = instance.state


def _translation_saved(sender, instance, created, **kwargs):
    from translations.models import State

    was = getattr(instance, "_webhooks_state", None)
    instance._webhooks_state = instance.state
    if created or instance.state != State.CURRENT or was == State.CURRENT:
        return
    model = instance.content_type.model_class()
    if model is None or model not in publishable_models():
        return
    endpoints = endpoints_for(Event.TRANSLATION_CURRENT)
    if not endpoints:
        return
    translated = {"field": instance.field, "language": instance.language}
    key = (label(model), instance.object_id)
    queued = _queued(key, Event.TRANSLATION_CURRENT)
    if queued:
        # One notification per object and transaction, naming every field.
        for delivery in queued:
            delivery.payload["translations"].append(translated)
            delivery.save(update_fields=["payload"])
        return
    obj = model._base_manager.filter(published_condition(), pk=instance.object_id).first()
    if obj is not None:
        record(obj, Event.TRANSLATION_CURRENT, endpoints=endpoints, translations=[translated])


# Scheduled go-lives and expiries ----------------------------------------------


def record_passed(*, since, now):
    """
    A scheduler task (renaulution/scheduling.py): "published" for the
    objects whose go-live passed since the last run, "unpublished" for
    those whose expiry did, unless a save already told the endpoint (a
    delivery of that event made after the moment).
    """
    count = 0
    endpoints = endpoints_for_any()
    if not endpoints:
        return 0
    for model in publishable_models():
        rows = model._base_manager.filter(status=Status.PUBLISHED)
        went_live = rows.filter(published_at__gt=since, published_at__lte=now).exclude(
            expires_at__lte=now
        )
        expired = rows.filter(expires_at__gt=since, expires_at__lte=now).exclude(
            published_at__gt=since
        )
        for event, objects, moment in (
            (Event.PUBLISHED, went_live, "published_at"),
            (Event.UNPUBLISHED, expired, "expires_at"),
        ):
            objects = list(objects)
            if not objects:
                continue
            told = set(
                Delivery.objects.filter(
                    event=event,
                    object_type=label(model),
                    object_id__in=[obj.pk for obj in objects],
                    created_at__gt=since,
                ).values_list("endpoint_id", "object_id", "created_at")
            )
            for obj in objects:
                at = getattr(obj, moment)
                untold = [
                    endpoint
                    for endpoint in endpoints
                    if not any(
                        e == endpoint.pk and o == obj.pk and created >= at for e, o, created in told
                    )
                ]
                count += bool(record(obj, event, endpoints=untold))
    return count


def connect():
    """Called once from WebhooksConfig.ready()."""
    from translations.models import FieldTranslation

    for model in invalidation.public_models():
        uid = f"webhooks-{label(model)}"
        if issubclass(model, Publishable):
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre")
            post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
            pre_delete.connect(_deleting, sender=model, dispatch_uid=f"{uid}-predel")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-del")
            bulk_updating.connect(_bulk_updating, sender=model, dispatch_uid=f"{uid}-bulk-pre")
            bulk_updated.connect(_bulk_updated, sender=model, dispatch_uid=f"{uid}-bulk")
            # Explicit through tables too: their `add()` saves no row.
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(_m2m, sender=through, dispatch_uid=f"{uid}-m2m-{field}")
        else:
            post_save.connect(_owned_row_changed, sender=model, dispatch_uid=f"{uid}-owned")
            post_delete.connect(_owned_row_changed, sender=model, dispatch_uid=f"{uid}-owned-del")
    post_init.connect(_translation_loaded, sender=FieldTranslation, dispatch_uid="webhooks-ft-init")
    post_save.connect(_translation_saved, sender=FieldTranslation, dispatch_uid="webhooks-ft-save")
    scheduling.register(record_passed)
