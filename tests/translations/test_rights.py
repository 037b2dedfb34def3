"""
Translators change only the localized fields of their languages, and the
server enforces it: crafted POSTs cannot change anything else.
"""

import pytest
from django import forms
from django.urls import reverse

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution.conflicts import SNAPSHOT_FIELD
from renaulution.roles import EDITORS
from tests.admin_clients import make_user
from tests.factories import (
    EpisodeFactory,
    PositionFactory,
    PressReleaseFactory,
)
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


def form_data(response):
    """What the browser would POST back for the rendered change form, untouched."""
    data = {}
    forms_ = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms_.append(formset.management_form)
        forms_.extend(formset.forms)
    for form in forms_:
        for bound in form:
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, forms.MultiWidget):
                for index, part in enumerate(widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item) for item in value]
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif value is not None:
                data[bound.html_name] = str(getattr(value, "pk", value))
    # The edit check a change form carries (renaulution/conflicts.py).
    if "conflict_token" in response.context:
        data[SNAPSHOT_FIELD] = response.context["conflict_token"]
    return data


def objects():
    release = PressReleaseFactory(title_en="Source", title_fr="Source fr", title_it="Fonte")
    episode = EpisodeFactory(title_en="Episode", title_fr="Épisode", title_it="Episodio")
    position = PositionFactory()
    return {
        PressRelease: (release, "title"),
        Company: (release.company, "tagline"),
        Person: (position.person, "headline"),
        Series: (episode.series, "title"),
        Episode: (episode, "title"),
    }


@pytest.mark.parametrize("model", [PressRelease, Company, Person, Series, Episode])
@pytest.mark.fourth_language
def test_a_crafted_post_changes_only_the_translators_language(client, translator_fr, model):
    obj, field = objects()[model]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    assert f"{field}_en" not in data  # read-only: not even in the form
    data |= {
        f"{field}_fr": "Nouveau texte",
        f"{field}_en": "Hacked English",
        f"{field}_it": "Hacked Italian",
        "status": "draft",
        "name": "Hacked name",
        "slug_en": "hacked",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    before = obj
    obj = model.objects.get(pk=obj.pk)
    assert getattr(obj, f"{field}_fr") == "Nouveau texte"
    assert getattr(obj, f"{field}_en") == getattr(before, f"{field}_en")
    assert getattr(obj, f"{field}_it") == getattr(before, f"{field}_it")
    assert obj.status == before.status
    assert getattr(obj, "name", None) == getattr(before, "name", None)


def test_a_translator_in_two_languages_changes_both(client):
    client.force_login(make_user("luca", "Translators (fr)", "Translators (it)"))
    release = PressReleaseFactory(title_en="Source", title_fr="A", title_it="B")
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    data = form_data(client.get(url)) | {"title_fr": "FR", "title_it": "IT", "title_en": "EN"}
    assert client.post(url, data).status_code == 302
    release.refresh_from_db()
    assert (release.title_en, release.title_fr, release.title_it) == ("Source", "FR", "IT")


@pytest.mark.fourth_language
def test_translators_cannot_add_delete_or_publish(client, translator_fr):
    release = PressReleaseFactory(status="draft")
    assert client.get(reverse("admin:companies_pressrelease_add")).status_code == 403
    delete = reverse("admin:companies_pressrelease_delete", args=[release.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:companies_pressrelease_changelist")
    for action in ["publish", "unpublish", "delete_selected"]:
        client.post(changelist, {"action": action, "_selected_action": [release.pk]})
    release.refresh_from_db()
    assert release.status == "draft"
    assert PressRelease.objects.filter(pk=release.pk).exists()
    assert 'value="publish"' not in client.get(changelist).content.decode()


@pytest.mark.parametrize(
    "url", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]
)
def test_translators_cannot_reach_users_or_groups(client, translator_fr, url):
    assert client.get(reverse(url)).status_code == 403


def test_the_editor_is_unaffected(client):
    client.force_login(make_user("ed", EDITORS, "Translators (fr)"))
    release = PressReleaseFactory(title_en="Source")
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    response = client.get(url)
    assert "title_en" in response.context["adminform"].form.fields
    assert "status" in response.context["adminform"].form.fields
    assert "translation-source" not in response.content.decode()


def test_the_source_is_shown_beside_the_target_in_its_language(client, translator_fr):
    release = PressReleaseFactory(
        original_language="it",
        title_it="Titolo originale",
        title_en="English title",
        body_it="<p>Corpo <strong>italiano</strong></p>",
        body_fr="",
    )
    response = client.get(reverse("admin:companies_pressrelease_change", args=[release.pk]))
    content = response.content.decode()
    assert '<div class="translation-source__text" lang="it">Titolo originale</div>' in content
    body = "<p>Corpo <strong>italiano</strong></p>"
    assert f'<div class="translation-source__text" lang="it">{body}</div>' in content


def test_an_outdated_translation_shows_the_diff_and_can_be_marked_reviewed(client, translator_fr):
    release = PressReleaseFactory(
        title_en="Ampere starts in France", title_fr="Ampere démarre en France"
    )
    release.title_en = "Ampere starts in northern France"
    release.save()
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    response = client.get(url)
    content = response.content.decode()
    assert "<ins>northern</ins>" in content
    data = form_data(response)
    assert "reviewed__title_fr" in response.context["adminform"].form.fields
    data["reviewed__title_fr"] = "on"
    assert client.post(url, data).status_code == 302
    row = FieldTranslation.objects.for_object(release).get(field="title", language="fr")
    assert row.state == State.CURRENT
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre en France"


def test_the_changelist_filters_what_needs_translation(client, translator_fr):
    done = PressReleaseFactory(
        title_en="Done", title_fr="Fait", title_it="Fatto", summary_en="", body_en=""
    )
    todo = PressReleaseFactory(title_en="Todo", title_fr="", summary_en="", body_en="")
    changelist = reverse("admin:companies_pressrelease_changelist")
    response = client.get(changelist + "?needs_translation=fr")
    shown = set(response.context["cl"].result_list)
    assert todo in shown and done not in shown
