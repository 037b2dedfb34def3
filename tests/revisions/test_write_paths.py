"""Every write path records a revision: who, when, why, every language, the relations."""

import json
from io import StringIO

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from revisions.services import versions_of
from revisions.views import describe
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
)
from tests.revisions.conftest import save_through_admin
from tests.translations.test_exchange import translated_xliff, uid
from tests.translations.test_rights import form_data
from timeline.models import Milestone
from translations.exchange import export_units, import_translations, write_po

pytestmark = pytest.mark.django_db


def latest(obj):
    version = versions_of(obj).first()
    assert version is not None, f"{obj!r} has no revision"
    return version


def related_versions(version, model):
    return {
        v.object_id: v.field_dict
        for v in version.revision.version_set.filter(content_type__model=model._meta.model_name)
    }


def test_an_admin_save_records_every_language_the_user_and_the_change_message(
    editor_client, editor
):
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="", title_it="Ampere parte")
    save_through_admin(editor_client, release, title_fr="Ampere démarre")
    version = latest(release)
    data = version.field_dict
    assert (data["title_en"], data["title_fr"], data["title_it"]) == (
        "Ampere starts",
        "Ampere démarre",
        "Ampere parte",
    )
    # The untranslated column reads the active language: not recorded.
    assert "title" not in data and "updated_at" not in data
    assert version.revision.user == editor
    assert "Changed Title [fr]" in describe(version.revision.comment)


def test_an_admin_add_records_the_new_object(editor_client, editor):
    company = CompanyFactory()
    url = reverse("admin:companies_pressrelease_add")
    data = form_data(editor_client.get(url))
    data.update(
        title_en="New plan",
        slug_en="new-plan",
        company=str(company.pk),
        issued_on="2024-01-02",
        original_language="en",
        status="draft",
        published_at_0="2024-01-02",
        published_at_1="10:00:00",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get(slug_en="new-plan")
    version = latest(release)
    assert version.revision.user == editor
    assert json.loads(version.revision.comment) == [{"added": {}}]


def test_a_press_release_revision_holds_its_company_and_people(editor_client):
    people = PersonFactory.create_batch(2)
    release = PressReleaseFactory()
    save_through_admin(editor_client, release, people=[str(person.pk) for person in people])
    data = latest(release).field_dict
    assert sorted(data["people"]) == sorted(person.pk for person in people)
    assert data["company_id"] == release.company_id


def test_a_person_revision_holds_their_positions_in_every_language(editor_client):
    person = PersonFactory()
    position = PositionFactory(person=person, title_en="CEO", title_fr="PDG", title_it="AD")
    save_through_admin(editor_client, person, **{"positions-0-title_it": "Amministratore"})
    rows = related_versions(latest(person), Person._meta.get_field("positions").related_model)
    assert rows[str(position.pk)]["title_it"] == "Amministratore"
    assert rows[str(position.pk)]["title_fr"] == "PDG"


def test_a_series_revision_holds_its_producers_and_an_episode_its_companies(editor_client):
    series = SeriesFactory()
    producer = SeriesProducerFactory(series=series)
    save_through_admin(editor_client, series)
    assert str(producer.pk) in related_versions(latest(series), producer._meta.model)

    episode = EpisodeFactory(series=series)
    featured = EpisodeCompanyFactory(episode=episode)
    save_through_admin(editor_client, episode)
    assert str(featured.pk) in related_versions(latest(episode), featured._meta.model)


def test_a_milestone_revision_holds_its_relations(editor_client):
    milestone = MilestoneFactory()
    company = CompanyFactory()
    save_through_admin(editor_client, milestone, companies=[str(company.pk)])
    assert latest(milestone).field_dict["companies"] == [company.pk]


@pytest.mark.parametrize(
    ("model", "factory"),
    [
        (Company, CompanyFactory),
        (Series, SeriesFactory),
        (Episode, EpisodeFactory),
        (Milestone, MilestoneFactory),
    ],
)
def test_every_content_admin_records(editor_client, model, factory):
    obj = factory()
    save_through_admin(editor_client, obj)
    assert versions_of(obj).count() == 1


def publish_action(client, model, pks, action):
    opts = model._meta
    return client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0"},
    )


def test_bulk_publish_and_unpublish_record_the_objects_they_changed(editor_client, editor):
    draft = PressReleaseFactory(status="draft")
    live = PressReleaseFactory(status="published")
    publish_action(editor_client, PressRelease, [draft.pk, live.pk], "publish")
    # Only the draft changed: the published one gets no revision.
    assert versions_of(live).count() == 0
    version = latest(draft)
    assert version.field_dict["status"] == "published"
    assert version.revision.user == editor
    assert version.revision.comment == "Publish the selected items"

    publish_action(editor_client, PressRelease, [draft.pk, live.pk], "unpublish")
    assert latest(draft).field_dict["status"] == "draft"
    assert latest(live).field_dict["status"] == "draft"
    assert latest(draft).revision == latest(live).revision  # one revision for the action


def test_the_translators_form_records_their_change(translator_client, translator_fr):
    release = PressReleaseFactory(title_fr="")
    save_through_admin(translator_client, release, title_fr="Titre")
    version = latest(release)
    assert version.field_dict["title_fr"] == "Titre"
    assert version.revision.user == translator_fr


@pytest.fixture
def release():
    return PressReleaseFactory(title_en="Ampere starts", title_fr="", summary_en="Eleven sites.")


def test_an_xliff_import_in_the_admin_records_a_revision_by_the_user(
    translator_client, translator_fr, release
):
    data = translated_xliff(targets={uid(release, "title"): "Ampere démarre"})
    response = translator_client.post(
        reverse("translations:import"),
        {"file": SimpleUploadedFile("fr.xlf", data, content_type="application/xml")},
    )
    assert response.status_code == 200
    version = latest(release)
    assert version.field_dict["title_fr"] == "Ampere démarre"
    assert version.revision.user == translator_fr
    assert version.revision.comment == "Imported translations from a file"


def test_a_po_import_by_command_records_a_revision(release, tmp_path):
    po = polib.pofile(write_po(export_units("fr"), target_language="fr").decode())
    for entry in po:
        if entry.msgctxt == uid(release, "title"):
            entry.msgstr = "Ampere démarre"
    path = tmp_path / "fr.po"
    path.write_text(str(po))
    call_command("import_translations", str(path), stdout=StringIO())
    version = latest(release)
    assert version.field_dict["title_fr"] == "Ampere démarre"
    assert version.revision.user is None
    assert version.revision.comment == "Imported translations from a file"


def test_a_dry_run_import_records_nothing(release):
    import_translations(translated_xliff(targets={uid(release, "title"): "X"}), dry_run=True)
    assert Version.objects.count() == 0


def test_load_renaulution_records_every_object_once_and_a_rerun_nothing():
    call_command("load_renaulution", stdout=StringIO())
    revision = Revision.objects.get()
    assert revision.comment == "Loaded the content shipped with the site"
    for model in (Company, Person, PressRelease, Series, Episode, Milestone):
        recorded = set(
            revision.version_set.filter(content_type__model=model._meta.model_name).values_list(
                "object_id", flat=True
            )
        )
        assert recorded == {str(pk) for pk in model.objects.values_list("pk", flat=True)}, model
    call_command("load_renaulution", stdout=StringIO())
    assert Revision.objects.count() == 1
