import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its files to its own folder, so tests can look at the disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def default_language():
    """Tests start in Nynorsk, as a visitor with no preference does."""
    with translation.override("nn"):
        yield


@pytest.fixture
def english():
    """For tests that read messages: the interface in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def stored_files(media_root):
    """The files under MEDIA_ROOT, as paths relative to it."""

    def list_files():
        return sorted(
            str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
        )

    return list_files
