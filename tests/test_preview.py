"""
The change form's Preview: the real public page from the form's unsaved
data, in each language, for every content model; nothing written (rows,
translation states, revisions, admin log, files, page-cache announcements),
never cached nor indexed, refused to whoever may not save the item, and a
list of errors, not a 500, for data a save would refuse.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution.languages import codes
from renaulution.publishing import Status
from renaulution.roles import EDITORS
from revisions.services import not_recording
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
    StaffUserFactory,
)
from tests.html import read_page
from tests.test_admin import png_upload
from tests.test_permissions_matrix import changed_tables, database_state
from tests.translations.test_rights import form_data
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
# The localized text of each model that its public page shows.
SHOWN = {
    Series: "title",
    Episode: "title",
    Company: "tagline",
    Person: "headline",
    PressRelease: "title",
    Milestone: "title",
}


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def drafts():
    """One draft of each content model, with its relations and owned rows."""
    company = CompanyFactory(draft=True, name="Ampere")
    person = PersonFactory(draft=True, name="Luca de Meo")
    PositionFactory(person=person, company=CompanyFactory(name="Renault Group"))
    series = SeriesFactory(draft=True)
    SeriesProducerFactory(series=series)
    episode = EpisodeFactory(draft=True, series=series, number=1)
    EpisodeCompanyFactory(episode=episode, company=CompanyFactory())
    release = PressReleaseFactory(draft=True, company=CompanyFactory())
    release.people.set([PersonFactory()])
    milestone = MilestoneFactory(draft=True, date=datetime.date(2021, 1, 14))
    milestone.companies.set([CompanyFactory()])
    return {
        Series: series,
        Episode: episode,
        Company: company,
        Person: person,
        PressRelease: release,
        Milestone: milestone,
    }


def admin_url(obj, view):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def preview_url(obj, language):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_preview",
        kwargs={"object_id": obj.pk, "language": language},
    )


def add_preview_url(model, language):
    opts = model._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_preview_add", kwargs={"language": language}
    )


def change_form_data(client, obj):
    response = client.get(admin_url(obj, "change"))
    assert response.status_code == 200
    return form_data(response)


def page_text(response):
    return response.content.decode()


def everything():
    """Every row of every table (content, translation states, log, revisions when installed)."""
    return database_state()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", list(SHOWN), ids=lambda model: model.__name__)
def test_the_preview_is_the_public_page_with_the_unsaved_text(client, editor, model, language):
    obj = drafts()[model]
    data = change_form_data(client, obj)
    text = f"Unsaved {model.__name__} text in {language}"
    data[f"{SHOWN[model]}_{language}"] = text
    before = everything()

    response = client.post(preview_url(obj, language), data)

    assert response.status_code == 200
    page = read_page(response)
    assert page.lang == language
    assert text in page_text(response)
    # The page as readers will see it live: no draft banner.
    assert "draft-banner" not in page_text(response)
    assert changed_tables(before, everything()) == []
    obj.refresh_from_db()
    assert getattr(obj, f"{SHOWN[model]}_{language}") != text
    assert obj.status == Status.DRAFT


def test_the_preview_answer_is_never_stored_nor_indexed(client, editor):
    release = drafts()[PressRelease]
    response = client.post(preview_url(release, "fr"), change_form_data(client, release))
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Content-Language"] == "fr"


def test_the_page_cache_keeps_what_readers_saw(client, editor, settings):
    settings.PAGE_CACHE = True
    release = PressReleaseFactory(title_en="As published")
    reader = Client()
    assert "As published" in page_text(reader.get(release.get_absolute_url()))
    data = change_form_data(client, release)
    data["title_en"] = "Not saved yet"

    response = client.post(preview_url(release, "en"), data)

    assert "Not saved yet" in page_text(response)
    page = reader.get(release.get_absolute_url())
    assert "As published" in page_text(page)
    assert "Not saved yet" not in page_text(page)


def test_a_preview_announces_nothing_to_the_caches(
    client, editor, django_capture_on_commit_callbacks
):
    """What a commit would send (page-cache keys, Varnish purges): nothing, as nothing is kept."""
    release = PressReleaseFactory()
    data = change_form_data(client, release)
    data["title_en"] = "Not saved yet"
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(preview_url(release, "en"), data)
    assert response.status_code == 200
    assert callbacks == []
    # A save of the same data does announce: the check above could fail.
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(admin_url(release, "change"), data)
    assert response.status_code == 302
    assert callbacks


def test_the_relations_and_inline_rows_of_the_form_are_previewed(client, editor):
    objects = drafts()
    newcomer = PersonFactory(name="Jean-Dominique Senard")
    person = objects[Person]
    data = change_form_data(client, person)
    data["positions-0-title_fr"] = "Titre pas encore enregistré"
    before = everything()
    response = client.post(preview_url(person, "fr"), data)
    assert "Titre pas encore enregistré" in page_text(response)

    release = objects[PressRelease]
    data = change_form_data(client, release)
    data["people"] = [*data.get("people", []), str(newcomer.pk)]
    response = client.post(preview_url(release, "it"), data)
    assert "Jean-Dominique Senard" in page_text(response)
    assert changed_tables(before, everything()) == []
    assert not release.people.filter(pk=newcomer.pk).exists()


def test_a_new_item_is_previewed_from_the_add_form(client, editor):
    company = CompanyFactory()
    data = form_data(client.get(reverse("admin:companies_pressrelease_add")))
    data |= {
        "title_en": "Ampere starts",
        "title_fr": "Ampere démarre",
        "title_it": "Ampere parte",
        "slug_en": "ampere-starts",
        "company": str(company.pk),
        "issued_on": "2023-11-01",
        "published_at_0": "2023-11-01",
        "published_at_1": "09:00:00",
    }
    before = everything()
    for language, title in [("en", "Ampere starts"), ("fr", "Ampere démarre")]:
        response = client.post(add_preview_url(PressRelease, language), data)
        assert response.status_code == 200
        assert read_page(response).h1 == title
    assert changed_tables(before, everything()) == []
    assert not PressRelease.objects.filter(slug_en="ampere-starts").exists()


def test_a_chosen_image_is_not_uploaded_the_stored_one_is_shown(client, editor, settings):
    release = PressReleaseFactory(with_image=True)
    stored = release.image.name
    files_before = sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())
    data = change_form_data(client, release)
    data["image"] = png_upload("new-photo.png")

    response = client.post(preview_url(release, "en"), data)

    assert response.status_code == 200
    assert stored.rsplit(".", 1)[0] in page_text(response)
    assert "new-photo" not in page_text(response)
    files_after = sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())
    assert files_after == files_before
    release.refresh_from_db()
    assert release.image.name == stored


def test_invalid_data_lists_the_errors_and_saves_nothing(client, editor):
    person = drafts()[Person]
    data = change_form_data(client, person)
    data["slug_en"] = ""
    data["positions-0-end_date"] = "2001-01-01"  # before its start
    before = everything()

    response = client.post(preview_url(person, "en"), data)

    assert response.status_code == 200
    text = page_text(response)
    assert "The form has errors" in text
    assert "This field is required." in text
    assert "Row 1" in text
    assert changed_tables(before, everything()) == []


def test_a_slug_taken_by_another_item_is_an_error_not_a_500(client, editor):
    taken = PressReleaseFactory(slug_en="taken")
    release = PressReleaseFactory()
    data = change_form_data(client, release)
    data["slug_en"] = taken.slug_en
    response = client.post(preview_url(release, "en"), data)
    assert response.status_code == 200
    assert "The form has errors" in page_text(response)


def test_readers_and_staff_who_may_not_change_the_item_are_refused(client):
    release = PressReleaseFactory(draft=True, title_en="Secret draft")
    data = {"title_en": "Secret draft"}
    reader = Client()
    response = reader.post(preview_url(release, "en"), data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    response = reader.post(add_preview_url(PressRelease, "en"), data)
    assert response.status_code == 302

    viewer = StaffUserFactory()
    viewer.user_permissions.add(Permission.objects.get(codename="view_pressrelease"))
    client.force_login(viewer)
    assert client.post(preview_url(release, "en"), data).status_code == 403
    assert client.post(add_preview_url(PressRelease, "en"), data).status_code == 403
    # Their change form is read-only: no Preview buttons either.
    assert b"data-preview-url" not in client.get(admin_url(release, "change")).content


def test_a_translator_previews_the_items_they_may_change(client):
    release = PressReleaseFactory(draft=True)
    translator = StaffUserFactory()
    translator.groups.add(Group.objects.get(name="Translators (fr)"))
    client.force_login(translator)
    data = change_form_data(client, release)
    data["title_fr"] = "Traduction pas encore enregistrée"
    response = client.post(preview_url(release, "fr"), data)
    assert response.status_code == 200
    assert "Traduction pas encore enregistrée" in page_text(response)
    # No add permission: no preview of a new item.
    assert client.post(add_preview_url(PressRelease, "fr"), data).status_code == 403


def test_only_a_post_of_a_known_language_and_item_is_previewed(client, editor):
    release = PressReleaseFactory()
    assert client.get(preview_url(release, "en")).status_code == 405
    data = change_form_data(client, release)
    assert client.post(preview_url(release, "nl"), data).status_code == 404
    missing = reverse(
        "admin:companies_pressrelease_preview", kwargs={"object_id": 999999, "language": "en"}
    )
    assert client.post(missing, data).status_code == 404
    assert client.post(preview_url(release, "en"), {}).status_code == 200  # errors, listed


def test_the_change_and_add_forms_offer_a_preview_in_each_language(client, editor):
    release = PressReleaseFactory()
    response = client.get(admin_url(release, "change"))
    for language in LANGUAGES:
        assert f'data-preview-url="{preview_url(release, language)}"'.encode() in response.content
    assert b"Preview: French" in response.content
    assert b"admin/preview.js" in response.content
    response = client.get(reverse("admin:companies_pressrelease_add"))
    assert f'data-preview-url="{add_preview_url(PressRelease, "it")}"'.encode() in response.content


def test_the_buttons_speak_the_editors_language(client, editor):
    release = PressReleaseFactory()
    response = client.get(admin_url(release, "change"), headers={"accept-language": "fr"})
    assert "Aperçu\u202f: Français" in page_text(response)


def test_a_milestone_is_previewed_on_its_years_page(client, editor):
    milestone = MilestoneFactory(draft=True, date=datetime.date(2019, 6, 1), title_en="Old")
    data = change_form_data(client, milestone)
    data["title_it"] = "Tappa non salvata"
    response = client.post(preview_url(milestone, "it"), data)
    assert response.status_code == 200
    assert "Tappa non salvata" in page_text(response)
    assert read_page(response).h1 == "Cronologia: 2019"


def test_no_revision_being_recorded_around_the_request_takes_the_preview():
    """
    A revision open around the request (django-reversion's middleware or a
    decorated view) would save the previewed state after the rollback: the
    preview runs with none open, and the request's own is left as it was.
    """
    from reversion import revisions

    revisions._push_frame(False, "default")
    try:
        outer = revisions._current_frame()
        with not_recording():
            assert not revisions.is_active()
        assert revisions.is_active()
        assert revisions._current_frame() == outer
    finally:
        revisions._pop_frame()
    assert not revisions.is_active()


def test_a_page_readers_would_not_get_is_said_so_not_shown(client):
    """
    Without the view permission (the staff preview of public pages), the
    page is the readers' own: an episode of a draft series has none.
    """
    episode = EpisodeFactory(series=SeriesFactory(draft=True))
    user = StaffUserFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_episode"))
    client.force_login(user)
    data = change_form_data(client, episode)
    before = everything()
    response = client.post(preview_url(episode, "en"), data)
    assert response.status_code == 200
    assert "The public page does not show this item" in page_text(response)
    assert changed_tables(before, everything()) == []
