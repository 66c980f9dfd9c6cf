"""PDFs that carry JavaScript or actions that run by themselves are refused at upload."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile

from norec_site.groups import REPORT_ADMINISTRATORS
from reports.models import ReportFile
from reports.services import upload_report_file
from tests.factories import UserFactory
from tests.reports.test_admin import form_data

from .factories import ReportFactory, pdf_upload, scripted_pdf_upload

pytestmark = pytest.mark.django_db

ACTIVE = [
    "open_action_script",
    "names_javascript",
    "page_additional_action",
    "launch",
    "escaped_name",
    "in_object_stream",
]


@pytest.mark.parametrize("kind", ACTIVE)
def test_pdf_with_an_action_is_refused_and_nothing_is_stored(kind, private_files, stored_files):
    with pytest.raises(ValidationError) as caught:
        upload_report_file(report=ReportFactory(), language="en", upload=scripted_pdf_upload(kind))
    assert caught.value.code == "pdf_scripts"
    assert ReportFile.objects.count() == 0
    assert private_files() == []
    assert stored_files() == []


def test_a_large_upload_on_disk_is_checked_too():
    source = scripted_pdf_upload("open_action_script")
    upload = TemporaryUploadedFile("big.pdf", "application/pdf", source.size, None)
    upload.write(source.read())
    upload.flush()
    with pytest.raises(ValidationError) as caught:
        upload_report_file(report=ReportFactory(), language="en", upload=upload)
    assert caught.value.code == "pdf_scripts"
    upload.close()


def test_harmless_pdfs_are_accepted():
    report = ReportFactory()
    upload_report_file(report=report, language="en", upload=pdf_upload("Plain"))
    opening_at_page_one = scripted_pdf_upload("open_action_go_to_page")
    upload_report_file(report=report, language="nn", upload=opening_at_page_one)
    assert report.files.count() == 2


def test_the_admin_shows_a_form_error_in_the_editors_language(client):
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    data = form_data(**{"files-0-upload": scripted_pdf_upload("launch")})
    response = client.post("/admin/reports/report/add/", data)
    assert response.status_code == 200
    assert "Denne PDF-en inneheld JavaScript" in response.content.decode()
