"""
The browser tests' `content` (tests/content_snapshot.py) is the site the loader makes.

Those tests get the shipped content restored from one load per session rather
than loading it each time; if the restored copy lacked a row, a file or a
rendition, they would check a different site from the one `load_renaulution`
builds, or fail for a reason that is not the site's.
"""

import pytest
from django.conf import settings
from django.db.models import ImageField

from companies.models import Company, PressRelease
from renaulution.images import generate_all_renditions, image_models
from tests.content_snapshot import restore_snapshot
from tests.factories import CompanyFactory
from tests.test_load_renaulution import dump_database, load, media_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def restored(content_snapshot):
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)


def test_the_loader_finds_everything_it_would_create_already_there(restored):
    before, files_before = dump_database(), media_files()

    output = load()

    assert output.strip() == "Nothing to do: the content is already loaded."
    assert dump_database() == before
    assert media_files() == files_before


def test_every_image_and_every_rendition_is_in_the_tests_media_folder(restored):
    images = [
        getattr(obj, field.name)
        for model in image_models()
        for obj in model.objects.all()
        for field in model._meta.fields
        if isinstance(field, ImageField)
    ]
    stored = [image for image in images if image]
    assert len(stored) >= 20, "the shipped content has images"
    for image in stored:
        assert (settings.MEDIA_ROOT / image.name).is_file(), image.name
    files_before = media_files()

    generate_all_renditions()

    assert media_files() == files_before, "a rendition was missing and had to be made"


def test_new_rows_after_a_restore_take_new_primary_keys(restored):
    # PostgreSQL's sequences do not follow rows inserted with their keys.
    highest = max(Company.objects.values_list("pk", flat=True))

    company = CompanyFactory()

    assert company.pk > highest
    assert PressRelease.objects.filter(company__slug_en="renault-group").exists()
