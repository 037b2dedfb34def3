"""
A localized slug cannot take the address another object has in that
language, its own slug or its English one through the fallback: the forms
of editors and translators say so, and the database refuses it.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from modeltranslation.translator import translator

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from tests.factories import FACTORIES, PressReleaseFactory
from tests.translations.test_rights import form_data
from translations.admin import change_url
from translations.exchange import ImportFailed, import_translations

pytestmark = pytest.mark.django_db

WITH_SLUGS = [Company, Person, PressRelease, Episode]


def test_every_model_with_localized_slugs_is_covered():
    with_slugs = {
        model
        for model in translator.get_registered_models(abstract=False)
        if "slug" in translator.get_options_for_model(model).fields
    }
    assert with_slugs == set(WITH_SLUGS)


@pytest.fixture(params=WITH_SLUGS, ids=lambda model: model._meta.model_name)
def pair(request):
    """An object reached at `taken` in French through its English slug, and another one."""
    factory = FACTORIES[request.param]
    return factory(slug_en="taken", slug_fr=None), factory(slug_en="mine", slug_fr=None)


def refused_by_the_database(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_the_database_refuses_a_localized_slug_taken_through_the_fallback(pair):
    owner, other = pair
    other.slug_fr = "taken"
    refused_by_the_database(other)


def test_the_database_refuses_an_english_slug_taken_as_a_localized_one(pair):
    owner, other = pair
    owner.slug_it = "prima"
    owner.save()
    other.slug_en = "prima"  # its Italian slug is unset: /it/…/prima/ would be ambiguous
    refused_by_the_database(other)


def test_an_object_may_repeat_its_own_slug_and_leave_languages_unset(pair):
    owner, other = pair
    owner.slug_fr = "taken"
    owner.save()
    other.slug_fr = "mien"
    other.save()
    other.slug_fr = None
    other.save()


def user(role):
    account = User.objects.create_user(role, password="pw", is_staff=True)
    account.groups.add(Group.objects.get(name=role))
    return account


@pytest.mark.parametrize("role", ["Editors", "Translators (fr)"])
def test_the_admin_form_explains_and_saves_nothing(client, pair, role):
    owner, other = pair
    client.force_login(user(role))
    url = change_url(other)
    data = form_data(client.get(url)) | {"slug_fr": "taken"}
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "slug_fr" in errors, errors
    assert f"“taken” is already the French address of “{owner}”" in errors["slug_fr"][0]
    other.refresh_from_db()
    assert other.slug_fr is None
    # The page readers reach at that address is still the owner's.
    with translation.override("fr"):
        assert type(owner).objects.by_slug("taken").get() == owner
    # A free slug is accepted by the same form.
    assert client.post(url, data | {"slug_fr": "libre"}).status_code == 302
    other.refresh_from_db()
    assert other.slug_fr == "libre"


def test_an_editor_taking_a_localized_slug_as_english_is_told_on_the_english_slug(client, pair):
    owner, other = pair
    owner.slug_fr = "pris"
    owner.save()
    client.force_login(user("Editors"))
    url = change_url(other)
    response = client.post(url, form_data(client.get(url)) | {"slug_en": "pris"})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "“pris” is already the French address" in errors["slug_en"][0]
    other.refresh_from_db()
    assert other.slug_en == "mine"


def test_the_wrong_page_is_not_shown_at_the_french_address(client):
    owner = PressReleaseFactory(slug_en="taken", slug_fr=None, title_fr="Le bon")
    other = PressReleaseFactory(slug_en="mine", slug_fr=None, title_fr="Le mauvais")
    other.slug_fr = "taken"
    refused_by_the_database(other)
    with translation.override("fr"):
        url = reverse("companies:pressrelease_detail", kwargs={"slug": "taken"})
    assert url == "/fr/press/taken/"
    page = client.get(url)
    assert page.status_code == 200 and page.context["object"] == owner


def test_an_exchange_file_cannot_set_a_slug(pair):
    owner, other = pair
    label = other._meta.label_lower
    po = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        f'msgctxt "{label}:{other.pk}:slug"\nmsgid "mine"\nmsgstr "taken"\n'
    )
    with pytest.raises(ImportFailed) as failure:
        import_translations(po.encode())
    assert "'slug' is not a translatable field" in failure.value.report.errors[0]
    other.refresh_from_db()
    assert other.slug_fr is None
