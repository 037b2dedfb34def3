"""Editors and translators logged in through the real admin, and change-form helpers."""

import pytest

from renaulution.roles import EDITORS
from tests.admin_clients import admin_url, logged_in, make_user
from tests.translations.test_rights import form_data


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
