"""Uploads are stored under names nobody can guess (renaulution/storage.py)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from renaulution.images import generate_renditions, rendition_file
from tests.factories import PressReleaseFactory, image_file

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"^press/[A-Za-z0-9_-]{16}/press\.jpg$")


def test_an_upload_is_stored_in_a_random_folder_of_its_own():
    first = PressReleaseFactory(image=image_file("press.jpg"))
    second = PressReleaseFactory(image=image_file("press.jpg"))
    assert TOKEN.match(first.image.name), first.image.name
    assert TOKEN.match(second.image.name), second.image.name
    assert first.image.name != second.image.name


def test_a_drafts_images_are_not_found_by_guessing_their_url(client):
    draft = PressReleaseFactory(draft=True, image=image_file("press.jpg"))
    assert generate_renditions(draft, "image") > 0
    token = draft.image.name.split("/")[1]
    rendition = rendition_file(draft.image, 480).name
    # Its renditions live under the same secret folder.
    assert f"/{token}/" in rendition

    # The web server serves MEDIA_ROOT as it is: the path an attacker can
    # build from the upload folder and the file name holds nothing…
    media = Path(settings.MEDIA_ROOT)
    assert not (media / "press" / "press.jpg").exists()
    assert [path.name for path in (media / "press").iterdir()] == [token]
    # …the file is under the secret folder, which only a page showing the image reveals.
    assert (media / draft.image.name).is_file()
    for path in ("/en/", "/en/press/", f"/en/press/{draft.slug_en}/", "/sitemap-press.xml"):
        response = client.get(path)
        assert response.status_code == (404 if draft.slug_en in path else 200), path
        assert token not in response.content.decode(), path
