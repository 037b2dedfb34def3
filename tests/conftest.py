import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
