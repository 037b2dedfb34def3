"""Editors and translators logged in through the real admin, and change-form helpers."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from renaulution.roles import EDITORS
from tests.translations.test_rights import form_data


def make_user(name, *groups):
    user = User.objects.create_user(name, password="pw", is_staff=True)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return make_user("editor", EDITORS)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def translator_fr():
    return make_user("marie", "Translators (fr)")


@pytest.fixture
def translator_client(translator_fr):
    return logged_in(translator_fr)


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def save_through_admin(client, obj, **changes):
    """Open the change form, change some of its values, post it back; the response."""
    url = admin_url(obj, "change")
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, getattr(response, "context", None) and [
        form.errors for form in [response.context["adminform"].form]
    ]
    return response
