"""Who works on drafts in these tests, and the live item they work on."""

import re

import pytest

from renaulution.roles import AUTHORS, EDITORS
from tests.admin_clients import change_url, logged_in, make_user
from tests.factories import PressReleaseFactory
from tests.translations.test_rights import form_data


def edited_form(client, obj, **changes):
    """What the change form posts back after the edits in `changes`."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    data = form_data(response)
    # The form's own hidden input, outside the Django form: the draft it shows.
    shown = re.search(r'name="_draft_shown" value="(\d+)"', response.content.decode())
    if shown:
        data["_draft_shown"] = shown.group(1)
    return data | changes


@pytest.fixture
def editor():
    return make_user("editor", EDITORS)


@pytest.fixture
def author():
    return make_user("author", AUTHORS)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def author_client(author):
    return logged_in(author)


@pytest.fixture
def live_release():
    return PressReleaseFactory(
        title_en="Live title",
        title_fr="Titre en ligne",
        title_it="Titolo in linea",
        slug_en="live-release",
        translated=True,
    )
