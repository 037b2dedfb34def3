"""
The site when its database or its cache goes away, against real servers:
gunicorn in production mode, a private PostgreSQL cluster and a private
redis-server, each stopped and started again while the site runs.
"""

import json
import re

import pytest

from tests.servers import AppServer, PostgresCluster, RedisServer, free_port

pytestmark = pytest.mark.slow

PAGES = ["/en/", "/en/press/", "/en/episodes/", "/en/people/"]
WITH_IMAGES = ["/en/", "/en/episodes/", "/fr/episodes/", "/it/"]
CONTENT = (
    "from tests.factories import EpisodeFactory, SeriesFactory, image_file\n"
    "series = SeriesFactory(with_image=True, poster=image_file('poster.jpg', (120, 180)))\n"
    "for number in (1, 2):\n"
    "    EpisodeFactory(series=series, number=number, with_image=True,\n"
    "                   still=image_file('still.jpg', (160, 90)))\n"
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    directory = tmp_path_factory.mktemp("faults")
    cluster = PostgresCluster(free_port()).create()
    redis = RedisServer(directory).start()
    app = None
    try:
        cluster.create_database("renaulution")
        app = AppServer(
            directory,
            free_port(offset=1),
            {"DATABASE_URL": cluster.url("renaulution"), "REDIS_URL": redis.url},
        )
        app.manage("migrate", "--no-input")
        # Pages with images, whose renditions' states live in the cache.
        app.manage("shell", "--no-imports", "-c", CONTENT)
        app.manage("collectstatic", "--no-input", "--verbosity", "0")
        app.start()
        yield app, cluster, redis
    finally:
        if app is not None:
            app.stop()
        redis.stop()
        cluster.destroy()


def health(app):
    status, _headers, body = app.get("/healthz")
    return status, json.loads(body)


def log_since(app, offset):
    return app.log_text()[offset:]


def test_without_the_database_pages_answer_a_translated_503_and_then_recover(servers):
    app, cluster, _redis = servers
    for path in PAGES:
        assert app.get(path)[0] == 200, path
    assert health(app) == (200, {"database": "ok", "cache": "ok", "status": "ok"})

    offset = len(app.log_text())
    cluster.stop()
    try:
        for path in [*PAGES, "/fr/", "/it/press/"]:
            status, headers, body = app.get(path)
            assert status == 503, path
            assert int(headers["Retry-After"]) > 0
            assert "Renaulution" in body
        status, _headers, body = app.get("/fr/")
        assert '<html lang="fr">' in body
        assert "Le site est momentanément indisponible" in body
        status, _headers, body = app.get("/it/")
        assert "Il sito è momentaneamente non disponibile" in body
        assert health(app) == (503, {"database": "error", "cache": "ok", "status": "unavailable"})
    finally:
        cluster.start()
    outage = log_since(app, offset)
    # One line for the whole outage (the interval is a minute), no traceback.
    assert len(re.findall("Database unavailable", outage)) == 1, outage
    assert "Traceback" not in outage

    # The connection the worker kept is found broken and replaced.
    for path in PAGES:
        assert app.get(path)[0] == 200, path
    assert health(app) == (200, {"database": "ok", "cache": "ok", "status": "ok"})


def test_without_redis_pages_still_answer_and_the_log_says_so_once(servers):
    app, _cluster, redis = servers
    assert health(app)[1]["cache"] == "ok"
    for path in WITH_IMAGES:
        assert "/media/CACHE/images/" in app.get(path)[2], path

    offset = len(app.log_text())
    redis.stop()
    try:
        for _round in range(5):
            for path in [*PAGES, "/fr/", "/it/episodes/"]:
                assert app.get(path)[0] == 200, path
            for path in WITH_IMAGES:
                # Renditions still, their states read from the disk instead.
                assert "/media/CACHE/images/" in app.get(path)[2], path
        # Still in rotation: the cache is not needed to serve pages.
        assert health(app) == (200, {"database": "ok", "cache": "error", "status": "degraded"})
    finally:
        redis.start()
    outage = log_since(app, offset)
    assert len(re.findall("Cache unavailable", outage)) == 1, outage
    assert "Traceback" not in outage

    assert health(app) == (200, {"database": "ok", "cache": "ok", "status": "ok"})
