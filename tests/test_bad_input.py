"""
Input no page can mean answers 400 or 404, never a 500: a NUL byte
anywhere in a request (PostgreSQL and the file system both refuse it), a
media name longer than the file system allows.
"""

import pytest
from django.test import RequestFactory
from django.test.client import ClientHandler
from django.urls import reverse
from django.utils import translation

from tests.factories import CompanyFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

NUL_REQUESTS = [
    "/en/press/?company=%00",
    "/fr/press/?year=%00",
    "/en/search/?q=%00",
    "/en/search/?q=ampere%00&page=1",
    "/en/press/?%00=1",
    "/media/?x=%00",
]
NUL_PATHS = ["/en/%00/", "/en/press/a%00b/", "/media/%00", "/media/press/a%00.jpg", "/%00"]
ADMIN_NUL_REQUESTS = [
    "/admin/companies/pressrelease/?company__id__exact=%00",
    "/admin/companies/pressrelease/?q=%00",
    "/admin/companies/company/?parent__id__exact=%00",
    "/admin/companies/pressrelease/?issued_on__year=%00",
    "/admin/autocomplete/?term=%00&app_label=companies&model_name=pressrelease&field_name=company",
    "/admin/translations/queue/?x=%00",
]


@pytest.fixture
def content():
    PressReleaseFactory(company=CompanyFactory(slug_en="renault-group"))


def assert_bad_request_page(response, language="en"):
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        assert translation.gettext("This address cannot be read") in html


@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_a_nul_byte_in_a_public_request_is_a_clean_400(client, content, url):
    language = "fr" if url.startswith("/fr/") else "en"
    assert_bad_request_page(client.get(url), language)


@pytest.mark.parametrize("path", NUL_PATHS)
def test_a_nul_byte_in_the_path_is_a_404_like_any_address_of_no_page(client, content, path):
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("host", ["", "evil.example"])
def test_a_nul_byte_in_the_path_with_a_host_not_ours_is_a_400(client, content, host):
    """Found by the fuzzing suite: the 404 page built links on a refused host."""
    response = client.get("/media/%00", HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path", ["/admin/companies/pressrelease/%00/change/", "/admin/translations/queue/%00/"]
)
def test_a_nul_byte_in_an_admin_path_is_a_404(admin_client, content, path):
    assert admin_client.get(path).status_code == 404


def test_the_400_page_is_in_the_readers_language(client, content):
    assert_bad_request_page(client.get("/fr/press/?company=%00"), "fr")
    assert_bad_request_page(client.get("/it/press/?company=%00"), "it")


@pytest.mark.parametrize("url", ADMIN_NUL_REQUESTS)
def test_a_nul_byte_in_an_admin_request_is_a_clean_400(admin_client, content, url):
    assert_bad_request_page(admin_client.get(url))


def test_a_nul_byte_in_posted_form_data_is_a_400_and_saves_nothing(admin_client, content):
    response = admin_client.post(
        reverse("admin:companies_company_add"),
        {"name": "Bad\x00name", "slug_en": "bad", "kind": "brand", "status": "draft"},
    )
    assert_bad_request_page(response)
    from companies.models import Company

    assert not Company.objects.filter(slug_en="bad").exists()


def test_a_nul_byte_in_a_cookie_is_a_400_not_a_session_lookup(client, content):
    client.cookies["sessionid"] = "abcdefgh\x00"
    assert_bad_request_page(client.get("/en/"))


def test_a_clean_request_is_untouched(client, content):
    assert client.get("/en/press/?company=renault-group").status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "a" * 256,
        "a" * 300 + ".jpg",
        "press/" + "é" * 200 + ".jpg",  # 400 bytes in UTF-8
        "/".join(["b" * 250] * 20),  # longer than PATH_MAX
    ],
)
def test_a_media_name_too_long_for_the_file_system_is_a_404(client, settings, name):
    # The folder exists, as in production: the file system then answers the
    # name itself (ENAMETOOLONG), not "no such folder".
    (settings.MEDIA_ROOT / "press").mkdir(parents=True)
    response = client.get(f"/media/{name}")
    assert response.status_code == 404


def test_media_files_are_still_served(client, settings):
    release = PressReleaseFactory(with_image=True)
    response = client.get(release.image.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


@pytest.mark.parametrize("path", ["//0[/", "//" + "0" * 250 + "[/", "/en//0[/"])
def test_a_path_no_url_parser_reads_is_a_404_not_a_500(path):
    """
    "//0[/" reads as a malformed host to urlsplit (the test client refuses
    to send it, a browser or curl does not): the 404 page's language links
    must still be built.
    """
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    response = ClientHandler()(environ)
    assert response.status_code == 404
    assert b'hreflang="fr"' in response.content
