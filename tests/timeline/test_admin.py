"""Editors manage milestones in the real admin; translators change only their language."""

import io

import pytest
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from lxml import html
from PIL import Image

from renaulution.roles import EDITORS, translator_group_names
from tests.admin_clients import make_user
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
)
from tests.translations.test_rights import form_data
from timeline.models import Milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user("editor", EDITORS)
    client.force_login(user)
    return user


def png_upload(name="ampere.png", size=(64, 36)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def milestone_form(**overrides):
    data = {
        "date": "2023-11-01",
        "precision": "day",
        "title_en": "Ampere starts",
        "title_fr": "Ampere démarre",
        "title_it": "Ampere parte",
        "slug": "ampere-starts",
        "summary_en": "The electric arm of the group is launched.",
        "summary_fr": "La branche électrique du groupe est lancée.",
        "summary_it": "Parte il ramo elettrico del gruppo.",
        "image_alt_en": "The Ampere logo",
        "image_alt_fr": "Le logo d'Ampere",
        "image_alt_it": "Il logo di Ampere",
        "status": "published",
        "published_at_0": "2023-11-01",
        "published_at_1": "09:00:00",
    }
    return data | overrides


def test_the_role_groups_hold_the_milestone_permissions():
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_milestone", "change_milestone", "delete_milestone", "view_milestone"} <= editors
    for name in translator_group_names():
        group = Group.objects.get(name=name)
        codenames = set(
            group.permissions.filter(content_type__app_label="timeline").values_list(
                "codename", flat=True
            )
        )
        assert codenames == {"change_milestone", "view_milestone"}


def test_an_editor_creates_a_linked_milestone_and_readers_see_it(client, editor):
    company = CompanyFactory(name="Ampere", slug_en="ampere")
    person = PersonFactory(name="Luca de Meo")
    episode = EpisodeFactory()
    release = PressReleaseFactory()
    response = client.post(
        reverse("admin:timeline_milestone_add"),
        milestone_form(
            companies=[company.pk],
            people=[person.pk],
            episodes=[episode.pk],
            press_releases=[release.pk],
            image=png_upload(),
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    milestone = Milestone.objects.get(slug="ampere-starts")
    assert list(milestone.companies.all()) == [company]
    assert list(milestone.people.all()) == [person]
    assert list(milestone.episodes.all()) == [episode]
    assert list(milestone.press_releases.all()) == [release]
    assert (milestone.image_width, milestone.image_height) == (64, 36)

    client.logout()
    with translation.override("it"):
        tree = html.fromstring(client.get(reverse("timeline:index")).content)
        company_url = company.get_absolute_url()
    (item,) = tree.xpath('//li[@id="ampere-starts"]')
    assert item.xpath("./h3/text()") == ["Ampere parte"]
    assert company_url in item.xpath(".//a/@href")
    assert item.xpath(".//img/@alt") == ["Il logo di Ampere"]
    with translation.override("en"):
        assert milestone.get_absolute_url() in html.fromstring(
            client.get(company.get_absolute_url()).content
        ).xpath("//a/@href")


def test_a_month_precision_date_is_stored_as_the_first_of_the_month(client, editor):
    response = client.post(
        reverse("admin:timeline_milestone_add"),
        milestone_form(date="2020-07-16", precision="month", slug="new-ceo"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert str(Milestone.objects.get(slug="new-ceo").date) == "2020-07-01"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"date": "2020-02-31"}, "date"),
        ({"date": ""}, "date"),
        ({"precision": "century"}, "precision"),
        ({"title_en": ""}, "title_en"),
        ({"slug": "not a slug!"}, "slug"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(client, editor, overrides, field):
    response = client.post(reverse("admin:timeline_milestone_add"), milestone_form(**overrides))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Milestone.objects.exists()


def test_a_taken_anchor_is_refused(client, editor):
    MilestoneFactory(slug="ampere-starts")
    response = client.post(reverse("admin:timeline_milestone_add"), milestone_form())
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Milestone.objects.count() == 1


def test_the_changelist_answers_with_badges_and_filters(client, editor):
    MilestoneFactory.create_batch(3, companies=[CompanyFactory()])
    response = client.get(reverse("admin:timeline_milestone_changelist"), {"q": "Milestone"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3
    assert "language-badges" in response.content.decode()


def test_the_link_fields_use_autocomplete(client, editor):
    """Every linked admin has search_fields, so each autocomplete answers."""
    targets = {
        "companies": CompanyFactory(name="Dacia"),
        "people": PersonFactory(name="Denis Le Vot"),
        "episodes": EpisodeFactory(title_en="Fighting Spirit"),
        "press_releases": PressReleaseFactory(title_en="Dacia Bigster"),
    }
    terms = {"companies": "Dac", "people": "Vot", "episodes": "Fight", "press_releases": "Bigst"}
    form = client.get(reverse("admin:timeline_milestone_add")).context["adminform"].form
    for name, target in targets.items():
        assert isinstance(form.fields[name].widget.widget, AutocompleteSelectMultiple)
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "timeline",
                "model_name": "milestone",
                "field_name": name,
                "term": terms[name],
            },
        )
        assert response.status_code == 200
        assert [row["id"] for row in response.json()["results"]] == [str(target.pk)]


def test_a_translator_changes_only_their_languages_fields(client):
    client.force_login(make_user("marie", "Translators (fr)"))
    company, other = CompanyFactory(), CompanyFactory()
    milestone = MilestoneFactory(
        title_en="Ampere starts", title_fr="", title_it="Ampere parte", companies=[company]
    )
    url = reverse("admin:timeline_milestone_change", args=[milestone.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    assert "title_en" not in data and "companies" not in data  # read-only
    data |= {
        "title_fr": "Ampere démarre",
        "title_en": "Hacked English",
        "title_it": "Hacked Italian",
        "date": "1999-01-01",
        "slug": "hacked",
        "status": "draft",
        "companies": [other.pk],
    }
    assert client.post(url, data).status_code == 302
    saved = Milestone.objects.get(pk=milestone.pk)
    assert (saved.title_en, saved.title_fr, saved.title_it) == (
        "Ampere starts",
        "Ampere démarre",
        "Ampere parte",
    )
    assert (saved.date, saved.slug, saved.status) == (
        milestone.date,
        milestone.slug,
        milestone.status,
    )
    assert list(saved.companies.all()) == [company]


def test_a_translator_cannot_add_delete_or_publish_milestones(client):
    client.force_login(make_user("marie", "Translators (fr)"))
    milestone = MilestoneFactory(draft=True)
    assert client.get(reverse("admin:timeline_milestone_add")).status_code == 403
    delete = reverse("admin:timeline_milestone_delete", args=[milestone.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:timeline_milestone_changelist")
    client.post(changelist, {"action": "publish", "_selected_action": [milestone.pk]})
    milestone.refresh_from_db()
    assert milestone.status == "draft"
    assert Milestone.objects.filter(pk=milestone.pk).exists()


def test_an_editor_publishes_from_the_changelist(client, editor):
    milestone = MilestoneFactory(draft=True)
    response = client.post(
        reverse("admin:timeline_milestone_changelist"),
        {"action": "publish", "_selected_action": [milestone.pk]},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.is_published
    assert User.objects.count() == 1
