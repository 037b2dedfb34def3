import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation

from tests.clock import NOW
from tests.content_snapshot import take_snapshot
from tests.deepl_server import FakeDeepL


def pytest_ignore_collect(collection_path, config):
    """
    tests/fourth_language/ is about German, which only
    tests/settings_fourth_language.py speaks: `make test` runs it in a
    second pass with those settings; other runs leave it out.
    """
    if collection_path.name == "fourth_language" and "de" not in dict(settings.LANGUAGES):
        return True
    return None


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The cache remembers which image renditions exist in MEDIA_ROOT: a new
    # folder starts with none. (Never flush a Redis someone else may use.)
    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """
    Each test starts in the default language. A request through the test
    client leaves LocaleMiddleware's choice active in the thread, so without
    this a test would run in whatever language the previous one last asked for.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def content_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The shipped content as the loader writes it, loaded once (tests/content_snapshot.py)."""
    with django_db_blocker.unblock():
        return take_snapshot(tmp_path_factory.mktemp("content") / "media")


@pytest.fixture
def clock():
    """Time stopped at tests.clock.NOW; tests move it (`move_to`, `shift`), never sleep."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def deepl(settings):
    """Machine translation on, with DeepL's API served by a local server."""
    server = FakeDeepL().start()
    settings.MACHINE_TRANSLATION_BACKEND = "translations.machine.DeepL"
    settings.DEEPL_AUTH_KEY = server.key
    settings.DEEPL_API_URL = server.url
    settings.MACHINE_TRANSLATION_TIMEOUT = 5
    yield server
    server.stop()
