"""
An editor saves a draft of a live item from its change form: the live row is
untouched, the form then opens the draft, and the draft is published or
discarded from there.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from companies.models import Person, PressRelease
from drafts import services
from drafts.models import PendingChange
from renaulution.roles import TRANSLATORS
from tests.admin_clients import change_url, logged_in, make_user
from tests.drafts.conftest import edited_form
from tests.factories import CompanyFactory, PersonFactory, PressReleaseFactory
from tests.test_admin import png_upload
from tests.translations.test_rights import form_data

pytestmark = pytest.mark.django_db

DRAFT_TITLES = {
    "title_en": "Draft title",
    "title_fr": "Titre du brouillon",
    "title_it": "Titolo bozza",
}


def save_draft(client, obj, **changes):
    data = edited_form(client, obj, **changes) | {"_save_draft": "Save as draft"}
    return client.post(change_url(obj), data)


def test_saving_a_draft_leaves_the_live_row_as_it_was(editor_client, live_release):
    before = PressRelease.objects.values().get(pk=live_release.pk)
    response = save_draft(editor_client, live_release, **DRAFT_TITLES)
    assert response.status_code == 302
    assert response["Location"] == change_url(live_release)
    assert PressRelease.objects.values().get(pk=live_release.pk) == before
    change = PendingChange.objects.get()
    assert change.content_object == live_release
    assert change.state == PendingChange.State.DRAFT
    # Every language of the form is in the draft.
    assert {change.data[name][0] for name in DRAFT_TITLES} == set(DRAFT_TITLES.values())
    assert {"title_en", "title_fr", "title_it"} <= set(change.changed_fields)
    assert LogEntry.objects.filter(object_id=str(live_release.pk)).get().change_message == (
        "Draft saved."
    )


def test_the_change_form_opens_the_draft_and_the_live_version_on_demand(
    editor_client, live_release
):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    page = editor_client.get(change_url(live_release))
    form = page.context["adminform"].form
    assert form["title_fr"].value() == "Titre du brouillon"
    text = page.content.decode()
    assert "Live, with unpublished changes." in text
    assert 'name="_publish_draft"' in text and 'name="_discard_draft"' in text
    live = editor_client.get(change_url(live_release) + "?live=1")
    assert live.context["adminform"].form["title_fr"].value() == "Titre en ligne"
    assert "The form shows the live version." in live.content.decode()


def test_the_changelist_says_live_with_unpublished_changes(editor_client, live_release):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    PressReleaseFactory(title_en="Without a draft")
    response = editor_client.get(reverse("admin:companies_pressrelease_changelist"))
    assert response.content.decode().count("live, with unpublished changes") == 1
    filtered = editor_client.get(
        reverse("admin:companies_pressrelease_changelist"), {"pending": "yes"}
    )
    assert list(filtered.context["cl"].result_list) == [live_release]


def test_publishing_the_draft_makes_it_live_in_every_language(editor_client, live_release):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    data = edited_form(editor_client, live_release) | {"_publish_draft": "Publish draft"}
    assert data["_draft_shown"] == str(PendingChange.objects.get().pk)
    response = editor_client.post(change_url(live_release), data)
    assert response.status_code == 302
    live_release.refresh_from_db()
    assert [live_release.title_en, live_release.title_fr, live_release.title_it] == list(
        DRAFT_TITLES.values()
    )
    assert not PendingChange.objects.exists()
    with translation.override("fr"):
        page = editor_client.get(live_release.get_absolute_url())
    assert "Titre du brouillon" in page.content.decode()


def test_saving_the_live_version_keeps_the_draft(editor_client, live_release):
    """Opened with ?live=1, the form does not carry the draft: saving it loses no draft."""
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    response = editor_client.get(change_url(live_release) + "?live=1")
    data = form_data(response) | {"summary_en": "Fixed live summary."}
    editor_client.post(change_url(live_release) + "?live=1", data)
    live_release.refresh_from_db()
    assert live_release.summary_en == "Fixed live summary."
    assert live_release.title_en == "Live title"
    assert PendingChange.objects.get().data["title_en"] == ["Draft title"]


def test_discarding_the_draft_keeps_the_live_version(editor_client, live_release):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    data = edited_form(editor_client, live_release) | {"_discard_draft": "Discard draft"}
    response = editor_client.post(change_url(live_release), data)
    assert response.status_code == 302
    assert not PendingChange.objects.exists()
    live_release.refresh_from_db()
    assert live_release.title_en == "Live title"
    assert "Draft discarded." in LogEntry.objects.values_list("change_message", flat=True)


def test_a_draft_carries_inline_rows_and_relations(editor_client):
    """A person's new position and a release's people: kept aside, then published."""
    person = PersonFactory(name="Luca de Meo")
    company = CompanyFactory()
    data = edited_form(editor_client, person) | {
        "positions-0-company": str(company.pk),
        "positions-0-title_en": "Chief executive officer",
        "positions-0-title_fr": "Directeur général",
        "positions-0-title_it": "Amministratore delegato",
        "positions-0-start_date": "2020-07-01",
        "_save_draft": "Save as draft",
    }
    editor_client.post(change_url(person), data)
    assert not person.positions.exists()
    page = editor_client.get(change_url(person))
    inline = page.context["inline_admin_formsets"][0].formset
    assert inline.forms[0]["title_fr"].value() == "Directeur général"
    data = edited_form(editor_client, person) | {"_publish_draft": "Publish draft"}
    editor_client.post(change_url(person), data)
    position = Person.objects.get(pk=person.pk).positions.get()
    assert (position.company, position.title_it) == (company, "Amministratore delegato")


def test_a_draft_that_no_longer_validates_is_not_published(editor_client, live_release, editor):
    """The slug was taken meanwhile: the approval says why, nothing is written."""
    save_draft(editor_client, live_release, slug_en="taken-later")
    PressReleaseFactory(slug_en="taken-later")
    change = PendingChange.objects.get()
    with pytest.raises(services.DraftNotValid) as refused:
        services.draft_publish(change=change, user=editor)
    assert "slug" in str(refused.value).lower()
    live_release.refresh_from_db()
    assert live_release.slug_en == "live-release"
    assert PendingChange.objects.exists()


def test_a_translator_works_on_the_live_version_and_leaves_the_draft(editor_client, live_release):
    """Their form holds their languages only: it never opens, nor publishes, a draft."""
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    translator = logged_in(make_user("traductrice", TRANSLATORS.format(language="fr")))
    data = edited_form(translator, live_release)
    assert data["title_fr"] == "Titre en ligne"
    assert "_draft_shown" not in data
    translator.post(change_url(live_release), data | {"title_fr": "Titre traduit"})
    live_release.refresh_from_db()
    assert (live_release.title_fr, live_release.title_en) == ("Titre traduit", "Live title")
    assert PendingChange.objects.get().data["title_fr"] == ["Titre du brouillon"]


def test_publish_draft_publishes_an_item_never_published(editor_client, author_client):
    release = PressReleaseFactory(draft=True, title_en="Not yet out")
    data = edited_form(author_client, release, title_en="Out now") | {"_submit_draft": "1"}
    author_client.post(change_url(release), data)
    data = edited_form(editor_client, release) | {"_publish_draft": "Publish draft"}
    assert data["status"] == "draft"
    editor_client.post(change_url(release), data)
    release.refresh_from_db()
    assert release.is_published and release.title_en == "Out now"
    assert not PendingChange.objects.exists()


def test_deleting_an_item_deletes_its_draft(editor, editor_client, live_release):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    opts = live_release._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[live_release.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not PendingChange.objects.exists()


def test_a_draft_whose_item_is_gone_is_refused_with_a_reason(editor, editor_client, live_release):
    save_draft(editor_client, live_release, **DRAFT_TITLES)
    change = PendingChange.objects.get()
    PressRelease.objects.filter(pk=live_release.pk).delete()
    with pytest.raises(services.DraftNotValid, match="deleted"):
        services.draft_publish(change=change, user=editor)
    response = editor_client.post(
        reverse("admin:drafts_pendingchange_change", args=[change.pk]), {"_approve": "Approve"}
    )
    assert response.status_code == 302
    assert PendingChange.objects.exists()


def test_a_new_image_waits_with_the_draft(editor_client, live_release, settings):
    """Uploaded with the draft, kept aside: the live item keeps its image until publication."""
    data = edited_form(editor_client, live_release) | {
        "image": png_upload("new-cover.png", (64, 48)),
        "_save_draft": "Save as draft",
    }
    assert editor_client.post(change_url(live_release), data).status_code == 302
    live_release.refresh_from_db()
    assert not live_release.image
    stored = PendingChange.objects.get().files["image"]
    assert (settings.MEDIA_ROOT / stored).is_file()
    data = edited_form(editor_client, live_release) | {"_publish_draft": "Publish draft"}
    editor_client.post(change_url(live_release), data)
    live_release.refresh_from_db()
    assert (live_release.image_width, live_release.image_height) == (64, 48)
    assert "new-cover" in live_release.image.name
    assert not PendingChange.objects.exists()
