import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation


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
