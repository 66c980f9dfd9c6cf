"""A write that fails (disk full, file size limit) leaves no partial file, no row, no 500."""

import json
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from norec_site.groups import REPORT_ADMINISTRATORS
from reports.models import Report, ReportFile
from tests.factories import UserFactory
from tests.reports.test_admin import form_data
from tests.servers import ROOT, database_url

from .factories import pdf_upload

pytestmark = pytest.mark.django_db

# Run in a process of its own whose files may grow to LIMIT bytes (ulimit -f): the PDF
# is larger, so storing it fails half-way, as on a full disk.
SCRIPT = """
import json, resource, sys
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from reports.models import Report
from reports.demo.pdfgen import pdf_bytes
from reports.services import upload_report_file

content = pdf_bytes("Too large for this disk", [str(n) * 3000 for n in range(10)], pages=300)
upload = SimpleUploadedFile("big.pdf", content, "application/pdf")
resource.setrlimit(resource.RLIMIT_FSIZE, (len(content) // 2, len(content) // 2))
error = None
try:
    with transaction.atomic():
        report = Report.objects.create(title_nn="Full disk", publication_date="2019-03-20")
        upload_report_file(report=report, language="en", upload=upload)
        raise RuntimeError("stored although the disk is full")
except OSError as failure:
    import traceback
    error = repr(failure) + traceback.format_exc()[-600:]
print(json.dumps({"error": error, "size": len(content)}))
"""


def files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_full_disk_leaves_no_partial_file(tmp_path):
    media, private = tmp_path / "media", tmp_path / "private"
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "norec_site.settings.test",
        "DATABASE_URL": database_url(connection),
        "MEDIA_ROOT": str(media),
        "NOREC_PRIVATE_MEDIA_ROOT": str(private),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["error"] and "File too large" in outcome["error"]
    assert files_in(private) == [] if private.exists() else True, outcome
    assert files_in(media) == [] if media.exists() else True


def test_a_failed_store_in_the_admin_is_a_message_with_nothing_saved(
    client, settings, tmp_path, stored_files
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the PDF folder should be")
    settings.NOREC_PRIVATE_MEDIA_ROOT = blocker / "private"
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    data = form_data(**{"files-0-upload": pdf_upload("Nowhere to go")})
    response = client.post("/admin/reports/report/add/", data, follow=True)
    assert response.status_code == 200
    assert "Tenaren fekk ikkje lagra fila" in response.content.decode()
    assert Report.objects.count() == 0
    assert ReportFile.objects.count() == 0
    assert stored_files() == []


@pytest.mark.parametrize("upload_is_good", [True, False])
def test_temporary_upload_files_are_removed_when_the_request_ends(
    client, settings, tmp_path, upload_is_good
):
    temporary = tmp_path / "uploads"
    temporary.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(temporary)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000  # every PDF goes through a temporary file
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    upload = (
        pdf_upload("On disk") if upload_is_good else SimpleUploadedFile("x.pdf", b"%PDF-" * 999)
    )
    response = client.post("/admin/reports/report/add/", form_data(**{"files-0-upload": upload}))
    assert response.status_code == (302 if upload_is_good else 200)
    assert files_in(temporary) == []
