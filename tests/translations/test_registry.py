"""The one object loader of the translations app (registry.load_objects)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from tests.factories import PositionFactory, PressReleaseFactory
from translations.registry import load_objects

pytestmark = pytest.mark.django_db


def key(obj):
    return (ContentType.objects.get_for_model(obj, for_concrete_model=False).pk, obj.pk)


def test_objects_of_several_models_cost_one_query_per_model(django_assert_num_queries):
    releases = PressReleaseFactory.create_batch(3)
    positions = PositionFactory.create_batch(2)
    keys = [key(obj) for obj in releases + positions]
    load_objects(keys)  # the content types are cached from here on
    with django_assert_num_queries(2):  # one per model, the names' related rows joined
        objects = load_objects(keys)
        names = [str(objects[k]) for k in keys]
    assert set(objects) == set(keys)
    assert names[0] == str(releases[0])
    assert names[3] == str(positions[0])  # "person, title (company)", no extra query


def test_deleted_objects_and_removed_models_are_left_out():
    kept, gone = PressReleaseFactory.create_batch(2)
    removed = ContentType.objects.create(app_label="companies", model="nosuchmodel")
    keys = [key(kept), key(gone), (removed.pk, 1)]
    gone.delete()
    assert list(load_objects(keys)) == [key(kept)]


def test_nothing_to_load_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert load_objects([]) == {}


def test_for_update_locks_only_the_objects_rows(django_assert_num_queries):
    position = PositionFactory()
    load_objects([key(position)])
    with transaction.atomic(), django_assert_num_queries(1) as queries:
        objects = load_objects([key(position)], for_update=True)
        assert str(objects[key(position)]) == str(position)
    sql = queries.captured_queries[0]["sql"]
    if connection.features.has_select_for_update_of:  # PostgreSQL
        # The person and company joined for the name are not locked.
        assert sql.endswith('FOR UPDATE OF "companies_position"')
    else:  # SQLite locks the whole database for a write: nothing to add
        assert "FOR UPDATE" not in sql
