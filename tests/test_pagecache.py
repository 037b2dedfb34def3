"""
The page cache's promises, one by one: a hit costs no query, staff and
personal answers are never stored, headers, conditional GET, compression,
scheduled publications, uploaded media's lifetime.
"""

import datetime
import gzip
from datetime import timedelta

import brotli
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from companies.models import PressRelease
from renaulution import pagecache, surrogate_keys
from renaulution.publishing import Status
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    PressReleaseFactory,
    SeriesFactory,
    StaffUserFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def content():
    series = SeriesFactory()
    EpisodeFactory(series=series, number=1)
    company = CompanyFactory(name="Ampere")
    release = PressReleaseFactory(company=company, title_en="Ampere opens")
    return {"series": series, "company": company, "release": release}


PAGES = ["/en/", "/fr/press/", "/it/companies/", "/en/press/feed/", "/sitemap.xml", "/robots.txt"]


@pytest.mark.parametrize("path", PAGES)
def test_a_second_request_is_a_hit_without_any_query(
    client, content, path, django_assert_num_queries
):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_the_xkey_header_names_the_objects_and_lists_shown(client, content):
    keys = client.get("/en/")["xkey"].split()
    release = content["release"].pk
    assert f"companies.pressrelease:{release}" in keys
    # Home's latest releases are a window: the place of each, and the end
    # (fewer than three), not every release's list.
    assert f"companies.pressrelease:gap:{release}" in keys
    assert "companies.pressrelease:gap:end" in keys
    assert "companies.pressrelease:list" not in keys
    assert "episodes.episode:list:series_id=" + str(content["series"].pk) in keys
    assert f"episodes.series:{content['series'].pk}" in keys
    # No language in any key: one change invalidates every language.
    assert client.get("/fr/")["xkey"] == client.get("/en/")["xkey"]


def test_a_detail_page_is_not_a_list_of_its_own_model(client, content):
    keys = client.get(content["release"].get_absolute_url())["xkey"].split()
    assert f"companies.pressrelease:{content['release'].pk}" in keys
    assert "companies.pressrelease:list" not in keys


def test_a_page_of_many_objects_names_the_model_instead(client):
    company = CompanyFactory()
    PressReleaseFactory.create_batch(60, company=company)
    keys = client.get("/sitemap-press.xml")["xkey"].split()
    assert "companies.pressrelease:any" in keys
    assert len(keys) < 20


def test_search_results_carry_the_search_key(client, content):
    keys = client.get("/en/search/?q=ampere")["xkey"].split()
    assert "search" in keys


def test_the_query_string_is_normalized(client, content, django_assert_num_queries):
    slug, year = content["company"].slug, content["release"].issued_on.year
    assert client.get(f"/en/press/?year={year}&company={slug}").status_code == 200
    with django_assert_num_queries(0):
        client.get(f"/en/press/?company={slug}&year={year}")


def test_public_headers(client, content):
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PAGE_CACHE_BROWSER_SECONDS}" in cache_control
    assert "s-maxage=" in cache_control
    vary = [v.strip() for v in response["Vary"].split(",")]
    assert "Accept-Encoding" in vary and "Cookie" not in vary
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith("GMT")
    assert "Set-Cookie" not in response
    # Outer middleware still runs on a hit: a fresh CSP header, no nonce.
    hit = client.get("/en/", HTTP_ACCEPT_ENCODING="gzip")
    assert "nonce-" not in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"


def test_if_none_match_and_if_modified_since_answer_304(client, content):
    first = client.get("/en/press/")
    again = client.get("/en/press/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get("/en/press/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get("/en/press/", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200
    old = client.get("/en/press/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert old.status_code == 200
    bad = client.get("/en/press/", HTTP_IF_MODIFIED_SINCE="not a date")
    assert bad.status_code == 200


def test_the_first_request_answers_304_too(client, content):
    etag = client.get("/en/press/")["ETag"]
    cache.clear()
    assert client.get("/en/press/", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize("path", ["/en/", "/en/press/feed/", "/sitemap.xml"])
def test_pages_are_compressed_and_hits_do_not_recompress(client, content, path, monkeypatch):
    plain = client.get(path).content
    gzipped = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.content) == plain
    broken = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert broken["Content-Encoding"] == "br"
    assert brotli.decompress(broken.content) == plain

    def no_compression(*args, **kwargs):
        raise AssertionError("a hit compressed again")

    monkeypatch.setattr(pagecache.gzip, "compress", no_compression)
    monkeypatch.setattr(pagecache.brotli, "compress", no_compression)
    assert client.get(path, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


def test_a_refused_coding_is_not_used(client, content):
    response = client.get("/en/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in client.get("/en/", HTTP_ACCEPT_ENCODING="identity")


def test_head_is_served_from_the_cache(client, content, django_assert_num_queries):
    get = client.get("/en/")
    with django_assert_num_queries(0):
        head = client.head("/en/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_the_admin_is_never_cached_nor_compressed(admin_client):
    response = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in response
    assert "xkey" not in response
    assert "private" in response["Cache-Control"]


def test_staff_bypass_the_cache_and_never_fill_it(content, django_assert_num_queries):
    staff = Client()
    staff.force_login(StaffUserFactory(is_superuser=True))
    draft = PressReleaseFactory(company=content["company"], status=Status.DRAFT)
    for _ in range(2):
        response = staff.get(draft.get_absolute_url())
        assert response.status_code == 200  # the staff preview
        assert "private" in response["Cache-Control"]
        assert "xkey" not in response
    staff.get("/en/")
    assert cache.get(pagecache.cache_key(_request("/en/"))) is None
    # A reader afterwards: the draft is a 404, the home page a fresh render.
    reader = Client()
    assert reader.get(draft.get_absolute_url()).status_code == 404
    reader.get("/en/")
    with django_assert_num_queries(0):
        reader.get("/en/")
    staff_home = staff.get("/en/")
    assert "xkey" not in staff_home


def _request(path):
    from django.test import RequestFactory

    return RequestFactory().get(path)


def test_not_found_and_redirects_are_not_stored(client, content):
    assert client.get("/en/press/no-such-release/").status_code == 404
    assert cache.get(pagecache.cache_key(_request("/en/press/no-such-release/"))) is None
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert root.status_code == 302 and root["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="it")["Location"] == "/it/"
    assert cache.get(pagecache.cache_key(_request("/"))) is None


def test_a_response_that_sets_a_cookie_or_uses_a_nonce_is_not_stored(rf):
    from django.http import HttpResponse

    middleware = pagecache.PageCacheMiddleware(lambda request: HttpResponse("x"))
    request = rf.get("/en/")
    response = HttpResponse("x")
    response.set_cookie("csrftoken", "abc")
    assert not middleware.storable(request, response)
    request._csp_nonce = "abc"
    assert not middleware.storable(request, HttpResponse("x"))
    private = HttpResponse("x")
    private["Cache-Control"] = "private"
    assert not middleware.storable(rf.get("/en/"), private)
    assert middleware.storable(rf.get("/en/"), HttpResponse("x"))


def test_a_scheduled_publication_bounds_the_lifetime(client, content):
    seconds = client.get("/en/press/")["Cache-Control"]
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS - 1}" in seconds or (
        f"s-maxage={settings.PAGE_CACHE_SECONDS}" in seconds
    )
    soon = timezone.now() + timedelta(seconds=120)
    # Saved outside the page cache's notice (an update in a test transaction
    # never commits), the bound is read on the next miss anyway.
    scheduled = PressReleaseFactory(company=content["company"], published_at=soon)
    cache.clear()
    response = client.get("/en/press/")
    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 100 <= max_age <= 120
    assert scheduled.get_absolute_url() not in response.content.decode()


def test_a_scheduled_release_appears_when_its_time_comes(client, content, monkeypatch):
    """Time moves (the clock is patched) instead of the test sleeping."""
    soon = timezone.now() + timedelta(seconds=30)
    scheduled = PressReleaseFactory(company=content["company"], published_at=soon, title_en="Later")
    assert scheduled.get_absolute_url() not in client.get("/en/press/").content.decode()
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(pagecache.time, "time", lambda: later.timestamp())
    assert scheduled.get_absolute_url() in client.get("/en/press/").content.decode()


def test_uploaded_media_are_kept_a_year(client, settings, tmp_path):
    from django.core.files.storage import default_storage

    name = default_storage.save("press/abc/photo.jpg", image_file())
    response = client.get(f"{settings.MEDIA_URL}{name}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "xkey" not in response


def test_a_locked_or_cookie_bearing_reader_with_messages_bypasses(content):
    with_messages = Client()
    with_messages.cookies["messages"] = "something"
    response = with_messages.get("/en/")
    assert "xkey" not in response
    assert "private" in response["Cache-Control"]


def test_an_old_entry_becomes_a_miss_after_its_keys_are_announced(client, content):
    client.get("/en/")
    pagecache.invalidate({f"companies.pressrelease:{content['release'].pk}"})
    entry = cache.get(pagecache.cache_key(_request("/en/")))
    assert pagecache._stale(entry)
    client.get("/en/")
    assert not pagecache._stale(cache.get(pagecache.cache_key(_request("/en/"))))
    pagecache.invalidate({"companies.person:999999"})
    assert not pagecache._stale(cache.get(pagecache.cache_key(_request("/en/"))))


def test_a_page_listing_the_rows_of_many_objects_names_the_relation_instead():
    """`…:company_id=*` stands for more than MAX_OBJECT_KEYS values of one relation."""
    from renaulution import invalidation, surrogate_keys

    collector = invalidation.Collector()
    many = [
        surrogate_keys.relation_key(PressRelease, "company_id", pk)
        for pk in range(surrogate_keys.MAX_OBJECT_KEYS + 1)
    ]
    few = surrogate_keys.relation_key(PressRelease, "person_id", 1)
    collector.keys.update([*many, few])
    assert collector.keys_for_header() == sorted(["companies.pressrelease:list:company_id=*", few])


def test_a_company_page_names_its_releases_list_not_every_release_list(client, content):
    company = content["release"].company
    keys = client.get(company.get_absolute_url())["xkey"].split()
    assert f"companies.pressrelease:list:company_id={company.pk}" in keys
    assert "companies.pressrelease:list" not in keys


def test_a_bulk_change_too_large_to_name_its_years_drops_the_year_pages(
    client, django_capture_on_commit_callbacks
):
    """
    Above MAX_OBJECT_KEYS rows, the year pages' common key stands for their
    years: the rows changed here are not on the page, only its page count.
    """
    with django_capture_on_commit_callbacks(execute=True):
        company = CompanyFactory(name="Bulk Motors")
        PressReleaseFactory.create_batch(
            settings.PRESS_RELEASES_PER_PAGE,
            company=company,
            issued_on=datetime.date(2020, 12, 1),
            title_en="Kept news",
        )
        PressReleaseFactory.create_batch(
            surrogate_keys.MAX_OBJECT_KEYS + 1,
            company=company,
            issued_on=datetime.date(2020, 3, 3),
            title_en="Bulk news",
        )
    year_page = "/en/press/?year=2020"
    response = client.get(year_page)
    keys = response["xkey"].split()
    assert "companies.pressrelease:year:issued_on=2020" in keys
    assert "companies.pressrelease:year:issued_on" in keys
    assert "companies.pressrelease:list" not in keys
    assert 'rel="next"' in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PressRelease.objects.filter(title_en="Bulk news").update(status=Status.DRAFT)
    page = client.get(year_page).content.decode()
    assert "Kept news" in page and 'rel="next"' not in page
