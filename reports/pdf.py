"""PDF checks and reading: only real, open, unencrypted PDFs with pages get in."""

import hashlib
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from norec_site.limits import check_file_size
from reports.pdfscripts import check_no_scripts

COVER_WIDTH = 1200
ENCRYPT_MARKER = re.compile(rb"/Encrypt\b")
NO_PAGES_MARKER = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b")


@dataclass
class PdfInfo:
    sha256: str
    size: int
    pages: int


def _source(upload):
    """A path for big uploads (pdfium reads it without loading it all), else bytes."""
    if hasattr(upload, "temporary_file_path"):
        return upload.temporary_file_path()
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def sha256_of(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def open_pdf(upload):
    """The pdfium document for ``upload``; raises ValidationError saying what to do."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(
            _(
                "This file is not a PDF (it does not start as a PDF does), whatever its name "
                "says. Export or save the report as PDF and upload that file."
            ),
            code="not_pdf",
        )
    try:
        document = pdfium.PdfDocument(_source(upload))
    except pdfium.PdfiumError as error:
        # pdfium's error code can be left over from an earlier document, so look
        # at the file itself to tell a protected or page-less PDF from a broken one.
        if _contains(upload, ENCRYPT_MARKER):
            raise _encrypted_error() from error
        if _contains(upload, NO_PAGES_MARKER):
            raise _empty_error() from error
        raise ValidationError(
            _(
                "This PDF is damaged and cannot be opened. Export it again from the program "
                "that made it and upload the new file."
            ),
            code="broken_pdf",
        ) from error
    if pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
        document.close()
        raise _encrypted_error()
    if len(document) == 0:
        document.close()
        raise _empty_error()
    return document


def _contains(upload, pattern):
    """Whether ``pattern`` occurs in the file, read in overlapping chunks."""
    upload.seek(0)
    tail = b""
    try:
        for chunk in upload.chunks():
            if pattern.search(tail + chunk):
                return True
            tail = chunk[-64:]
        return False
    finally:
        upload.seek(0)


def _empty_error():
    return ValidationError(
        _("This PDF has no pages. Upload the finished report."), code="empty_pdf"
    )


def _encrypted_error():
    return ValidationError(
        _(
            "This PDF is protected by a password or encryption, so we cannot read it or show "
            "its cover. Save a copy without protection and upload that."
        ),
        code="encrypted_pdf",
    )


def check_pdf(upload):
    """Check size and content; returns PdfInfo. Raises ValidationError for the editor."""
    check_file_size(
        upload,
        settings.NOREC_REPORT_MAX_BYTES,
        _(
            "The file is %(size)s; report PDFs may be at most %(max)s. Save it with "
            "smaller pictures (“reduce file size” in most PDF programs) and try again."
        ),
    )
    if upload.size == 0:
        raise ValidationError(_("The file is empty. Choose the report's PDF file."), code="empty")
    document = open_pdf(upload)
    try:
        pages = len(document)
    finally:
        document.close()
    check_no_scripts(upload)
    return PdfInfo(sha256=sha256_of(upload), size=upload.size, pages=pages)


def render_cover(document):
    """The first page as a PIL image about COVER_WIDTH pixels wide."""
    page = document[0]
    try:
        width, height = page.get_size()
        scale = min(COVER_WIDTH / max(width, 1), 2 * COVER_WIDTH / max(height, 1))
        bitmap = page.render(scale=scale)
        return bitmap.to_pil().convert("RGB")
    finally:
        page.close()


def extract_text(document):
    """All the text of the document, page after page."""
    parts = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        parts.append(textpage.get_text_bounded())
        textpage.close()
        page.close()
    return "\n".join(part.strip() for part in parts if part.strip()).replace("\x00", "")
