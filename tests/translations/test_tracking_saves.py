"""
How `TracksTranslations.save()` writes the translation states: only those of
the fields a save writes (`update_fields`), and in the same transaction as
the row, so that the text and its states never disagree. `release` is the
press release of tests/translations/conftest.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from companies.models import PressRelease
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


def states(obj):
    rows = FieldTranslation.objects.for_object(obj)
    return {(row.field, row.language): (row.state, row.source_hash) for row in rows}


def stored(release):
    return PressRelease.objects.get(pk=release.pk)


def test_a_save_of_no_localized_field_writes_no_state(release):
    before = states(release)
    # In memory only: a save of the status alone must not read these.
    release.title_it = ""
    release.summary_en = "Twelve sites."
    release.status = "published"
    with CaptureQueriesContext(connection) as queries:
        release.save(update_fields=["status"])
    assert not [q for q in queries if FieldTranslation._meta.db_table in q["sql"]]
    assert states(release) == before
    assert stored(release).status == "published"
    assert stored(release).title_it == "Ampere parte"


def test_a_save_of_one_column_writes_that_fields_states_only(release):
    before = states(release)
    release.title_fr = "Ampere démarre"
    # Changed in memory, not saved: neither the summary's states nor the
    # title's source may follow them.
    release.title_en = "Ampere starts today"
    release.summary_en = "Twelve sites."
    release.save(update_fields=["title_fr"])

    after = states(release)
    assert after[("title", "fr")] == (State.CURRENT, before[("title", "fr")][1])
    assert before[("title", "fr")][0] == State.MISSING
    assert after[("title", "it")] == before[("title", "it")]
    assert {key: row for key, row in after.items() if key[0] != "title"} == {
        key: row for key, row in before.items() if key[0] != "title"
    }
    saved = stored(release)
    assert (saved.title_fr, saved.title_en, saved.summary_en) == (
        "Ampere démarre",
        "Ampere starts",
        "Eleven sites and 11,000 people.",
    )


def test_a_save_of_the_source_column_makes_its_translations_outdated(release):
    release.summary_en = "Twelve sites."
    release.save(update_fields=["summary_en"])
    after = states(release)
    assert after[("summary", "fr")][0] == State.OUTDATED
    assert after[("summary", "it")][0] == State.MISSING
    assert after[("title", "it")][0] == State.CURRENT


def test_a_bare_field_name_is_the_active_languages_column(release):
    with translation.override("fr"):
        release.title = "Ampere démarre"
        release.save(update_fields=["title"])
    assert stored(release).title_fr == "Ampere démarre"
    assert states(release)[("title", "fr")][0] == State.CURRENT


def test_a_save_of_the_original_language_rewrites_every_fields_states(release):
    release.original_language = "it"
    release.save(update_fields=["original_language"])
    rows = FieldTranslation.objects.for_object(release)
    assert {row.source_language for row in rows} == {"it"}
    # The Italian title is the source now; the Italian summary and body are
    # empty, so they have nothing to translate: their rows are gone.
    assert {(row.field, row.language) for row in rows} == {("title", "en"), ("title", "fr")}


def test_the_row_is_not_saved_when_its_states_cannot_be(release, monkeypatch):
    """The row and its states are written in one transaction."""

    def fail(self, *args, **kwargs):
        raise RuntimeError("the states table is unavailable")

    before = states(release)
    monkeypatch.setattr(FieldTranslation, "save", fail)
    release.title_fr = "Ampere démarre"
    with pytest.raises(RuntimeError):
        release.save()
    monkeypatch.undo()
    assert stored(release).title_fr == ""
    assert states(release) == before


def test_a_new_object_and_a_full_save_still_write_every_state(release):
    assert set(states(release)) == {
        ("title", "fr"),
        ("title", "it"),
        ("summary", "fr"),
        ("summary", "it"),
        ("body", "fr"),
        ("body", "it"),
    }
    release.title_en = "Ampere starts today"
    release.save()
    assert states(release)[("title", "it")][0] == State.OUTDATED
