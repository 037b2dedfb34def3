"""
Which surrogate keys a page shows, and which ones a change makes stale.

Attribution is automatic, so no view or template has to remember it (and a
new one cannot forget): while a cacheable page renders, `collect()` watches

- every instance of a public model the page loads (`post_init`): its
  object key, whatever loaded it (the detail lookup, a list, a
  `select_related` join, a prefetch);
- every SQL query on a public model's table: its `:list` key, since the
  query decided which rows to show and a change of membership (a draft
  published, a release moved to another company) changes its answer. The
  detail view's own lookup by slug runs under `lookup()`, so a detail page
  is not invalidated by every new object of its model; what it lists
  beside (a company's releases) still counts, as a relation key
  (`companies.pressrelease:list:company_id=5`, the value read from the
  query's parameters), so that publishing a release drops the pages
  listing its company's releases, not every page that shows the company.

Announcement: model signals (`post_save`, `post_delete`, `m2m_changed`)
and `PublishedQuerySet.update()` call `changed()`, which adds the keys to
the current transaction's batch; the batch is sent once through
`surrogate_keys.pages_invalidated` after the commit (nothing on rollback).
Every write path (admin, translators' forms, XLIFF import, the loader, the
shell) goes through one of those.
"""

import contextlib
import contextvars
import functools
import re

from django.apps import apps
from django.db import connection, models, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_save,
    pre_delete,
    pre_save,
)

from . import surrogate_keys as sk

# Apps whose models readers see.
PUBLIC_APPS = ("companies", "episodes", "timeline")

_AGGREGATE = re.compile(r"\b(?:MAX|MIN|SUM|AVG)\(([^()]*)\)", re.IGNORECASE)
_COLUMN = re.compile(r'^\s*"(\w+)"\."(\w+)"\s*$')
# `"table"."column" = %s` or `IN (%s, %s)`: the group holds the placeholders of an IN.
_FILTER = r'"{t}"\."{c}" (?:= %s|IN \(((?:%s, )*%s)\))'


def _filter(table, column):
    return re.compile(_FILTER.format(t=re.escape(table), c=re.escape(column)))


_TABLES = functools.cache(lambda: _tables())
_collecting = contextvars.ContextVar("pagecache_collecting", default=None)
_in_lookup = contextvars.ContextVar("pagecache_in_lookup", default=False)


def public_models():
    """Models of the public apps, the explicit through tables included."""
    return [model for app in PUBLIC_APPS for model in apps.get_app_config(app).get_models()]


def _tables():
    """
    `FROM "db_table"` (quoted, as both backends write it) → (list key, any
    key), and the patterns of a filter on one of its relations, each with
    the function naming the key of one filtered value.
    """
    tables = {}
    for model in public_models():
        table = model._meta.db_table
        # A query filtered by a relation's value (`company_id = %s`, a
        # prefetch's `IN (%s, ...)`), or a through table's, is the list of
        # one object's related rows: invalidated through that relation's
        # key (`companies.pressrelease:list:company_id=5`), announced when
        # a row joins or leaves that object's list; a filter on the primary
        # key is about that object, whose own key it gets.
        relation = []
        for field in model._meta.concrete_fields:
            if field.primary_key:
                relation.append((table, field.column, functools.partial(sk.object_key, model)))
            elif field.is_relation:
                relation.append(
                    (table, field.column, functools.partial(sk.relation_key, model, field.column))
                )
        throughs = [f.remote_field.through for f in model._meta.local_many_to_many]
        throughs += [
            r.field.remote_field.through for r in model._meta.related_objects if r.many_to_many
        ]
        for through in throughs:
            for field in through._meta.concrete_fields:
                if field.is_relation:
                    relation.append(
                        (
                            through._meta.db_table,
                            field.column,
                            functools.partial(sk.relation_key, through, field.column),
                        )
                    )
        tables[f'FROM "{table}"'] = (
            sk.list_key(model),
            sk.any_key(model),
            [(_filter(t, c), key) for t, c, key in relation],
        )
    return tables


def _filtered_keys(relations, sql, params):
    """
    The relation keys of the filters of `sql` found in `relations`, their
    values read from `params`; None when a filter is found whose values
    cannot be read (then the query counts as a plain list).
    """
    keys = set()
    for pattern, key in relations:
        for match in pattern.finditer(sql):
            first = sql.count("%s", 0, match.start())
            count = match.group(1).count("%s") if match.group(1) else 1
            values = params[first : first + count] if isinstance(params, (list, tuple)) else None
            if values is None or len(values) != count:
                return None
            keys.update(key(value) for value in values)
    return keys


_LISTED_COLUMNS = functools.cache(
    lambda: {
        (model._meta.db_table, model._meta.get_field(name).column)
        for model in public_models()
        for name in _list_field_names(model)
    }
)


def _aggregate_reads_any_edit(sql):
    """
    Whether an aggregate in `sql` can change with an edit that moves no
    object in or out of a list: `MAX(updated_at)` (a sitemap's lastmod)
    does; `MIN(issued_on)` (the press list's years) changes only when a
    date or the membership does, which the `:list` key already announces.
    An aggregate whose argument is not one plain column is assumed to.
    """
    for argument in _AGGREGATE.findall(sql):
        column = _COLUMN.match(argument)
        if column is None or column.groups() not in _LISTED_COLUMNS():
            return True
    return False


def attribute(collector, sql, params=()):
    """
    The keys one query gives its page: each table it lists rows FROM
    (joined tables are read through objects the page loads, whose keys it
    has), unless the query is the related rows of known objects, which
    give the keys of those relations.
    """
    found = [(key, every, rel) for table, (key, every, rel) in _TABLES().items() if table in sql]
    if not found:
        return
    aggregate = _aggregate_reads_any_edit(sql)
    related = set()
    for _key, _every, relations in found:
        keys = _filtered_keys(relations, sql, params)
        if keys is None:
            related = None
            break
        related |= keys
    for key, every, _rel in found:
        if aggregate:
            # MAX(updated_at) and the like (sitemaps' lastmod) change with any edit.
            collector.keys.add(every)
        if not related:
            collector.keys.add(key)
    if related:
        collector.keys.update(related)


class Collector:
    """The keys of one page being rendered."""

    def __init__(self):
        self.objects = {}  # model label → set of pks
        self.keys = set()

    def keys_for_header(self):
        keys = set()
        relations = {}
        for key in self.keys:
            if sk.is_relation_key(key):
                relations.setdefault(sk.every_relation_key(key), set()).add(key)
            else:
                keys.add(key)
        for every, found in relations.items():
            keys.update([every] if len(found) > sk.MAX_OBJECT_KEYS else found)
        for label, pks in self.objects.items():
            if len(pks) > sk.MAX_OBJECT_KEYS:
                keys.add(f"{label}:any")
            else:
                keys.update(f"{label}:{pk}" for pk in pks)
        return sorted(keys)


@contextlib.contextmanager
def collect():
    """Record the keys of what runs inside (one page's rendering)."""
    collector = Collector()
    token = _collecting.set(collector)

    def watch(execute, sql, params, many, context):
        if not _in_lookup.get():
            attribute(collector, sql, params)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(watch):
            yield collector
    finally:
        _collecting.reset(token)


def add_keys(*keys):
    """Keys a page depends on that no query shows (e.g. `search`)."""
    collector = _collecting.get()
    if collector is not None:
        collector.keys.update(keys)


@contextlib.contextmanager
def lookup():
    """The query inside fetches one known object (by slug): no `:list` key."""
    token = _in_lookup.set(True)
    try:
        yield
    finally:
        _in_lookup.reset(token)


def _loaded(sender, instance, **kwargs):
    collector = _collecting.get()
    if collector is not None and instance.pk is not None:
        collector.objects.setdefault(sk.model_label(sender), set()).add(instance.pk)


# Announcement ---------------------------------------------------------------


class _Batch:
    """The keys of one transaction, sent once after it commits."""

    def __init__(self):
        self.keys = set()

    def __call__(self):
        if self.keys:
            sk.pages_invalidated.send(sender=None, keys=frozenset(self.keys))


def announce(keys):
    """Add `keys` to the current transaction's batch (sent after commit)."""
    if not keys:
        return
    keys = set(keys)
    keys.update(sk.every_relation_key(key) for key in list(keys) if sk.is_relation_key(key))
    if connection.in_atomic_block:
        # A batch of this savepoint level: a savepoint rolled back drops its keys.
        level = set(connection.savepoint_ids)
        for sids, func, _robust in connection.run_on_commit:
            if isinstance(func, _Batch) and sids == level:
                func.keys.update(keys)
                return
    batch = _Batch()
    batch.keys.update(keys)
    transaction.on_commit(batch)


def _text_columns(model):
    """Localized columns and their base fields: edits that change no list."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    columns = set()
    for field, translated in options.all_fields.items():
        columns.add(field)
        columns.update(f.name for f in translated)
    return columns


_IGNORED = {"updated_at", "created_at"}


def _list_columns(model):
    """Concrete fields whose change can move the object in or out of a list."""
    return [model._meta.get_field(name).attname for name in _list_field_names(model)]


def _list_field_names(model):
    """The names of `_list_columns`' fields."""
    text = _text_columns(model)
    # An image and its stored size are shown, not listed by.
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField):
            text.update(
                {
                    field.name,
                    *filter(
                        None,
                        (getattr(field, "width_field", None), getattr(field, "height_field", None)),
                    ),
                }
            )
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in text and field.name not in _IGNORED and not field.primary_key
    ]


def changed(model, pks, *, membership, neighbours=None):
    """
    Objects `pks` of `model` changed; `membership`: lists may change too,
    the lists of all models' and those of the objects related to them.
    """
    keys = {sk.any_key(model), sk.SEARCH}
    keys.update(sk.object_key(model, pk) for pk in pks)
    if membership:
        keys.add(sk.list_key(model))
        keys.update(neighbours if neighbours is not None else neighbour_keys(model, pks))
    announce(keys)


def neighbour_keys(model, pks, fk_values=()):
    """
    Keys of the lists of related rows these objects are in or leave: those
    of what they point to (`pressrelease:list:company_id=5`, a company's
    releases), of what points to them (a person's positions, and the
    companies' lists of those), of their many-to-many partners' (a
    person's releases). The objects pointed to are not themselves
    announced: their pages that do not list these rows are kept.
    """
    keys = set()
    tracked = set(public_models())
    pks = list(pks)
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model in tracked:
            values = {value for name, value in fk_values if name == field.attname}
            if not fk_values:
                values = set(
                    model._base_manager.filter(pk__in=pks).values_list(field.attname, flat=True)
                )
            keys.update(sk.relation_key(model, field.column, v) for v in values if v is not None)
    for field in model._meta.get_fields():
        if getattr(field, "many_to_many", False) and field.related_model in tracked:
            through = field.remote_field.through if field.concrete else field.through
            source, target = _through_columns(through, model, field)
            partners = through._base_manager.filter(**{f"{source}__in": pks}).values_list(
                target, flat=True
            )
            source_column = through._meta.get_field(source).column
            target_column = through._meta.get_field(target).column
            keys.update(sk.relation_key(through, source_column, pk) for pk in pks)
            keys.update(sk.relation_key(through, target_column, pk) for pk in partners)
        elif field.one_to_many and field.related_model in tracked:
            related = field.related_model
            rows = list(
                related._base_manager.filter(**{f"{field.field.name}__in": pks})[
                    : sk.MAX_OBJECT_KEYS + 1
                ]
            )
            if len(rows) > sk.MAX_OBJECT_KEYS:
                keys.update({sk.list_key(related), sk.any_key(related)})
                keys.update(sk.relation_key(related, field.field.column, pk) for pk in pks)
                rows = []
            for row in rows:
                keys.add(sk.object_key(related, row.pk))
                for other in related._meta.concrete_fields:
                    value = getattr(row, other.attname)
                    if other.is_relation and other.related_model in tracked and value is not None:
                        keys.add(sk.relation_key(related, other.column, value))
    return keys


def _through_columns(through, model, field):
    """(column naming `model`'s side, column naming the partner) of a through table."""
    sides = [f for f in through._meta.concrete_fields if f.is_relation]
    mine = next(f for f in sides if f.related_model is model)
    other = next(f for f in sides if f is not mine and f.related_model is field.related_model)
    if mine is other:  # pragma: no cover - no self-referencing m2m here
        raise LookupError(through)
    return mine.attname, other.attname


def update_changes_membership(model, fields):
    """Whether a queryset `update(**fields)` can change lists."""
    columns = set(_list_columns(model))
    names = {model._meta.get_field(name).attname for name in fields}
    return bool(names & columns)


def _before_save(sender, instance, raw=False, **kwargs):
    """Remember the stored list-relevant values, to compare after the save."""
    columns = _list_columns(sender)
    if instance.pk is None or not columns:
        instance._pagecache_before = None
        return
    instance._pagecache_before = (
        sender._base_manager.filter(pk=instance.pk).values(*columns).first()
    )


def _saved(sender, instance, created, **kwargs):
    before = getattr(instance, "_pagecache_before", None)
    if created or before is None:
        membership = True
    else:
        membership = any(getattr(instance, column) != value for column, value in before.items())
    if _draft_before_and_after(instance, before):
        return  # a draft then and now: no public page shows it
    neighbours = None
    if membership:
        fk_values = [
            (f.attname, getattr(instance, f.attname))
            for f in sender._meta.concrete_fields
            if f.is_relation
        ]
        fk_values += [(k, v) for k, v in (before or {}).items()]
        neighbours = neighbour_keys(sender, [instance.pk], fk_values)
    changed(sender, [instance.pk], membership=membership, neighbours=neighbours)


def _draft_before_and_after(instance, before):
    from .publishing import Status

    if not hasattr(instance, "status"):
        return False
    was_draft = before is None or before.get("status") == Status.DRAFT
    return was_draft and instance.status == Status.DRAFT


def _deleting(sender, instance, **kwargs):
    """Its relations, read while they still exist."""
    instance._pagecache_neighbours = neighbour_keys(sender, [instance.pk])


def _deleted(sender, instance, **kwargs):
    neighbours = getattr(instance, "_pagecache_neighbours", None)
    changed(sender, [instance.pk], membership=True, neighbours=neighbours)


def _m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action == "pre_clear":
        field = _m2m_field(sender, type(instance), reverse)
        manager = getattr(instance, field)
        instance._pagecache_cleared = set(manager.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_pagecache_cleared", set())
    keys = {sk.object_key(type(instance), instance.pk), sk.any_key(type(instance)), sk.SEARCH}
    keys.add(sk.any_key(model))
    keys.update(sk.object_key(model, pk) for pk in pk_set or ())
    # The lists of each side's partners, read from the through table.
    sides = [f for f in sender._meta.concrete_fields if f.is_relation]
    mine = next(f for f in sides if f.related_model is type(instance))
    theirs = next(f for f in sides if f.related_model is model and f is not mine)
    keys.add(sk.relation_key(sender, mine.column, instance.pk))
    keys.update(sk.relation_key(sender, theirs.column, pk) for pk in pk_set or ())
    announce(keys)


def _m2m_field(through, model, reverse):
    """The name of the manager on `model` whose through table is `through`."""
    for field in model._meta.get_fields():
        if getattr(field, "many_to_many", False):
            remote = getattr(field, "remote_field", None)
            if field.concrete and remote is not None and remote.through is through:
                return field.name
            if not field.concrete and field.through is through:
                return field.get_accessor_name()
    raise LookupError(through)


def _translation_state(sender, instance, **kwargs):
    """A translation's state is shown (a notice) on its object's pages."""
    model = instance.content_type.model_class()
    if model is not None:
        announce({sk.object_key(model, instance.object_id)})


def connect():
    """Called once from AppConfig.ready()."""
    from translations.models import FieldTranslation

    for model in public_models():
        post_init.connect(_loaded, sender=model, dispatch_uid=f"pagecache-init-{model}")
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"pagecache-pre-{model}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"pagecache-save-{model}")
        pre_delete.connect(_deleting, sender=model, dispatch_uid=f"pagecache-predel-{model}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"pagecache-del-{model}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                m2m_changed.connect(_m2m, sender=through, dispatch_uid=f"pagecache-m2m-{through}")
    post_save.connect(_translation_state, sender=FieldTranslation, dispatch_uid="pagecache-ft-s")
    post_delete.connect(_translation_state, sender=FieldTranslation, dispatch_uid="pagecache-ft-d")
