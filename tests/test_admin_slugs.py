"""
Slugs on the admin's add form: each language's slug is filled in from that
language's title as the editor types it (Django's prepopulated fields), and
stays editable; a change form fills nothing in, so an existing page never
gets a new address behind the editor's back.
"""

import html
import json
import re

import pytest
from django.contrib import admin
from django.urls import reverse

from companies.models import PressRelease
from episodes.models import Episode
from renaulution.languages import codes
from renaulution.roles import EDITORS
from tests import factories
from tests.test_admin import press_release_form
from tests.test_admin_scale import staff

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
PREPOPULATED = re.compile(r'data-prepopulated-fields="([^"]*)"')


@pytest.fixture
def editor(client):
    return staff(client, "editor", EDITORS)


def admins_with_localized_slugs():
    return {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if hasattr(model, "slug_fr")
    }


def prepopulated(response):
    """{slug field: its title fields} as the page tells Django's script."""
    assert response.status_code == 200
    found = PREPOPULATED.search(response.content.decode())
    entries = json.loads(html.unescape(found.group(1))) if found else []
    return {entry["name"]: entry["dependency_list"] for entry in entries}


def test_every_localized_title_fills_its_own_languages_slug():
    admins = admins_with_localized_slugs()
    assert set(admins) >= {PressRelease, Episode}
    for model, model_admin in admins.items():
        fields = model_admin.prepopulated_fields
        if hasattr(model, "title_fr"):
            assert fields == {f"slug_{code}": (f"title_{code}",) for code in LANGUAGES}, model
        else:
            # A name is the same in every language: the other slugs fall
            # back to the English one rather than copy it.
            assert fields == {"slug_en": ("name",)}, model


@pytest.mark.parametrize("model", [PressRelease, Episode], ids=["pressrelease", "episode"])
def test_the_add_form_fills_each_slug_from_its_languages_title(client, editor, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    assert prepopulated(client.get(url)) == {
        f"slug_{code}": [f"title_{code}"] for code in LANGUAGES
    }


def test_a_change_form_fills_no_slug_in(client, editor):
    release = factories.PressReleaseFactory(slug_fr=None, slug_it=None)
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    assert prepopulated(client.get(url)) == {}


def test_a_slug_the_editor_typed_is_kept(client, editor):
    company = factories.CompanyFactory()
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(company, slug_fr="ampere-lancee", slug_it="ampere-parte"),
    )
    assert response.status_code == 302
    release = PressRelease.objects.get(slug_en="ampere-starts")
    assert (release.slug_fr, release.slug_it) == ("ampere-lancee", "ampere-parte")
