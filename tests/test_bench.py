"""
The benchmark's parts that the site must keep working with: the reference
views stay out of the site's URLconf, and the data generator still builds a
valid data set from the current models (a new required field, a constraint
or a renamed relation would break `make bench` silently otherwise).
"""

import pytest
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from bench import data, inprocess
from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode
from timeline.models import Milestone

SIZES = data.Sizes(press_releases=60, companies=120, people=40, episodes=25, milestones=6)


def test_reference_views_are_not_in_the_site_urlconf():
    with pytest.raises(Resolver404):
        resolve("/_bench/constant/")
    with pytest.raises(Resolver404):
        resolve("/_bench/floor/")
    assert resolve("/_bench/floor/", urlconf="bench.urls").url_name == "bench_floor"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="bench.urls")
def test_generator_builds_a_data_set_whose_pages_answer(monkeypatch):
    # One test: building takes seconds (each image's renditions are written).
    monkeypatch.setattr(data, "IMAGES_PER_KIND", 2)
    data.Generator(SIZES).run()

    assert PressRelease.objects.count() == SIZES.press_releases
    assert Company.objects.count() == SIZES.companies
    assert Person.objects.count() == SIZES.people
    assert Episode.objects.count() == SIZES.episodes
    assert Milestone.objects.count() == SIZES.milestones
    assert Position.objects.count() >= SIZES.people
    assert Company.objects.filter(parent__isnull=False).exists()  # group trees
    assert PressRelease.people.through.objects.exists()  # people mentioned
    # The other rows share the few image files saved through the field.
    assert PressRelease.objects.exclude(image="").values("image").distinct().count() == 2

    client = Client()
    release = PressRelease.objects.published().exclude(image="").first()
    page = client.get(release.get_absolute_url())
    assert page.status_code == 200
    assert b"CACHE/images" in page.content  # its renditions exist and are shown
    for path in ("/_bench/constant/", "/_bench/floor/", "/en/", "/en/press/", "/en/timeline/"):
        assert client.get(path).status_code == 200, path
    assert client.get("/_bench/floor/").content.decode().count("<li>") == 20
    # The API's pages the benchmark measures answer on its data.
    api_pages = [page for page in inprocess.discover() if page["name"].startswith("api ")]
    assert len(api_pages) == 3
    for page in api_pages:
        assert client.get(page["path"]).status_code == 200, page
