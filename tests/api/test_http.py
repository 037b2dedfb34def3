"""
The API over HTTP: a valid OpenAPI schema, docs that run under the CSP from
our static files, ETag and Last-Modified with 304s, the page cache and its
invalidation by surrogate key, the rate limit, and input that no endpoint
can mean.
"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from openapi_spec_validator import validate

from companies.models import PressRelease
from renaulution.languages import codes
from renaulution.publishing import Status
from tests.api.conftest import API
from tests.factories import CompanyFactory, PressReleaseFactory


def test_the_schema_is_valid_openapi(openapi):
    validate(openapi)
    assert openapi["openapi"].startswith("3.")
    paths = set(openapi["paths"])
    for name in ("series", "episodes", "companies", "people", "press-releases", "milestones"):
        assert f"{API}/{name}/" in paths
    assert f"{API}/press-releases/{{slug}}/" in paths
    assert f"{API}/search/" in paths


def test_the_schema_documents_languages_and_errors(openapi):
    operation = openapi["paths"][f"{API}/press-releases/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert {"lang", "limit", "cursor", "company", "person", "year"} <= set(parameters)
    assert {"400", "404", "429"} <= set(operation["responses"])
    assert set(openapi["components"]["schemas"]["Language"]["enum"]) == {*codes(), "all"}
    assert "fallback" in openapi["components"]["schemas"]["LocalizedValue"]["properties"]


def test_the_docs_use_our_static_files_and_no_inline_script(client, db):
    response = client.get(f"{API}/docs")

    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert sources == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    for source in sources:
        assert finders.find(source.removeprefix("/static/"))
    # Every other script element is data, which the CSP does not run.
    data = [' type="application/json" id="swagger-settings"']
    assert re.findall(r"<script(?! src=)([^>]*)>", page) == data
    assert "//cdn" not in page and "https://" not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # Swagger UI's icons are data: images in its stylesheet: allowed on this page only,
    # which the page cache never stores (its hits would get the site's policy).
    assert "img-src 'self' data:" in policy
    assert "no-store" in response["Cache-Control"]
    assert "data:" not in client.get(f"{API}/series/")["Content-Security-Policy"]


def test_an_answer_has_validators_and_a_repeat_is_a_304(client, content):
    path = f"{API}/press-releases/renaulution-plan/"
    first = client.get(path)
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"]

    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(path, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    other_language = client.get(path, {"lang": "fr"}, headers={"if-none-match": first["ETag"]})
    assert other_language.status_code == 200


def test_a_change_gives_a_new_etag(client, content):
    path = f"{API}/press-releases/"
    etag = client.get(path)["ETag"]
    content.release.title_en = "The Renaulution plan, revised"
    content.release.save()

    response = client.get(path, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def test_answers_are_cached_with_the_surrogate_keys_of_what_they_show(
    client, db, page_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        company = CompanyFactory(slug_en="renault")
        release = PressReleaseFactory(company=company, title_en="Before")
        draft = PressReleaseFactory(company=company, title_en="Draft news", draft=True)
    path = f"{API}/press-releases/"

    first = client.get(path)
    keys = first["xkey"].split()
    assert f"companies.pressrelease:{release.pk}" in keys
    assert "companies.pressrelease:list" in keys
    assert f"companies.company:{company.pk}" in keys
    with django_assert_num_queries(0):
        hit = client.get(path)
    assert hit.content == first.content
    assert hit["ETag"] == first["ETag"]
    assert client.get(path, headers={"if-none-match": first["ETag"]}).status_code == 304

    # Publishing drops the cached list: the next answer shows the release.
    with django_capture_on_commit_callbacks(execute=True):
        PressRelease.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    titles = [item["title"]["value"] for item in client.get(path).json()["items"]]
    assert "Draft news" in titles


def test_the_cache_keeps_one_answer_per_negotiated_language(client, page_cache, content):
    path = f"{API}/press-releases/renaulution-plan/"
    french = client.get(path, headers={"accept-language": "fr"}).json()
    english = client.get(path, headers={"accept-language": "en"}).json()
    french_again = client.get(path, headers={"accept-language": "fr-FR"}).json()

    assert french["title"]["language"] == "fr"
    assert english["title"]["language"] == "en"
    assert french_again == french


def test_errors_are_never_cached(client, page_cache, db):
    response = client.get(f"{API}/press-releases/nope/")

    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
    assert "xkey" not in response


def test_too_many_requests_from_one_address_is_a_429(client, content, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 60
    cache.clear()
    path = f"{API}/people/"
    for _n in range(3):
        assert client.get(path, REMOTE_ADDR="198.51.100.7").status_code == 200

    refused = client.get(path, REMOTE_ADDR="198.51.100.7")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["status"] == 429
    # Another address has its own count; the site's pages have none.
    assert client.get(path, REMOTE_ADDR="198.51.100.8").status_code == 200
    assert client.get("/en/people/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_rate_limit_counts_answers_from_the_page_cache(client, content, settings, page_cache):
    settings.API_RATE_LIMIT = 2
    path = f"{API}/people/"
    client.get(path)
    client.get(path)  # a hit

    assert client.get(path).status_code == 429


@pytest.mark.parametrize(
    "query",
    [
        "lang=en%00",
        "cursor=%00",
        "company=renault%00",
    ],
)
def test_a_nul_character_is_a_400_not_a_500(client, db, query):
    assert client.get(f"{API}/press-releases/?{query}").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/press-releases/%E2%80%AE%F0%9F%98%80/",
        "/companies/" + "a" * 2000 + "/",
        "/series/99999999999999999999999/",
        "/milestones/%20/",
    ],
)
def test_odd_paths_are_a_404(client, db, path):
    assert client.get(f"{API}{path}").status_code == 404


def test_an_unknown_address_under_the_api_is_a_json_404(client, db):
    response = client.get(f"{API}/no-such-list/")

    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert client.get(f"{API}/series/abc/").json()["error"]["status"] == 404


def test_an_address_without_its_trailing_slash_is_redirected(client, db):
    response = client.get(f"{API}/press-releases?lang=fr")

    assert response.status_code == 301
    assert response["Location"] == f"{API}/press-releases/?lang=fr"
