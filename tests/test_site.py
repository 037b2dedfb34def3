import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from django.conf import settings
from django.db import DatabaseError, OperationalError, ProgrammingError
from django.test import override_settings

from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
)
from tests.html import read_page

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("it", "/it/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
        ("garbage;;;q=x", "/en/"),
    ],
)
def test_root_redirects_to_the_readers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", codes())
def test_home_shows_the_series_its_episodes_and_latest_press(client, language):
    series = SeriesFactory()
    SeriesProducerFactory(series=series)
    for number in (1, 2):
        EpisodeFactory(series=series, number=number)
    PressReleaseFactory(title_en="Latest news", title_fr="Dernières nouvelles", title_it="Ultime")
    response = client.get(f"/{language}/")
    page = read_page(response)
    assert response.status_code == 200
    assert page.lang == language
    assert (
        page.h1
        == {
            "en": "Anatomy of a Comeback",
            "fr": "Anatomie d'un come-back",
            "it": "Anatomia di un come-back",
        }[language]
    )
    content = response.content.decode()
    assert content.count('class="card"') == 2
    assert {"en": "Latest news", "fr": "Dernières nouvelles", "it": "Ultime"}[language] in content


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [3, 300])
def test_home_query_count_does_not_grow(client, django_assert_num_queries, rows):
    series = SeriesFactory()
    SeriesProducerFactory.create_batch(2, series=series)
    for number in range(1, min(rows, 30) + 1):
        EpisodeFactory(series=series, number=number)
    PressReleaseFactory.create_batch(rows)
    # series with platform and subject, its producers, its first episodes,
    # their number and total runtime (one aggregate), the latest press
    # releases with their companies.
    with django_assert_num_queries(5):
        response = client.get("/en/")
    shown = min(rows, settings.EPISODES_PER_PAGE)
    assert response.content.decode().count('class="card"') == shown
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert ('href="/en/episodes/"' in main) == (rows > shown)


WATCH_URL = "https://video.example/series/anatomy"


def watch_links(response):
    tree = lxml.html.fromstring(response.content.decode())
    return [
        (link.get("href"), link.text_content()) for link in tree.xpath("//a[@class='watch__link']")
    ]


def fact(response, term):
    """The value of the home page's fact `term` (Premiere, Total runtime…), or None."""
    tree = lxml.html.fromstring(response.content.decode())
    values = tree.xpath("//dl[@class='facts']/div[dt=$term]/dd", term=term)
    return values[0].text_content() if values else None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "label", "premiere", "runtime"),
    [
        ("en", "Watch on Prime Video", "Premiere", "Total runtime"),
        ("fr", "Regarder sur Prime Video", "Première diffusion", "Durée totale"),
        ("it", "Guarda su Prime Video", "Prima visione", "Durata complessiva"),
    ],
)
def test_home_says_where_to_watch_when_it_premiered_and_how_long_it_runs(
    client, language, label, premiere, runtime
):
    platform = CompanyFactory(name="Prime Video", kind="broadcaster")
    series = SeriesFactory(platform=platform, watch_url=WATCH_URL)
    EpisodeFactory(series=series, number=1, runtime_minutes=44)
    EpisodeFactory(series=series, number=2, runtime_minutes=47)
    EpisodeFactory(series=series, number=3, runtime_minutes=500, draft=True)
    response = client.get(f"/{language}/")
    assert watch_links(response) == [(WATCH_URL, label)]
    # Published episodes only: the draft's 500 minutes are not counted.
    assert fact(response, runtime) == "91 min"
    premiere_date = lxml.html.fromstring(response.content.decode()).xpath(
        "//dl[@class='facts']/div[dt=$term]/dd/time/@datetime", term=premiere
    )
    assert premiere_date == ["2024-12-13"]


@pytest.mark.django_db
def test_home_watch_link_never_names_a_draft_platform_and_needs_an_address(client):
    series = SeriesFactory(
        platform=CompanyFactory(name="Secret Streamer", draft=True), watch_url=WATCH_URL
    )
    response = client.get("/en/")
    assert watch_links(response) == [(WATCH_URL, "Watch the series")]
    assert "Secret Streamer" not in response.content.decode()
    series.watch_url = ""
    series.save()
    assert watch_links(client.get("/en/")) == []
    # No episode, no runtime to add up.
    assert fact(client.get("/en/"), "Total runtime") is None


@pytest.mark.django_db
def test_home_without_content_is_a_clean_page(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Nothing is published yet." in response.content.decode()


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "status": "ok"}


def _break_the_database(monkeypatch, error):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise error("the database is down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    _break_the_database(monkeypatch, DatabaseError)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok", "status": "unavailable"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/", "The site is temporarily unavailable"),
        ("/fr/press/", "Le site est momentanément indisponible"),
        ("/it/episodes/", "Il sito è momentaneamente non disponibile"),
    ],
)
def test_a_page_without_its_database_is_a_503_in_the_readers_language(
    client, monkeypatch, path, text
):
    _break_the_database(monkeypatch, OperationalError)
    response = client.get(path)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert text in response.content.decode()
    assert f'<html lang="{path[1:3]}">' in response.content.decode()


@pytest.mark.django_db
def test_a_database_outage_met_by_a_middleware_is_a_503_in_the_readers_language(
    client, monkeypatch
):
    from django.contrib.sessions.middleware import SessionMiddleware

    def broken(self, request):
        raise OperationalError("the database is down")

    # Sessions run before the language is chosen, and before any view.
    monkeypatch.setattr(SessionMiddleware, "process_request", broken)
    client.raise_request_exception = False
    response = client.get("/it/press/")
    assert response.status_code == 503
    assert "Il sito è momentaneamente non disponibile" in response.content.decode()


@pytest.mark.django_db
def test_a_database_error_of_our_own_making_stays_a_500(client, monkeypatch):
    _break_the_database(monkeypatch, ProgrammingError)
    client.raise_request_exception = False
    assert client.get("/en/").status_code == 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/", "/xx/episodes/", "/en/nothing-here/", "/EN/"])
def test_unknown_paths_answer_a_styled_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.django_db
def test_404_is_in_the_readers_language(client):
    page = read_page(client.get("/fr/episodes/nope/"))
    assert page.lang == "fr"


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_server_error_shows_the_styled_500_page(client, monkeypatch):
    import renaulution.views

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(renaulution.views.Series.objects, "published", boom)
    client.raise_request_exception = False
    response = client.get("/en/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def run_settings(env, *args):
    """Run manage.py in a fresh process with exactly `env` for Django's variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings({"DJANGO_DEBUG": "0"}, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_without_any_setting_the_process_is_production_and_refuses_the_development_key():
    """DJANGO_DEBUG unset is off: no debug page, no development secret key."""
    result = run_settings({}, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
    development = run_settings({"DJANGO_DEBUG": "1"}, "check")
    assert development.returncode == 0, development.stderr


def test_production_settings_pass_check_deploy():
    result = run_settings(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-real-secret-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "renaulution.example",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr
