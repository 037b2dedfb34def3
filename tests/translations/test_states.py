import pytest

from companies.models import PressRelease
from tests.factories import EpisodeFactory, PositionFactory, PressReleaseFactory
from translations.models import FieldTranslation, State
from translations.tracking import mark_reviewed, rebuild_all

pytestmark = pytest.mark.django_db


def states(obj, field):
    rows = FieldTranslation.objects.for_object(obj).filter(field=field)
    return {row.language: row.state for row in rows}


def test_a_new_object_has_current_and_missing_translations():
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="Ampere démarre", title_it="")
    assert states(release, "title") == {"fr": State.CURRENT, "it": State.MISSING}
    # No English row: English is the source. Slugs are not text to translate.
    assert not FieldTranslation.objects.for_object(release).filter(language="en").exists()
    assert not FieldTranslation.objects.for_object(release).filter(field="slug").exists()


def test_editing_the_source_makes_translations_outdated_until_saved_or_reviewed():
    release = PressReleaseFactory(
        title_en="Ampere starts", title_fr="Ampere démarre", title_it="Parte"
    )
    before = FieldTranslation.objects.for_object(release).get(field="title", language="fr")

    release.title_en = "Ampere starts today"
    release.save()
    assert states(release, "title") == {"fr": State.OUTDATED, "it": State.OUTDATED}
    row = FieldTranslation.objects.for_object(release).get(field="title", language="fr")
    assert row.source_changed_at > before.source_changed_at
    assert row.translated_source == "Ampere starts"  # what the translator worked from

    release.title_fr = "Ampere démarre aujourd'hui"
    release.save()
    assert states(release, "title") == {"fr": State.CURRENT, "it": State.OUTDATED}

    mark_reviewed(release, "title", "it")
    assert states(release, "title") == {"fr": State.CURRENT, "it": State.CURRENT}


def test_saving_without_changes_keeps_outdated_translations_outdated():
    release = PressReleaseFactory(title_en="A", title_fr="A fr")
    release.title_en = "B"
    release.save()
    release.refresh_from_db()
    release.save()
    assert states(release, "title")["fr"] == State.OUTDATED


def test_the_source_is_the_original_language():
    release = PressReleaseFactory(
        original_language="it", title_it="Comunicato", title_en="Release", title_fr=""
    )
    assert states(release, "title") == {"en": State.CURRENT, "fr": State.MISSING}


def test_an_empty_source_needs_no_translation():
    release = PressReleaseFactory(summary_en="", summary_fr="", summary_it="")
    assert states(release, "summary") == {}


def test_positions_and_alt_texts_are_tracked():
    position = PositionFactory(title_it="")
    assert states(position, "title") == {"fr": State.CURRENT, "it": State.MISSING}
    episode = EpisodeFactory(still_alt_en="A still", still_alt_fr="")
    assert states(episode, "still_alt") == {"fr": State.MISSING, "it": State.MISSING}


def test_deleting_an_object_deletes_its_states():
    release = PressReleaseFactory()
    assert FieldTranslation.objects.for_object(release).exists()
    PressRelease.objects.filter(pk=release.pk).delete()
    assert not FieldTranslation.objects.filter(
        content_type__model="pressrelease", object_id=release.pk
    ).exists()


def test_numbers_that_differ_from_the_source_are_flagged():
    release = PressReleaseFactory(
        summary_en="A record loss of €7.3 billion in 2020.",
        summary_fr="Une perte record de 7,3 milliards d'euros en 2020.",
        summary_it="Una perdita record di 6,3 miliardi di euro nel 2020.",
    )
    rows = {
        row.language: row
        for row in FieldTranslation.objects.for_object(release).filter(field="summary")
    }
    assert rows["fr"].issues == ""
    assert rows["it"].issues == "-7.3 +6.3"


def test_rebuild_recreates_lost_rows_without_touching_outdated_ones():
    release = PressReleaseFactory(title_en="A", title_fr="A fr", title_it="A it")
    release.title_en = "B"
    release.save()
    FieldTranslation.objects.for_object(release).filter(language="it").delete()
    rebuild_all([PressRelease])
    # A row rebuilt from content alone counts as current; the kept one stays outdated.
    assert states(release, "title") == {"fr": State.OUTDATED, "it": State.CURRENT}
