"""Report PDFs in the private bucket of a real S3-compatible store (SeaweedFS)."""

import io
import tracemalloc
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision

from norec_site.history import files_named_by_revisions
from norec_site.models import Image
from norec_site.storage import local_copy
from norec_site.transactions import atomic_with_files
from reports.models import Report, ReportFile
from reports.services import delete_report_file, upload_report_file
from tests.conftest import log_in
from tests.factories import UserFactory
from tests.seaweedfs import MEDIA_BUCKET, PRIVATE_BUCKET, anonymous_status, use_storages
from tests.servers import free_port

from .factories import ReportFactory, pdf_upload
from .test_admin import form_data

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def test_pdf_goes_to_the_private_bucket_and_its_cover_to_the_public_one(object_storage):
    report = ReportFactory(files=["en"])
    report_file = report.files.get()
    cover = Image.objects.get(pk=report_file.cover_id)

    assert object_storage.private_keys() == [report_file.file.name]
    assert cover.file.name in object_storage.media_keys()
    assert report_file.file.name not in object_storage.media_keys()
    assert anonymous_status(object_storage.url(PRIVATE_BUCKET, report_file.file.name)) == 403
    assert anonymous_status(object_storage.url(MEDIA_BUCKET, cover.file.name)) == 200


def test_published_pdf_is_served_through_a_short_lived_signed_address_and_counted(
    client, object_storage
):
    report = ReportFactory(files=["en"])
    report_file = report.files.get()

    response = client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    with urllib.request.urlopen(signed, timeout=10) as stored:
        assert stored.status == 200
        assert stored.headers["Content-Type"] == "application/pdf"
        assert stored.headers["Content-Disposition"] == (
            f'inline; filename="{report_file.filename}"'
        )
        assert stored.read().startswith(b"%PDF-")
    # The same object without the signature: the bucket refuses anonymous visitors.
    assert anonymous_status(signed.split("?")[0]) == 403
    report_file.refresh_from_db()
    assert report_file.downloads == 1


def test_head_request_answers_without_the_store_and_counts_nothing(client, object_storage):
    report_file = ReportFactory(files=["en"]).files.get()

    response = client.head(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert response["Content-Length"] == str(report_file.size)
    report_file.refresh_from_db()
    assert report_file.downloads == 0


def test_draft_pdf_is_reachable_neither_from_the_site_nor_from_the_bucket(client, object_storage):
    report_file = ReportFactory(draft=True, files=["en"]).files.get()

    response = client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404
    assert anonymous_status(object_storage.url(PRIVATE_BUCKET, report_file.file.name)) == 403


def test_editor_previews_a_draft_pdf_through_a_signed_address(client, object_storage):
    report_file = ReportFactory(draft=True, files=["en"]).files.get()
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="change_report"))
    client.force_login(editor)

    response = client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 302
    assert anonymous_status(response["Location"]) == 200
    report_file.refresh_from_db()
    assert report_file.downloads == 0


def test_a_failed_upload_leaves_nothing_in_either_bucket(object_storage):
    report = ReportFactory()

    with pytest.raises(RuntimeError), atomic_with_files():
        upload_report_file(report=report, language="en", upload=pdf_upload("Another"))
        raise RuntimeError("the save after the upload failed")

    assert object_storage.media_keys() == []
    assert object_storage.private_keys() == []
    assert not ReportFile.objects.filter(report=report).exists()


def test_deleting_a_file_removes_the_pdf_and_its_cover_from_the_buckets(
    object_storage, django_capture_on_commit_callbacks
):
    report_file = ReportFactory(files=["en"]).files.get()
    Revision.objects.all().delete()  # no revision names the files, so they go

    with django_capture_on_commit_callbacks(execute=True):
        delete_report_file(report_file)
    # The deleted cover can still be recovered until it is purged; then its files go too.
    assert set(object_storage.media_keys()) <= files_named_by_revisions()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_deleted", "--older-than", "0", stdout=io.StringIO())

    assert object_storage.private_keys() == []
    assert object_storage.media_keys() == []


def test_reprocessing_reads_the_pdf_back_from_the_bucket(
    object_storage, django_capture_on_commit_callbacks
):
    report_file = ReportFactory(files=["en"]).files.get()
    old_cover = report_file.cover_id
    ReportFile.objects.filter(pk=report_file.pk).update(text="")
    Revision.objects.all().delete()  # no revision names the old cover, so it goes

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reprocess_reports", stdout=io.StringIO(), stderr=io.StringIO())

    report_file.refresh_from_db()
    assert "sør-sør-samarbeid" in report_file.text
    assert report_file.cover_id != old_cover
    cover = Image.objects.get(pk=report_file.cover_id)
    names = {cover.file.name, *cover.renditions.values_list("file", flat=True)}
    # The old cover's files stay only while its deleted row can be recovered.
    assert set(object_storage.media_keys()) - names <= files_named_by_revisions()
    assert names <= set(object_storage.media_keys())


def test_administrator_uploads_a_report_to_the_buckets(client, object_storage, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # a large PDF: Django's temporary file
    log_in(client, UserFactory(is_superuser=True))

    response = client.post(
        reverse("admin:reports_report_add"), form_data(**{"files-0-upload": pdf_upload()})
    )

    assert response.status_code == 302
    report_file = Report.objects.get().files.get()
    assert object_storage.private_keys() == [report_file.file.name]


def test_a_large_pdf_is_read_back_through_a_temporary_file_not_memory(object_storage):
    storage = storages["private"]
    size = 32 * 1024 * 1024
    name = storage.save("reports/large/big.pdf", ContentFile(b"%PDF-" + b"x" * (size - 5)))
    small = storage.save("reports/large/small.pdf", ContentFile(b"%PDF-1.4"))
    with local_copy(storage, small):
        pass  # boto3 loads its service models on first use: not what is measured

    tracemalloc.start()
    try:
        with local_copy(storage, name) as copy:
            peak = tracemalloc.get_traced_memory()[1]
            assert Path(copy.temporary_file_path()).stat().st_size == size
            assert copy.read(5) == b"%PDF-"
    finally:
        tracemalloc.stop()
    assert peak < size / 4


def test_reprocessing_with_the_store_down_reports_each_file_instead_of_crashing(
    settings, object_storage
):
    report_file = ReportFactory(files=["en"]).files.get()
    dead = f"http://127.0.0.1:{free_port()}"
    use_storages(settings, object_storage.store.environ("x", AWS_S3_ENDPOINT_URL=dead))
    out, err = io.StringIO(), io.StringIO()

    call_command("reprocess_reports", stdout=out, stderr=err)

    assert f"[{report_file.file.name}]: Fillageret svara ikkje" in err.getvalue()
    assert "Reprocessed 0 file(s); 1 failed." in out.getvalue()


def test_report_upload_with_the_store_down_is_a_form_error_and_leaves_no_report(
    client, settings, object_storage
):
    log_in(client, UserFactory(is_superuser=True))
    dead = f"http://127.0.0.1:{free_port()}"
    use_storages(settings, object_storage.store.environ("x", AWS_S3_ENDPOINT_URL=dead))

    response = client.post(
        reverse("admin:reports_report_add"), form_data(**{"files-0-upload": pdf_upload()})
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Fillageret svara ikkje, så ingenting vart lagra." in body
    assert 'value="Sør-sør-samarbeid i praksis"' in body  # the editor's input is kept
    assert not Report.objects.exists()
    assert not ReportFile.objects.exists()
    assert not Image.objects.exists()
