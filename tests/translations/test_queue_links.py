"""
Every object in the translators' queue links to the admin page where it is
edited: its own change form, or its parent's for an object edited inline.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from companies.models import Position
from renaulution.languages import codes, non_default_codes
from tests.factories import FACTORIES, PositionFactory, PressReleaseFactory
from translations.admin import change_url
from translations.memory import FIRST_THRESHOLDS
from translations.models import FieldTranslation, State
from translations.registry import source_language, translatable_fields, translatable_models

pytestmark = pytest.mark.django_db

# Every role that sees the queues, and the languages whose queue it sees.
ROLES = {
    "superuser": ((), codes()),
    "editor": (("Editors",), codes()),
    **{f"translator-{code}": ((f"Translators ({code})",), [code]) for code in codes()},
}


def untranslated(model):
    """An object of `model` with its English text only: every other language to do."""
    blank = {
        f"{name}_{code}": "" for name in translatable_fields(model) for code in non_default_codes()
    }
    return FACTORIES[model](**blank)


@pytest.fixture
def one_of_each():
    """An object of every translatable model, and a release written in French."""
    assert set(FACTORIES) == set(translatable_models()), "a translatable model has no factory"
    french = PressReleaseFactory(
        original_language="fr", summary_fr="Résumé", summary_en="", body_en=""
    )
    return [untranslated(model) for model in translatable_models()] + [french]


def test_an_inline_only_object_links_to_its_parents_form_at_the_inline():
    position = PositionFactory()
    url = reverse("admin:companies_person_change", args=[position.person_id])
    assert change_url(position) == f"{url}#positions-group"


def test_an_object_with_its_own_admin_links_to_its_form():
    release = PressReleaseFactory()
    assert change_url(release) == reverse("admin:companies_pressrelease_change", args=[release.pk])


@pytest.mark.parametrize("role", ROLES)
def test_every_translatable_model_is_listed_in_every_queue_with_a_working_link(
    client, one_of_each, role
):
    groups, queues = ROLES[role]
    user = User.objects.create_user(
        role, password="pw", is_staff=True, is_superuser=role == "superuser"
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    assert client.get(reverse("translations:dashboard")).status_code == 200
    for language in queues:
        response = client.get(reverse("translations:queue", args=[language]))
        assert response.status_code == 200
        entries = {entry["object"]: entry for entry in response.context["entries"]}
        expected = [obj for obj in one_of_each if source_language(obj) != language]
        assert set(expected) <= set(entries), f"missing from the {language} queue"
        for obj in expected:
            link = entries[obj]["url"]
            assert f'href="{link}"' in response.content.decode()
            # The link opens a form this user may use, with the object on it.
            form = client.get(link)
            assert form.status_code == 200, (obj, link)
            if isinstance(obj, Position):
                assert obj in [
                    bound.instance
                    for inline in form.context["inline_admin_formsets"]
                    for bound in inline.formset.forms
                ]
            else:
                assert form.context["original"] == obj


@pytest.mark.parametrize("count", [2, 20])
def test_queued_positions_cost_no_query_each(client, django_assert_num_queries, count):
    User.objects.create_user("e", is_staff=True).groups.add(Group.objects.get(name="Editors"))
    client.force_login(User.objects.get(username="e"))
    for _number in range(count):
        PositionFactory(title_fr="")
    url = reverse("translations:queue", args=["fr"])
    client.get(url)  # warm the content type cache
    # session, user, groups, count and page of queued objects, the consistency
    # rows and their counts by type, the admin sidebar's two permission
    # queries, the queued rows, one query for the positions with their people
    # and companies, the translation memory's matches for the page (on
    # PostgreSQL one query per threshold, higher ones first, see
    # translations.memory), and the open comments with their total.
    memory_queries = len(FIRST_THRESHOLDS) + 1 if connection.vendor == "postgresql" else 1
    with django_assert_num_queries(12 + memory_queries):
        response = client.get(url)
    assert len(response.context["entries"]) == count
    assert response.content.decode().count("#positions-group") == count


def test_a_row_of_a_field_no_longer_translated_is_left_out_of_the_queue(client):
    # A field renamed since its rows were written: nothing to show, no error.
    release = PressReleaseFactory(original_language="en", title_fr="")
    FieldTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(release),
        object_id=release.pk,
        field="headline_old",
        language="fr",
        source_language="en",
        state=State.MISSING,
        source_changed_at=timezone.now(),
    )
    # And a current one with a finding, for the consistency list.
    FieldTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(release),
        object_id=release.pk,
        field="summary_old",
        language="fr",
        source_language="en",
        state=State.CURRENT,
        issues="-6.3 +7.3",
        source_changed_at=timezone.now(),
    )
    user = User.objects.create_user("marie", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators (fr)"))
    client.force_login(user)
    response = client.get(reverse("translations:queue", args=["fr"]))
    assert response.status_code == 200
    fields = [item["field"] for entry in response.context["entries"] for item in entry["fields"]]
    assert "title" in fields
    assert "headline_old" not in fields
    issues = [item["field"] for entry in response.context["issues"] for item in entry["fields"]]
    assert "summary_old" not in issues
