import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The cache remembers which image renditions exist in MEDIA_ROOT: a new
    # folder starts with none. (Never flush a Redis someone else may use.)
    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()
