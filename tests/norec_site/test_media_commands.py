"""check_media, check_storage and copy_media_to_storage, on disk and on a real object store."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.base import CommandError

from norec_site import media_check
from norec_site.models import Image
from tests.factories import ImageFactory
from tests.reports.factories import ReportFactory
from tests.seaweedfs import use_storages
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def run(command, *args):
    """(exit code, output) of a management command."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue() + err.getvalue() + str(error)
    return 0, out.getvalue() + err.getvalue()


@pytest.fixture
def kept():
    """Names that a test declares kept, as the revisions app declares its files."""
    names = set()

    def provider(alias):
        return names if alias == "default" else ()

    media_check.keep_names_from(provider)
    yield names
    media_check._keepers.remove(provider)


@pytest.fixture(params=["disk", "object store"])
def media(request):
    """Each check_media test runs on local folders and on the real object store."""
    if request.param == "object store":
        request.getfixturevalue("object_storage")
    return request.param


def test_check_media_passes_when_rows_and_files_agree(media):
    ImageFactory()
    ReportFactory(files=["en"])

    code, output = run("check_media")

    assert code == 0, output
    assert "Rows and stored files agree." in output
    assert "private: 1 stored file(s), 1 named by rows, 0 orphan(s), 0 missing." in output


def test_check_media_lists_orphans_and_missing_files_and_exits_1(media):
    image = ImageFactory()
    storages["default"].save("images/originals/left-behind.jpg", ContentFile(b"orphan"))
    rendition = image.renditions.first()
    storages["default"].delete(rendition.file.name)

    code, output = run("check_media")

    assert code == 1
    assert "orphan: images/originals/left-behind.jpg" in output
    assert f"missing: {rendition.file.name} (named by norec_site.Rendition #{rendition.pk})" in (
        output
    )


def test_check_media_delete_removes_old_orphans_only_and_spares_kept_files(media, kept):
    ImageFactory()
    default = storages["default"]
    default.save("images/originals/orphan.jpg", ContentFile(b"orphan"))
    default.save("images/originals/of-a-revision.jpg", ContentFile(b"kept"))
    kept.add("images/originals/of-a-revision.jpg")

    code, output = run("check_media", "--delete")
    assert code == 1  # the orphan is younger than an hour: it may be an upload under way
    assert default.exists("images/originals/orphan.jpg")

    code, output = run("check_media", "--delete", "--min-age", "0")
    assert code == 0, output
    assert "deleted orphan: images/originals/orphan.jpg" in output
    assert not default.exists("images/originals/orphan.jpg")
    assert default.exists("images/originals/of-a-revision.jpg")
    assert Image.objects.count() == 1


def test_check_storage_writes_reads_and_deletes_a_probe_in_both_buckets(object_storage):
    code, output = run("check_storage")

    assert code == 0, output
    assert "default: bucket norec-media at http://127.0.0.1" in output
    assert output.count("write, read, delete OK") == 2
    assert object_storage.media_keys() == object_storage.private_keys() == []


def test_check_storage_says_when_the_credentials_are_wrong(settings, object_storage):
    environ = object_storage.store.environ(object_storage.prefix, AWS_SECRET_ACCESS_KEY="wrong")
    use_storages(settings, environ)

    code, output = run("check_storage")

    assert code == 1
    assert output.count("the store refused the credentials: check AWS_ACCESS_KEY_ID") == 2


def test_check_storage_says_when_the_store_is_down(settings, object_storage):
    dead = f"http://127.0.0.1:{free_port()}"
    use_storages(settings, object_storage.store.environ("x", AWS_S3_ENDPOINT_URL=dead))

    code, output = run("check_storage")

    assert code == 1
    assert output.count("the store did not answer") == 2


def test_check_storage_refuses_a_private_bucket_that_anyone_may_read(settings, object_storage):
    # Point "private" at the media bucket, which the store lets anyone read.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            **settings.STORAGES["private"],
            "OPTIONS": {**settings.STORAGES["private"]["OPTIONS"], "bucket_name": "norec-media"},
        },
    }

    code, output = run("check_storage")

    assert code == 1
    assert "anonymous visitors read the private bucket (HTTP 200)" in output


def test_copy_media_to_storage_copies_verifies_and_is_safe_twice(
    settings, tmp_path, object_storage
):
    media_folder, private_folder = tmp_path / "old-media", tmp_path / "old-private"
    FileSystemStorage(location=media_folder).save("images/originals/a.jpg", ContentFile(b"A"))
    FileSystemStorage(location=private_folder).save("reports/abc/r-en.pdf", ContentFile(b"%PDF"))
    arguments = ("--media-root", str(media_folder), "--private-root", str(private_folder))

    code, output = run("copy_media_to_storage", *arguments)
    assert code == 0, output
    assert "default: 1 file(s)" in output and "1 copied, 0 already there, 0 failed" in output
    assert object_storage.media_keys() == ["images/originals/a.jpg"]
    assert object_storage.private_keys() == ["reports/abc/r-en.pdf"]
    with storages["private"].open("reports/abc/r-en.pdf") as copied:
        assert copied.read() == b"%PDF"

    code, output = run("copy_media_to_storage", *arguments)
    assert code == 0, output
    assert output.count("0 copied, 1 already there, 0 failed") == 2

    storages["default"].delete("images/originals/a.jpg")
    storages["default"].save("images/originals/a.jpg", ContentFile(b"something else"))
    code, output = run("copy_media_to_storage", *arguments)
    assert code == 1
    assert "a different file of that name is already there" in output


def test_copy_media_to_storage_refuses_to_copy_a_folder_onto_itself(settings):
    code, output = run("copy_media_to_storage")
    assert code == 1
    assert "Set AWS_STORAGE_BUCKET_NAME and NOREC_PRIVATE_BUCKET" in output


def test_check_storage_probes_the_local_folders_too(settings, tmp_path):
    settings.NOREC_PRIVATE_MEDIA_ROOT = tmp_path / "private"

    code, output = run("check_storage")

    assert code == 0, output
    assert f"private: folder {tmp_path / 'private'}: write, read, delete OK" in output
