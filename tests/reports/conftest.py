import pytest


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Report PDFs go to each test's own private folder, apart from MEDIA_ROOT."""
    settings.NOREC_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.NOREC_PRIVATE_MEDIA_ROOT


@pytest.fixture
def private_files(private_root):
    def list_files():
        return sorted(
            str(path.relative_to(private_root))
            for path in private_root.rglob("*")
            if path.is_file()
        )

    return list_files
