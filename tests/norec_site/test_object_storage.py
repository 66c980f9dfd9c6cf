"""Pictures on a real S3-compatible store (SeaweedFS), and settings read from the environment."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.urls import reverse
from reversion.models import Revision

from norec_site.image_uploads import store_image
from norec_site.models import Image, Rendition
from norec_site.storage_settings import media_storages
from norec_site.transactions import atomic_with_files
from tests.conftest import log_in
from tests.factories import ImageFactory, UserFactory, picture_upload
from tests.seaweedfs import MEDIA_BUCKET, anonymous_status, use_storages
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def test_local_folders_when_no_bucket_is_set():
    storages = media_storages({"DATABASE_URL": "postgres://x/y"})
    assert storages["default"]["BACKEND"] == "norec_site.storage.AtomicFileSystemStorage"
    assert storages["private"]["BACKEND"] == "reports.storage.PrivateFileSystemStorage"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"AWS_S3_ENDPOINT_URL": "http://s3:8333"}, "AWS_STORAGE_BUCKET_NAME is not"),
        ({"AWS_STORAGE_BUCKET_NAME": "media"}, "NOREC_PRIVATE_BUCKET is not"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "media", "NOREC_PRIVATE_BUCKET": "media"},
            "names the public media bucket",
        ),
    ],
)
def test_incomplete_object_storage_settings_are_refused(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storages(environ)


def test_site_refuses_to_start_with_an_endpoint_but_no_media_bucket():
    environ = {
        key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "NOREC_"))
    }
    environ.update(
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:1",
        DJANGO_SETTINGS_MODULE="norec_site.settings.prod",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME is not" in result.stderr


def test_public_media_addresses_are_unsigned_and_the_cdn_serves_media_only(settings, seaweedfs):
    environ = seaweedfs.environ("cdn", AWS_S3_CUSTOM_DOMAIN="media.example.org")
    storages = media_storages(environ)
    assert storages["default"]["OPTIONS"]["custom_domain"] == "media.example.org"
    assert storages["private"]["OPTIONS"]["custom_domain"] is None
    use_storages(settings, seaweedfs.environ("plain"))
    url = default_storage.url("images/renditions/1-w-320.webp")
    assert url == f"{seaweedfs.endpoint}/{MEDIA_BUCKET}/plain/images/renditions/1-w-320.webp"


def test_picture_and_renditions_go_to_the_public_bucket_and_anyone_may_read_them(
    object_storage,
):
    image = store_image(Image(alt_nn="Utveksling i Nairobi"), upload=picture_upload())

    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    assert object_storage.media_keys() == sorted(names)
    assert object_storage.private_keys() == []
    assert (image.width, image.height) == (1200, 800)
    for rendition in image.renditions.all():
        assert rendition.file.url.startswith(object_storage.store.endpoint)
        assert "Signature" not in rendition.file.url
        assert anonymous_status(rendition.file.url) == 200


def test_a_failed_transaction_leaves_no_picture_in_the_bucket(object_storage):
    with pytest.raises(RuntimeError), atomic_with_files():
        store_image(Image(alt_nn="Halvvegs"), upload=picture_upload())
        raise RuntimeError("something after the picture failed")

    assert not Image.objects.exists()
    assert object_storage.media_keys() == []


def test_a_new_focal_point_replaces_the_renditions_in_the_bucket(
    object_storage, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    old = set(image.renditions.values_list("file", flat=True))
    # No revision names the old renditions, so they go (while one does, they stay:
    # tests/norec_site/test_history.py).
    Revision.objects.all().delete()
    image.focal_x = 10
    with django_capture_on_commit_callbacks(execute=True):
        store_image(image)

    new = set(Rendition.objects.filter(image=image).values_list("file", flat=True))
    assert object_storage.media_keys() == sorted({image.file.name} | new)
    assert not old & new


@pytest.fixture
def communications(client):
    user = UserFactory(is_superuser=True)
    log_in(client, user)
    return user


def image_form(upload):
    return {
        "file": upload,
        "alt_nn": "Utveksling i Nairobi",
        "focal_x": "50",
        "focal_y": "50",
        "_save": "Save",
    }


def store_down(settings, object_storage):
    """The same settings, pointing at a port where no store answers."""
    dead = f"http://127.0.0.1:{free_port()}"
    use_storages(settings, object_storage.store.environ("down", AWS_S3_ENDPOINT_URL=dead))


def test_upload_with_the_store_down_is_a_form_error_and_leaves_no_row(
    client, communications, settings, object_storage
):
    store_down(settings, object_storage)

    response = client.post(reverse("admin:norec_site_image_add"), image_form(picture_upload()))

    assert response.status_code == 200
    # In the editor's language (Nynorsk here): "did not answer, so nothing was saved".
    assert "Fillageret svara ikkje, så ingenting vart lagra." in response.content.decode()
    assert 'value="Utveksling i Nairobi"' in response.content.decode()
    assert not Image.objects.exists()


def test_upload_with_wrong_credentials_says_so_and_leaves_no_row(
    client, communications, settings, object_storage
):
    environ = object_storage.store.environ(object_storage.prefix, AWS_SECRET_ACCESS_KEY="wrong")
    use_storages(settings, environ)

    response = client.post(reverse("admin:norec_site_image_add"), image_form(picture_upload()))

    assert response.status_code == 200
    assert "Fillageret avviste påloggingsnøklane til nettstaden" in response.content.decode()
    assert not Image.objects.exists()
    assert object_storage.media_keys() == []


def test_upload_through_the_admin_stores_the_picture_in_the_bucket(
    client, communications, object_storage
):
    response = client.post(reverse("admin:norec_site_image_add"), image_form(picture_upload()))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name in object_storage.media_keys()
    assert anonymous_status(image.file.url) == 200


def test_public_pages_and_health_stay_up_when_the_store_is_down(client, settings, object_storage):
    from tests.reports.factories import ReportFactory

    report = ReportFactory(files=["en"])
    assert report.cover is not None
    store_down(settings, object_storage)

    for url in ("/nn/", report.get_absolute_url("en"), reverse("reports:index")):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get("/healthz").status_code == 200
