"""Uploading report PDFs: what is refused, what is stored, and the transaction."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from PIL import Image as PILImage

from norec_site.models import Image
from reports import services
from reports.models import Report, ReportFile
from reports.services import reprocess_file, upload_report_file
from tests.factories import picture_upload

from .factories import ReportFactory, empty_pdf_upload, pdf_upload

pytestmark = pytest.mark.django_db


def refusal(report, upload):
    with pytest.raises(ValidationError) as caught:
        upload_report_file(report=report, language="en", upload=upload)
    return caught.value


def test_upload_stores_size_pages_hash_cover_and_text(private_files, stored_files):
    report = ReportFactory(title_en="South-South Cooperation in Action")
    upload = pdf_upload("South-South Cooperation in Action", pages=4)

    report_file = upload_report_file(report=report, language="en", upload=upload)

    report_file.refresh_from_db()
    assert report_file.pages == 4
    assert report_file.size == upload.size
    assert len(report_file.sha256) == 64
    assert report_file.filename == "south-south-cooperation-in-action-en.pdf"
    assert private_files() == [report_file.file.name.removeprefix("")]
    assert "sør-sør-samarbeid" in report_file.text
    report.refresh_from_db()
    assert "sør-sør-samarbeid" in report.pdf_text
    assert report.cover == report_file.cover
    assert report_file.cover.alt_en == "Cover of South-South Cooperation in Action"
    assert report_file.cover.renditions.count() > 3
    assert all(name.startswith("images/") for name in stored_files())


def test_large_upload_kept_in_a_temporary_file_is_stored_whole(private_root):
    """Django keeps uploads over 2.5 MB in a temporary file, which storing moves."""
    content = pdf_upload("Large report", pages=5).read()
    upload = TemporaryUploadedFile("large.pdf", "application/pdf", len(content), None)
    upload.write(content)
    upload.seek(0)

    report_file = upload_report_file(report=ReportFactory(), language="en", upload=upload)
    upload.close()  # as Django does after the request

    assert report_file.pages == 5 and report_file.cover_id
    assert (private_root / report_file.file.name).read_bytes() == content


def test_stored_name_never_comes_from_the_uploaded_name(private_files):
    report = ReportFactory(title_en="Annual report 2023")
    upload = pdf_upload(name="../../etc/FINAL v3 (copy).pdf")

    report_file = upload_report_file(report=report, language="nn", upload=upload)

    assert report_file.filename == f"{report.slug_nn}-nn.pdf"
    assert "FINAL" not in private_files()[0]


def test_a_200_page_pdf_is_processed_in_seconds():
    import time

    report = ReportFactory()
    upload = pdf_upload("Long report", pages=200)
    started = time.monotonic()
    report_file = upload_report_file(report=report, language="en", upload=upload)
    assert report_file.pages == 200
    assert time.monotonic() - started < 10


def test_html_renamed_pdf_is_refused(private_files, english):
    upload = SimpleUploadedFile(
        "report.pdf", b"<!doctype html><p>Not a PDF</p>", "application/pdf"
    )
    error = refusal(ReportFactory(), upload)
    assert error.code == "not_pdf"
    assert "not a PDF" in error.messages[0]
    assert private_files() == [] and not ReportFile.objects.exists()


def test_picture_renamed_pdf_is_refused():
    upload = picture_upload(name="report.pdf", image_format="PNG")
    assert refusal(ReportFactory(), upload).code == "not_pdf"


def test_broken_pdf_is_refused(english):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 100)
    error = refusal(ReportFactory(), upload)
    assert error.code == "broken_pdf"
    assert "Export it again" in error.messages[0]


def test_password_protected_pdf_is_refused(english):
    error = refusal(ReportFactory(), pdf_upload(user_password="secret"))
    assert error.code == "encrypted_pdf"
    assert "without protection" in error.messages[0]


def test_pdf_encrypted_with_only_an_owner_password_is_refused():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Restricted")
    upload = SimpleUploadedFile("restricted.pdf", bytes(pdf.output()))
    assert refusal(ReportFactory(), upload).code == "encrypted_pdf"


def test_pdf_without_pages_is_refused():
    assert refusal(ReportFactory(), empty_pdf_upload()).code == "empty_pdf"


def test_pdf_over_the_size_limit_is_refused(settings, english):
    upload = pdf_upload()
    settings.NOREC_REPORT_MAX_BYTES = upload.size - 1
    error = refusal(ReportFactory(), upload)
    assert error.code == "too_large"
    assert "at most" in error.messages[0]


def test_same_pdf_uploaded_twice_is_noticed():
    first = ReportFactory(title_nn="Fyrste rapport", title_en="First report")
    upload = pdf_upload("Same file")
    upload_report_file(report=first, language="en", upload=upload)
    again = SimpleUploadedFile("copy.pdf", upload.open().read(), "application/pdf")

    error = refusal(ReportFactory(), again)

    assert error.code == "duplicate"
    assert "First report" in error.messages[0] or "Fyrste rapport" in error.messages[0]


def test_failure_after_the_file_is_written_leaves_no_row_and_no_file(private_files, stored_files):
    """An invalid language is only caught by full_clean, after the PDF and cover exist."""
    report = ReportFactory()
    with pytest.raises(ValidationError):
        upload_report_file(report=report, language="not-a-language", upload=pdf_upload())

    assert not ReportFile.objects.exists()
    assert not Image.objects.exists()
    assert private_files() == []
    assert stored_files() == []


def test_failure_while_extracting_text_leaves_no_row_and_no_file(
    monkeypatch, private_files, stored_files
):
    def broken(document):
        raise OSError("disk full")

    monkeypatch.setattr(services, "extract_text", broken)
    with pytest.raises(OSError):
        upload_report_file(report=ReportFactory(), language="en", upload=pdf_upload())

    assert not ReportFile.objects.exists()
    assert private_files() == [] and stored_files() == []


def test_replaced_file_and_cover_stay_while_a_revision_names_them(
    django_capture_on_commit_callbacks, private_root, media_root
):
    report = ReportFactory()
    old = upload_report_file(report=report, language="en", upload=pdf_upload("Old edition"))
    old_path = private_root / old.file.name
    old_cover = old.cover
    old_cover_files = [media_root / old_cover.file.name]
    old_cover_files += [
        media_root / name for name in old_cover.renditions.values_list("file", flat=True)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        new = upload_report_file(
            report=report, language="en", upload=pdf_upload("New edition"), report_file=old
        )

    assert old_path.exists(), "the first upload's revision names the old PDF"
    assert all(path.exists() for path in old_cover_files)
    assert (private_root / new.file.name).exists()
    assert ReportFile.objects.count() == 1
    assert not Image.objects.filter(pk=old_cover.pk).exists()
    report.refresh_from_db()
    assert report.cover_id == new.cover_id
    assert "New edition" in report.pdf_text and "Old edition" not in report.pdf_text


def test_replaced_file_that_no_revision_names_is_deleted_only_after_commit(
    django_capture_on_commit_callbacks, private_root
):
    from reversion.models import Revision

    report = ReportFactory()
    old = upload_report_file(report=report, language="en", upload=pdf_upload("Old edition"))
    old_path = private_root / old.file.name
    Revision.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        upload_report_file(
            report=report, language="en", upload=pdf_upload("New edition"), report_file=old
        )
        assert old_path.exists(), "the old PDF must survive until the commit"
    for callback in callbacks:
        callback()

    assert not old_path.exists()


def test_reprocessing_renders_a_new_cover_and_text(django_capture_on_commit_callbacks):
    report = ReportFactory(files=["en"])
    report_file = report.files.get()
    old_cover = report_file.cover_id
    ReportFile.objects.filter(pk=report_file.pk).update(text="")

    with django_capture_on_commit_callbacks(execute=True):
        reprocess_file(ReportFile.objects.get(pk=report_file.pk))

    report_file.refresh_from_db()
    assert report_file.text and report_file.cover_id != old_cover
    assert not Image.objects.filter(pk=old_cover).exists()


def test_cover_is_a_picture_of_the_first_page():
    report = ReportFactory(files=["en"])
    cover = report.files.get().cover
    with cover.file.open("rb") as file:
        picture = PILImage.open(io.BytesIO(file.read()))
        assert picture.height > picture.width  # an A4 page stands upright
        assert picture.getpixel((5, 5))[2] > 90  # the generated cover is blue


def test_deleting_a_report_that_news_links_to_is_refused():
    from django.db.models import ProtectedError

    from tests.news.factories import ArticleFactory

    report = ReportFactory()
    article = ArticleFactory()
    article.related_reports.add(report)

    with pytest.raises(ProtectedError) as caught:
        report.delete()

    assert article in caught.value.protected_objects
    assert Report.objects.filter(pk=report.pk).exists()


def test_very_long_pdf_text_is_cut_to_what_search_can_index(monkeypatch):
    monkeypatch.setattr(services, "PDF_TEXT_LIMIT", 1000)
    report = ReportFactory()
    report_file = upload_report_file(report=report, language="en", upload=pdf_upload(pages=30))
    report.refresh_from_db()
    assert len(report_file.text) > 1000
    assert len(report.pdf_text) == 1000
