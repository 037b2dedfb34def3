"""
Which surrogate keys a page shows, and which ones a change makes stale.

Attribution is automatic, so no view or template has to remember it (and a
new one cannot forget): while a cacheable page renders, `collect()` watches

- every instance of a public model the page loads (`post_init`): its
  object key, whatever loaded it (the detail lookup, a list, a
  `select_related` join, a prefetch); rows read as values() instead
  (`rows_read()`, called by `PublishedQuerySet`) give their model's `:any`
  key when they show text;
- every SQL query on a public model's table: its `:list` key, since the
  query decided which rows to show and a change of membership (a draft
  published, a release moved to another company) changes its answer. The
  detail view's own lookup by slug runs under `lookup()`, so a detail page
  is not invalidated by every new object of its model; what it lists
  beside (a company's releases) still counts, as a relation key
  (`companies.pressrelease:list:company_id=5`, the value read from the
  query's parameters), so that publishing a release drops the pages
  listing its company's releases, not every page that shows the company.

Windows: a page that shows the first rows of a model's public order (home's
latest releases) or an object's neighbours in it (an episode's previous and
next) declares it with `first_rows()` or `around()`, and a page that shows
the first and last years of a date with `date_span()`: instead of the
model's `:list` key, the page gets the gap keys of its window's places
(`companies.pressrelease:gap:42`) or the date's span key, and a change
announces the gap it fills (its nearest public follower's) and whether its
year goes beyond an end of the span, so that publishing a release drops home
only when it enters the three latest. A query filtered by one calendar year
of a date (`issued_on__year=2021`) gives the year key
(`companies.pressrelease:year:issued_on=2021`), announced for the years a
changed row is dated in, before and after. An enumeration that lists are
filtered by (`LISTED_CHOICES`: the press list's `?kind=`) cuts lists as a
foreign key does: `companies.pressrelease:list:kind=article`, announced for
a changed row's values before and after.

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
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models, transaction
from django.db.models import Max, Min, Q
from django.db.models.constants import LOOKUP_SEP
from django.db.models.query import ModelIterable
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
# Enumerations (model label → field names) that public lists are filtered by:
# keyed like a foreign key, so that a list of one value is dropped by the rows
# of that value only. Not `status`: every public query filters by it.
LISTED_CHOICES = {"companies.pressrelease": ("kind",)}

_AGGREGATE = re.compile(r"\b(?:MAX|MIN|SUM|AVG)\(([^()]*)\)", re.IGNORECASE)
_COLUMN = re.compile(r'^\s*"(\w+)"\."(\w+)"\s*$')
# `"table"."column" = %s` or `IN (%s, %s)`.
_FILTER = r'"{t}"\."{c}" (?:= %s|IN \((?:%s, )*%s\))'
# A date's range: what `<date>__year=2021` asks.
_RANGE = r'"{t}"\."{c}" BETWEEN %s AND %s'


def _filter(table, column, pattern=_FILTER):
    return re.compile(pattern.format(t=re.escape(table), c=re.escape(column)))


def _each_value(key):
    """The keys of a filter's values, one key per value."""
    return lambda values: {key(value) for value in values}


def _year_of(field):
    """The year of a range that is one calendar year of `field`, else None."""

    def year(values):
        try:
            first, last = (field.to_python(value) for value in values)
        except ValidationError:
            return None
        if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31):
            return None
        return first.year if first.year == last.year else None

    return year


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
        # Each pattern with what its values name: "keys" (a set of keys), or
        # the (column, value) of one of the model's own foreign keys, or
        # the year of one of its dates, which a page filtered by both a
        # foreign key and a year gets together, as one key.
        relation = []
        for field in model._meta.concrete_fields:
            if field.primary_key:
                key = functools.partial(sk.object_key, model)
                relation.append((_filter(table, field.column), "keys", _each_value(key)))
            elif field.is_relation or _is_listed_choice(field):
                relation.append((_filter(table, field.column), "fk", field.column))
        relation += [
            (_filter(table, field.column, _RANGE), "year", (field.column, _year_of(field)))
            for field in _date_fields(model)
        ]
        throughs = [f.remote_field.through for f in model._meta.local_many_to_many]
        throughs += [
            r.field.remote_field.through for r in model._meta.related_objects if r.many_to_many
        ]
        for through in throughs:
            for field in through._meta.concrete_fields:
                if field.is_relation:
                    key = functools.partial(sk.relation_key, through, field.column)
                    relation.append(
                        (_filter(through._meta.db_table, field.column), "keys", _each_value(key))
                    )
        tables[f'FROM "{table}"'] = (
            sk.list_key(model),
            sk.any_key(model),
            functools.partial(_filtered_keys, model, relation),
        )
    return tables


def _filtered_keys(model, relations, sql, params):
    """
    The keys of the filters of `sql` found in `relations`, their values
    read from `params`; None when a filter is found whose values cannot be
    read (then the query counts as a plain list). A query filtered by both
    a foreign key of `model` and a year (a company's releases of 2021)
    gets their intersection's keys, not each's; so does a query filtered by
    a foreign key and a listed enumeration (a company's articles).
    """
    keys, foreign, years = set(), set(), set()
    for pattern, kind, name in relations:
        for match in pattern.finditer(sql):
            first = sql.count("%s", 0, match.start())
            count = match.group(0).count("%s")
            values = params[first : first + count] if isinstance(params, (list, tuple)) else None
            if values is None or len(values) != count:
                return None
            if kind == "keys":
                keys.update(name(values))
            elif kind == "fk":
                foreign.update((name, value) for value in values)
            else:
                column, year_of = name
                year = year_of(values)
                if year is None:
                    return None
                years.add((column, year))
    keys.update(sk.every_year_key(model, column) for column, _year in years)
    relations = _intersections(model, foreign)
    if relations and years:
        keys.update(
            _year_key(model, column, year, relation)
            for column, year in years
            for relation in relations
        )
    else:
        keys.update(_relation_key(model, relation) for relation in relations)
        keys.update(sk.year_key(model, column, year) for column, year in years)
    return keys


def _intersections(model, pairs):
    """
    The (column, value) pairs of a query's foreign keys and listed
    enumerations as the sets of rows it reads: each pair on its own, or,
    when it filters by an enumeration and a foreign key both, each
    enumeration value with each foreign value (a company's articles).
    """
    choices = _choice_columns(model)
    chosen = [pair for pair in pairs if pair[0] in choices]
    others = [pair for pair in pairs if pair[0] not in choices]
    if chosen and others:
        return [(choice, other) for choice in chosen for other in others]
    return [(pair,) for pair in pairs]


def _relation_key(model, relation):
    """`companies.pressrelease:list:company_id=5` or `…:list:company_id=5,kind=article`."""
    (column, value), *more = sorted(relation, key=str)
    return sk.relation_key(model, column, value) + "".join(f",{c}={v}" for c, v in more)


def _year_key(model, column, year, relation):
    """A year's rows within a relation: `…:year:issued_on=2021,company_id=5,kind=article`."""
    return sk.year_key(model, column, year) + "".join(
        f",{c}={v}" for c, v in sorted(relation, key=str)
    )


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
    for _key, _every, filtered_keys in found:
        keys = filtered_keys(sql, params)
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


def rows_read(queryset):
    """
    A page reads `queryset`'s rows as values() (a sitemap's slugs): no
    instance is loaded, so `_loaded` gives the page no object key, and a
    text edit announces only its object's key and the model's `:any`. A
    read of any text column (a localized field, a slug), of the model or
    of a related one (`company__name`), gives the page that model's `:any`.
    Instances and reads of other columns (pks, dates) need nothing here.
    """
    if _collecting.get() is None or issubclass(queryset._iterable_class, ModelIterable):
        return
    query = queryset.query
    names = query.values_select
    if not names and query.default_cols:  # values() without names: every column
        names = [field.name for field in queryset.model._meta.concrete_fields]
    for name in names:
        model, column = _read_column(queryset.model, name)
        if model not in public_models():
            continue
        # A related model's rows are joined, not listed FROM: `attribute()`
        # sees none of their columns, and `:any` comes with every change.
        joined = model is not queryset.model and column not in ("pk", model._meta.pk.name)
        if joined or column in _text_columns(model):
            add_keys(sk.any_key(model))


def _read_column(model, name):
    """The model and field name that `name` (a values() path) reads."""
    *relations, column = name.split(LOOKUP_SEP)
    for relation in relations:
        try:
            model = model._meta.get_field(relation).related_model
        except FieldDoesNotExist:  # an annotation's name
            return None, None
    return model, column


@contextlib.contextmanager
def lookup():
    """The query inside fetches one known object (by slug): no `:list` key."""
    token = _in_lookup.set(True)
    try:
        yield
    finally:
        _in_lookup.reset(token)


# Windows ----------------------------------------------------------------------


def _public(model):
    """The model's public rows; None for a model without publication (positions)."""
    manager = model._default_manager
    return manager.published() if hasattr(manager, "published") else None


def _order(model):
    """
    The model's Meta ordering as (field, descending) pairs, the primary key
    last (a total order). A foreign key orders by its column, not by its
    model's ordering as Django's `order_by` would: windows are compared by
    value, on the pages' side and the announcement's alike. None when the
    ordering holds an expression (companies' `Lower("name")`): rows cannot
    be compared by their stored values, so the model has no windows.
    """
    if not all(isinstance(name, str) for name in model._meta.ordering):
        return None
    order = []
    for name in model._meta.ordering:
        descending = name.startswith("-")
        name = name.lstrip("-")
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        order.append((field, descending))
    if not any(field.primary_key for field, _descending in order):
        order.append((model._meta.pk, False))
    return order


def _order_by(order, reverse=False):
    return [f"-{f.attname}" if descending != reverse else f.attname for f, descending in order]


def _beyond(order, values, reverse=False):
    """
    The condition of the rows after `values` (attname → value; a string date
    from a factory is read with the field's `to_python`) in `order`, or
    before them with `reverse`; None when a value is unset.
    """
    condition, equal = Q(), Q()
    for field, descending in order:
        value = values.get(field.attname)
        if value is None:
            return None
        value = field.to_python(value)
        lookup_name = "lt" if descending != reverse else "gt"
        condition |= equal & Q(**{f"{field.attname}__{lookup_name}": value})
        equal &= Q(**{field.attname: value})
    return condition


def _values(obj, fields):
    return {field.attname: getattr(obj, field.attname) for field in fields}


def _follower_gap(model, values, exclude=()):
    """The gap key of the first public row after `values` in the model's order."""
    order = _order(model)
    after = _beyond(order, values)
    if after is None:
        return sk.gap_key(model, sk.EVERY_GAP)
    with lookup():
        follower = (
            _public(model)
            .exclude(pk__in=list(exclude))
            .filter(after)
            .order_by(*_order_by(order))
            .values_list("pk", flat=True)
            .first()
        )
    return sk.gap_key(model, sk.GAP_END if follower is None else follower)


def _check_window(queryset):
    model = queryset.model
    if _order(model) is None:
        raise ValueError(f"{model.__name__} is ordered by an expression: it has no windows.")
    if queryset._prefetch_related_lookups:
        raise ValueError("A window's rows are read without their keys: no prefetch.")
    if queryset.query.order_by and list(queryset.query.order_by) != list(model._meta.ordering):
        raise ValueError(f"A window of {model.__name__} is in its Meta ordering.")


def first_rows(queryset, n):
    """
    The first `n` rows of `queryset`, the model's public rows in its Meta
    ordering (`select_related` allowed), as a list; the page gets the gap
    key of each row's place (a row published just before it pushes the
    window) and, when the window is not full, the end's, rather than the
    model's `:list` key: a change further down the list keeps the page.
    """
    _check_window(queryset)
    with lookup():
        rows = list(queryset[:n])
    model = queryset.model
    keys = {sk.gap_key(model, sk.EVERY_GAP), *(sk.gap_key(model, row.pk) for row in rows)}
    if len(rows) < n:
        keys.add(sk.gap_key(model, sk.GAP_END))
    add_keys(*keys)
    return rows


def around(queryset, obj):
    """
    (previous, next) of `obj` in `queryset`, the model's public rows of one
    run of its Meta ordering (an episode's series, in (series, number)
    order); None at either end. The page gets the gap keys of `obj`'s place
    (a row arriving between the previous and it) and of its public
    follower's (a row arriving between it and the next, or after it at the
    end), not the `:list` key of every row of the run. Two queries: the
    follower is the next when it is in the run.
    """
    _check_window(queryset)
    model = type(obj)
    order = _order(model)
    values = _values(obj, [field for field, _descending in order])
    before, after = _beyond(order, values, reverse=True), _beyond(order, values)
    if before is None or after is None:
        raise ValueError(f"{model.__name__} {obj.pk} has no place in its order.")
    with lookup():
        previous = queryset.filter(before).order_by(*_order_by(order, reverse=True)).first()
        follower = (
            _public(model)
            .filter(after)
            .annotate(in_run=models.Exists(queryset.filter(pk=models.OuterRef("pk"))))
            .order_by(*_order_by(order))
            .first()
        )
    add_keys(
        sk.gap_key(model, sk.EVERY_GAP),
        sk.gap_key(model, obj.pk),
        sk.gap_key(model, sk.GAP_END if follower is None else follower.pk),
    )
    return previous, follower if follower is not None and follower.in_run else None


def date_span(queryset, name):
    """
    (first, last) of the date field `name` over `queryset`, the model's
    public rows; the page gets the span key, announced only when a change's
    year goes beyond either end, not the `:list` key.
    """
    model = queryset.model
    field = model._meta.get_field(name)
    if field not in _date_fields(model):
        raise ValueError(f"{model.__name__}.{name} is not a listed date.")
    with lookup():
        span = queryset.aggregate(first=Min(name), last=Max(name))
    add_keys(sk.span_key(model, field.column))
    return span["first"], span["last"]


def _date_fields(model):
    """The dates (not times) a row is listed by: year filters and spans."""
    names = set(_list_field_names(model))
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField)
        and not isinstance(field, models.DateTimeField)
        and field.name in names
    ]


def _loaded(sender, instance, **kwargs):
    collector = _collecting.get()
    if collector is not None and instance.pk is not None:
        collector.objects.setdefault(sk.model_label(sender), set()).add(instance.pk)


# Announcement ---------------------------------------------------------------


class _Batch:
    """The keys of one transaction, sent once after it commits."""

    def __init__(self):
        self.keys = set()
        self.sent = False

    def __call__(self):
        self.sent = True
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
            # (A test running the callbacks leaves them listed, sent.)
            if isinstance(func, _Batch) and sids == level and not func.sent:
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


def changed(model, pks, *, membership, neighbours=None, before=None):
    """
    Objects `pks` of `model` changed; `membership`: lists may change too,
    the lists of all models' and those of the objects related to them.
    `before`: the rows' dates before the change (`dates_before`), when
    `neighbours` is not given.
    """
    keys = {sk.any_key(model), sk.SEARCH}
    keys.update(sk.object_key(model, pk) for pk in pks)
    if membership:
        keys.add(sk.list_key(model))
        if neighbours is None:
            # The values now (read by `neighbour_keys`) and before the change.
            neighbours = (
                neighbour_keys(model, pks)
                | moved_keys(model, pks, before)
                | _partition_keys(model, before)
            )
        keys.update(neighbours)
    announce(keys)


def _is_listed_choice(field):
    return field.name in LISTED_CHOICES.get(field.model._meta.label_lower, ())


def _choice_columns(model):
    return {f.column for f in model._meta.concrete_fields if _is_listed_choice(f)}


def _row_relations(model, values):
    """
    The relations a row with these partition values ((column, value) pairs)
    is listed in, as `_intersections` names those of a query: each value,
    and each enumeration value with each foreign key value.
    """
    values = [(column, value) for column, value in values if value is not None]
    found = {(pair,) for pair in values}
    found.update(relation for relation in _intersections(model, values) if len(relation) > 1)
    return found


def _partitions(model):
    """The columns that cut the model's lists: its foreign keys and listed enumerations."""
    return [f for f in model._meta.concrete_fields if f.is_relation or _is_listed_choice(f)]


def _partition_keys(model, rows):
    """
    The keys of the lists cut by a listed enumeration that rows (attname →
    value dicts, read before a change) were in: its value's, alone and with
    each foreign key's.
    """
    if not _choice_columns(model):
        return set()
    keys = set()
    fields = _partitions(model)
    for row in rows or ():
        values = [(f.column, row.get(f.attname)) for f in fields]
        for relation in _row_relations(model, values):
            if any(column in _choice_columns(model) for column, _value in relation):
                keys.add(_relation_key(model, relation))
    return keys


def _dated_columns(model):
    """
    The attnames a row's year keys are named by: its dates, and its
    foreign keys and listed enumerations.
    """
    fields = _date_fields(model)
    if not fields:
        return []
    return [f.attname for f in [*fields, *_partitions(model)]]


def dates_before(model, pks):
    """
    The dates and foreign keys of rows `pks` before a bulk update, or None
    for too many to name.
    """
    columns = _dated_columns(model)
    if not columns or len(pks) > sk.MAX_OBJECT_KEYS:
        return None
    return list(model._base_manager.filter(pk__in=pks).values(*columns))


def moved_keys(model, pks, before, after=None):
    """
    The window keys rows `pks` may have entered, left or moved in: the
    places they now fill in the public order (their followers' gaps), the
    years they are dated in before (`before`, attname → value dicts; None
    when unknown) and after (`after`, else read now), and the date spans
    whose ends those years reach. A row leaving a window needs nothing
    more: its own key is on the window's pages.
    """
    pks = list(pks)
    fields = _date_fields(model)
    if len(pks) > sk.MAX_OBJECT_KEYS or (before is None and fields):
        return _every_window_key(model, fields)
    if after is None:
        after = list(model._base_manager.filter(pk__in=pks).values(*_dated_columns(model)))
    return gap_keys(model, pks) | dated_keys(model, [*(before or []), *after], pks)


def _every_window_key(model, fields):
    keys = {sk.gap_key(model, sk.EVERY_GAP)}
    for field in fields:
        keys.add(sk.every_year_key(model, field.column))
        keys.add(sk.span_key(model, field.column))
    return keys


def gap_keys(model, pks):
    """The gaps rows `pks`, public as they are now, fill in their model's order."""
    public = _public(model)
    if public is None:
        return set()
    order = _order(model)
    if order is None:
        # No page shows a window of it (`_check_window`): nothing to name.
        return set()
    fields = [field for field, _descending in order]
    rows = public.filter(pk__in=pks).values(*(f.attname for f in fields))
    return {_follower_gap(model, row, exclude=pks) for row in rows}


def dated_keys(model, rows, pks):
    """
    The year keys of the dates in `rows` (attname → value dicts, with the
    foreign keys: the year keys within each), and the
    span key of each date whose years go beyond an end of the other public
    rows' (rows `pks` aside): only then can its first or last year change.
    """
    keys = set()
    years = {}
    foreign = _partitions(model)
    for field in _date_fields(model):
        found = set()
        for row in rows:
            if row.get(field.attname) is None:
                continue
            year = field.to_python(row[field.attname]).year
            found.add(year)
            keys.add(sk.year_key(model, field.column, year))
            # The year's rows of the row's company, of any other foreign key
            # or listed enumeration (its kind), and of their intersections.
            relations = _row_relations(model, [(f.column, row.get(f.attname)) for f in foreign])
            keys.update(_year_key(model, field.column, year, relation) for relation in relations)
        if found:
            years[field] = found
    public = _public(model)
    if not years or public is None:
        return keys
    ends = public.exclude(pk__in=pks).aggregate(
        **{f"first_{f.attname}": Min(f.attname) for f in years},
        **{f"last_{f.attname}": Max(f.attname) for f in years},
    )
    for field, found in years.items():
        first, last = ends[f"first_{field.attname}"], ends[f"last_{field.attname}"]
        if first is None or min(found) < first.year or max(found) > last.year:
            keys.add(sk.span_key(model, field.column))
    return keys


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
    partitions = []
    for field in model._meta.concrete_fields:
        if (field.is_relation and field.related_model in tracked) or _is_listed_choice(field):
            values = {value for name, value in fk_values if name == field.attname}
            if not fk_values:
                values = set(
                    model._base_manager.filter(pk__in=pks).values_list(field.attname, flat=True)
                )
            partitions += [(field.column, value) for value in values]
    # Each value's list, and the intersections (a company's articles); the
    # values before and after a change are crossed, which names more
    # intersections than the rows were in, never fewer.
    relations = {(pair,) for pair in partitions if pair[1] is not None}
    if _choice_columns(model):
        relations.update(_row_relations(model, partitions))
    keys.update(_relation_key(model, relation) for relation in relations)
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
        fk_values = [(f.attname, getattr(instance, f.attname)) for f in _partitions(sender)]
        fk_values += [(k, v) for k, v in (before or {}).items()]
        neighbours = neighbour_keys(sender, [instance.pk], fk_values)
        dates = _dated_columns(sender)
        neighbours |= moved_keys(
            sender,
            [instance.pk],
            [{name: value for name, value in (before or {}).items() if name in dates}],
            [{name: getattr(instance, name) for name in dates}],
        )
    changed(sender, [instance.pk], membership=membership, neighbours=neighbours)


def _draft_before_and_after(instance, before):
    from .publishing import Status

    if not hasattr(instance, "status"):
        return False
    was_draft = before is None or before.get("status") == Status.DRAFT
    return was_draft and instance.status == Status.DRAFT


def _deleting(sender, instance, **kwargs):
    """Its relations, read while they still exist."""
    dates = [{name: getattr(instance, name) for name in _dated_columns(sender)}]
    instance._pagecache_neighbours = neighbour_keys(sender, [instance.pk]) | dated_keys(
        sender, dates, [instance.pk]
    )


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
