"""
renaulution/languages.py: every language of settings.LANGUAGES is declared
once, `manage.py check` says so when one is not, and `migrate` gives a
language what the shipped migrations made for en, fr and it (its search
structures, its translators' group). tests/fourth_language/ adds one.
"""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core import checks
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.utils import translation

from renaulution import languages, roles, search_documents
from renaulution.formats import local_date
from renaulution.search import SOURCES, search
from tests.factories import PressReleaseFactory


def run_check():
    return [error for error in checks.run_checks() if error.id.startswith("renaulution.E1")]


def test_the_shipped_languages_are_declared_and_pass_the_check():
    assert run_check() == []
    assert [entry.code for entry in languages.entries()] == languages.codes()


def test_a_language_without_its_entry_fails_the_check(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("nl", "Nederlands")]
    [error] = run_check()
    assert error.id == "renaulution.E101"
    assert error.level == checks.ERROR
    assert "'nl'" in error.msg and "renaulution/languages.py" in error.msg
    assert "Language(code='nl'" in error.hint


def test_date_formats_without_their_format_module_fail_the_check(settings, monkeypatch):
    dutch = languages.Language(
        code="nl",
        og_locale="nl_NL",
        snowball="dutch",
        name_in_text="Nederlands",
        outdated_notice="…",
        missing_notice="…",
        source_version="De Nederlandse versie lezen",
        date_formats={"DATE_FORMAT": "j F Y"},
    )
    monkeypatch.setitem(languages.ENTRIES, "nl", dutch)
    settings.LANGUAGES = [*settings.LANGUAGES, ("nl", "Nederlands")]
    [error] = run_check()
    assert error.id == "renaulution.E102"
    assert "renaulution.formats.nl.formats" in error.msg


def test_the_search_configurations_are_those_the_migrations_made():
    made = import_module("companies.migrations.0003_search").CONFIGURATIONS
    declared = {
        entry.code: (entry.search_configuration, entry.snowball, f"{entry.snowball}_stem")
        for entry in languages.entries()
        if entry.code in made
    }
    assert declared == made


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 November 2023"), ("fr", "1er novembre 2023"), ("it", "1 novembre 2023")],
)
def test_the_first_of_the_month_as_each_language_writes_it(language, expected):
    with translation.override(language):
        assert local_date(datetime.date(2023, 11, 1)) == expected
        assert local_date(datetime.date(2023, 11, 13)).startswith("13 ")


def generated_columns(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, generation_expression FROM information_schema.columns "
            "WHERE table_name = %s AND column_name LIKE 'search\\_%%'",
            [table],
        )
        return dict(cursor.fetchall())


@pytest.mark.django_db
def test_migrate_recreates_a_languages_missing_search_structures():
    """What a language added later gets, shown on French with its structures dropped."""
    tables = [source.model._meta.db_table for source in SOURCES.values()]
    if connection.vendor == "postgresql":
        before = {table: generated_columns(table) for table in tables}
        with connection.cursor() as cursor:
            # DDL is transactional here: the test's rollback restores it.
            for table in tables:
                cursor.execute(f'ALTER TABLE "{table}" DROP COLUMN search_fr')
        assert search_documents.create_missing() == [f"{table}.search_fr" for table in tables]
        # The same documents, weights and fallback as the migrations'.
        assert {table: generated_columns(table) for table in tables} == before
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE search_index_fr")
        assert search_documents.create_missing() == ["search_index_fr"]
    assert search_documents.create_missing() == []  # nothing left to make
    release = PressReleaseFactory(title_fr="Les usines électriques")
    assert [r.object for r in search("électrique", language="fr")[:5]] == [release]


@pytest.mark.django_db
def test_migrate_creates_a_missing_role_group_and_leaves_the_others_alone():
    Group.objects.get(name="Translators (it)").delete()
    editors = Group.objects.get(name=roles.EDITORS)
    kept = set(editors.permissions.values_list("pk", flat=True))
    editors.permissions.remove(Permission.objects.get(codename="delete_pressrelease"))
    # As `migrate` sends it, with its plan (nothing left to apply).
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default", plan=[])
    italian = Group.objects.get(name="Translators (it)")
    french = Group.objects.get(name="Translators (fr)")
    assert set(italian.permissions.all()) == set(french.permissions.all())
    assert italian.permissions.filter(codename="change_pressrelease").exists()
    # An admin's change to an existing group survives the next migrate.
    assert set(editors.permissions.values_list("pk", flat=True)) == kept - {
        Permission.objects.get(codename="delete_pressrelease").pk
    }
    assert roles.missing_role_groups(apps) == []


@pytest.mark.django_db
def test_flush_does_not_make_role_groups():
    """A restore flushes, then loads the archive's groups: new ones would clash."""
    Group.objects.get(name="Translators (it)").delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as flush sends it
    assert roles.missing_role_groups(apps) == ["Translators (it)"]
