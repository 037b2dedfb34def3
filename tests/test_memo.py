"""
What pages remember between requests (renaulution/memo.py): rendition URLs
and srcsets, addresses, descriptions. Each is keyed by
what it depends on, so a change of content shows at once and a draft's
data is never shown by a stale entry.
"""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.storage import FileSystemStorage
from django.test import override_settings
from django.urls import set_script_prefix
from django.utils import translation
from imagekit.cachefiles import ImageCacheFile

from renaulution import memo
from renaulution.images import delete_renditions, generate_renditions, rendition_url
from renaulution.publishing import Status
from tests.factories import EpisodeFactory, SeriesFactory, image_file
from tests.test_images import pictures, render_picture, srcset

pytestmark = pytest.mark.django_db


class CountingCache(LocMemCache):
    """Django's local-memory cache, counting the reads pages make of it."""

    reads = 0

    def get(self, *args, **kwargs):
        type(self).reads += 1
        return super().get(*args, **kwargs)

    def get_many(self, *args, **kwargs):
        type(self).reads += 1
        return super().get_many(*args, **kwargs)


COUNTING_CACHE = {"default": {"BACKEND": "tests.test_memo.CountingCache", "LOCATION": "memo"}}


@pytest.fixture
def counters(monkeypatch):
    """Calls of imagekit's cache-file constructor and of the storage's `exists`."""
    counts = {"cache_files": 0, "exists": 0}
    make_file, exists = ImageCacheFile.__init__, FileSystemStorage.exists

    def counted_init(self, *args, **kwargs):
        counts["cache_files"] += 1
        make_file(self, *args, **kwargs)

    def counted_exists(self, name):
        counts["exists"] += 1
        return exists(self, name)

    monkeypatch.setattr(ImageCacheFile, "__init__", counted_init)
    monkeypatch.setattr(FileSystemStorage, "exists", counted_exists)
    return counts


def small_still(number):
    return image_file(f"still-{number}.jpg", (640, 360))


def test_after_the_first_render_pictures_build_no_cache_file_and_ask_neither_cache_nor_disk(
    client, counters
):
    series = SeriesFactory()
    for number in range(1, 6):
        EpisodeFactory(series=series, number=number, with_image=True, still=small_still(number))
    with override_settings(CACHES=COUNTING_CACHE):
        first = client.get("/en/episodes/").content.decode()
        assert len(pictures(first).pictures) == 5
        assert counters["cache_files"] > 0  # the first render builds them
        counters.update(cache_files=0, exists=0)
        CountingCache.reads = 0
        second = client.get("/en/episodes/").content.decode()
        third = client.get("/fr/episodes/").content.decode()
    assert second == first
    assert len(pictures(third).pictures) == 5
    assert counters == {"cache_files": 0, "exists": 0}
    assert CountingCache.reads == 0


def test_a_new_upload_gets_new_urls_at_once():
    episode = EpisodeFactory(with_image=True)
    before = srcset(pictures(render_picture(episode, "still")).pictures[0]["img"]["srcset"])
    episode.still = image_file("other.jpg", (1280, 720), color="navy")
    episode.save()
    after = srcset(pictures(render_picture(episode, "still")).pictures[0]["img"]["srcset"])
    assert {url for url, _w in before}.isdisjoint(url for url, _w in after)
    assert all(episode.still.name.rsplit(".", 1)[0] in url for url, _w in after)
    for url, _width in after:
        assert (Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)).is_file()


def test_missing_renditions_are_not_remembered_so_they_show_once_written():
    episode = EpisodeFactory(with_image=True)
    shutil.rmtree(Path(settings.MEDIA_ROOT) / settings.IMAGEKIT_CACHEFILE_DIR)
    cache.clear()
    assert pictures(render_picture(episode, "still")).pictures == []
    assert rendition_url(episode.still) == ""
    generate_renditions(episode, "still")
    assert len(pictures(render_picture(episode, "still")).pictures) == 1
    assert rendition_url(episode.still) != ""


def test_deleting_renditions_forgets_their_urls():
    episode = EpisodeFactory(with_image=True)
    assert len(pictures(render_picture(episode, "still")).pictures) == 1
    delete_renditions(episode.still.storage, episode.still.name)
    assert pictures(render_picture(episode, "still")).pictures == []


def test_editing_a_text_changes_the_description_and_json_ld(client):
    episode = EpisodeFactory(synopsis_en="<p>The first words.</p>")
    page = client.get(episode.get_absolute_url()).content.decode()
    assert 'content="The first words."' in page
    episode.synopsis_en = "<p>Other words.</p>"
    episode.title_en = "A new title"
    episode.save()
    page = client.get(episode.get_absolute_url()).content.decode()
    assert 'content="Other words."' in page
    assert 'content="The first words."' not in page
    assert '<meta property="og:title" content="A new title">' in page
    assert '"name": "A new title"' in page


def test_a_remembered_address_never_brings_back_a_draft(client):
    episode = EpisodeFactory(with_image=True, title_en="Soon a draft")
    url = episode.get_absolute_url()
    home = client.get("/en/").content.decode()
    assert url in home and "Soon a draft" in home
    image_urls = [u for u, _w in srcset(pictures(home).pictures[-1]["img"]["srcset"])]
    episode.status = Status.DRAFT
    episode.save()
    assert client.get(url).status_code == 404
    home = client.get("/en/").content.decode()
    assert url not in home and "Soon a draft" not in home
    assert not any(image_url in home for image_url in image_urls)


def test_a_changed_slug_changes_the_address_in_every_language():
    episode = EpisodeFactory(slug_en="first", slug_fr="premier")
    assert episode.get_absolute_url() == "/en/episodes/first/"
    with translation.override("fr"):
        assert episode.get_absolute_url() == "/fr/episodes/premier/"
    episode.slug_en = "second"
    assert episode.get_absolute_url() == "/en/episodes/second/"
    with translation.override("it"):
        assert episode.get_absolute_url() == "/it/episodes/second/"


def test_addresses_follow_the_script_prefix():
    episode = EpisodeFactory(slug_en="first")
    assert episode.get_absolute_url() == "/en/episodes/first/"
    set_script_prefix("/site/")
    try:
        assert episode.get_absolute_url() == "/site/en/episodes/first/"
    finally:
        set_script_prefix("/")
    assert episode.get_absolute_url() == "/en/episodes/first/"


def test_language_links_keep_the_query_and_translate_the_path(client):
    page = client.get("/fr/search/?q=amp%C3%A8re&page=1").content.decode()
    assert 'href="/en/search/?q=amp%C3%A8re&amp;page=1"' in page
    assert 'href="/it/search/?q=amp%C3%A8re&amp;page=1"' in page
    # Search engines get the address without the reader's parameters.
    assert '<link rel="alternate" hreflang="it" href="http://testserver/it/search/">' in page


def test_a_memo_keeps_at_most_its_bound_and_drops_the_least_recently_used():
    kept = memo.Memo("test", 3)
    for key in "abc":
        kept.set(key, key.upper())
    assert kept.get("a") == "A"  # now the most recently used
    kept.set("d", "D")
    assert len(kept) == 3
    assert kept.get("b") is None
    assert [kept.get(key) for key in "acd"] == ["A", "C", "D"]


def test_a_changed_setting_empties_every_memo():
    episode = EpisodeFactory(with_image=True)
    first = render_picture(episode, "still")
    with override_settings(MEDIA_URL="/uploads/"):
        moved = render_picture(episode, "still")
    assert "/uploads/" in moved and "/uploads/" not in first
