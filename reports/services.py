"""Writes that span a report's rows and files, each in one transaction."""

import io
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import override

from norec_site.history import recorded, release_after_commit
from norec_site.image_uploads import store_image
from norec_site.languages import language_codes
from norec_site.models import Image
from norec_site.storage import local_copy
from norec_site.transactions import atomic_with_files
from reports.models import DownloadSeen, Report, ReportFile
from reports.pdf import check_pdf, extract_text, open_pdf, render_cover
from reports.storage import private_storage

# PostgreSQL refuses a tsvector over 1 MB; this much text stays well below it
# (about 300 pages) and is plenty to find a report by.
PDF_TEXT_LIMIT = 500_000

BOT_MARKERS = (
    "bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "curl", "wget",
    "python-requests", "httpclient", "headless", "monitor",
)  # fmt: skip


def stored_name(report, language):
    """``<slug>-<language>.pdf``: the slug in the file's language when the report has one."""
    slugs = [getattr(report, f"slug_{code}", "") for code in [language, "en", *language_codes()]]
    slug = next((s for s in slugs if s), f"report-{report.pk}")
    return f"{slug}-{language}.pdf"


def duplicate_of(sha256, exclude_pk=None):
    """The stored file with this content, if any."""
    return (
        ReportFile.objects.filter(sha256=sha256)
        .exclude(pk=exclude_pk)
        .select_related("report")
        .first()
    )


def duplicate_error(existing):
    return ValidationError(
        _(
            "This exact PDF is already uploaded, as the %(language)s file of “%(report)s”. "
            "Upload a different file, or edit that report instead."
        )
        % {"language": existing.get_language_display(), "report": existing.report},
        code="duplicate",
    )


def cover_image(report, picture):
    """A media-library image of the cover, with alt text in each language."""
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    alts = {}
    for code in language_codes():
        title = getattr(report, f"title_{code}", "") or str(report)
        with override(code):
            alts[f"alt_{code}"] = _("Cover of %(title)s") % {"title": title}
    image = Image(credit=_("Report cover"), kind=Image.Kind.COVER, **alts)
    upload = SimpleUploadedFile("cover.jpg", buffer.getvalue(), "image/jpeg")
    return store_image(image, upload=upload)


def _image_files(image):
    return [image.file.name, *image.renditions.values_list("file", flat=True)]


def _process(report_file, written, document):
    """Render the cover and extract the text of ``report_file``'s open document."""
    image = cover_image(report_file.report, render_cover(document))
    written += _image_files(image)
    report_file.cover = image
    report_file.text = extract_text(document)


def _forget_cover(image_id):
    """Delete a replaced cover image; its files stay while a revision names them."""
    image = Image.objects.filter(pk=image_id).first() if image_id else None
    if image is None:
        return
    names = _image_files(image)
    image.delete()
    release_after_commit(*names)


def refresh_report(report, *, old_cover_id=None):
    """Copy the files' text to the report (for search) and keep its cover current.

    The report's cover follows its files unless an editor chose another picture.
    """
    files = list(ReportFile.objects.filter(report=report).values_list("text", "cover_id"))
    report.pdf_text = "\n\n".join(text for text, _cover in files)[:PDF_TEXT_LIMIT]
    changes = {"pdf_text": report.pdf_text}
    # Read the cover from the database: deleting an old cover has just emptied it there.
    current = Report.objects.filter(pk=report.pk).values_list("cover_id", flat=True).first()
    if current is None or current == old_cover_id:
        report.cover_id = next((cover for _text, cover in files if cover), None)
        changes["cover_id"] = report.cover_id
    # Model.save, not Report.save: a derived change is no edit, so the edit-conflict
    # version and the slugs stay; the save still makes its revision and sends its signals.
    models.Model.save(report, update_fields=[name.removesuffix("_id") for name in changes])


def refresh_after_restore(report):
    """After a revision is restored: the text of files that came back without it."""
    for report_file in ReportFile.objects.filter(report=report, text=""):
        with report_file.file.open("rb") as stored:
            document = open_pdf(stored)
            try:
                report_file.text = extract_text(document)
            finally:
                document.close()
        report_file.save(update_fields=["text"])
    refresh_report(report)


def upload_report_file(*, report, language, upload, report_file=None):
    """Store ``upload`` as ``report``'s PDF in ``language``, with cover and text.

    One transaction: if anything fails, no row, no PDF and no cover is left.
    A replaced PDF and cover stay on disk while a revision names them, so that an
    older revision can still be restored; otherwise they go once the new ones are committed.
    """
    info = check_pdf(upload)
    existing = duplicate_of(info.sha256, exclude_pk=getattr(report_file, "pk", None))
    if existing:
        raise duplicate_error(existing)
    report_file = report_file or ReportFile(report=report)
    replaced = report_file.file.name if report_file.pk else None
    with (
        recorded(),
        atomic_with_files() as written,
        atomic_with_files(private_storage) as private_written,
    ):
        report_file.language = language
        report_file.sha256, report_file.size, report_file.pages = (
            info.sha256,
            info.size,
            info.pages,
        )
        old_cover_id = report_file.cover_id
        # Read the upload before storing it: storing a large upload moves its temporary file.
        document = open_pdf(upload)
        try:
            _process(report_file, written, document)
        finally:
            document.close()
        name = f"{info.sha256[:16]}/{stored_name(report, language)}"
        upload.seek(0)
        report_file.file.save(name, upload, save=False)
        private_written.append(report_file.file.name)
        report_file.full_clean()
        report_file.save()
        _forget_cover(old_cover_id)
        release_after_commit(replaced, storage=private_storage)
        refresh_report(report, old_cover_id=old_cover_id)
    return report_file


def reprocess_file(report_file):
    """Render the cover and extract the text again from the stored PDF."""
    with recorded(), atomic_with_files() as written:
        old_cover_id = report_file.cover_id
        # A copy on local disk: pdfium reads it by path, so a 100 MB PDF is never in memory.
        with local_copy(report_file.file.storage, report_file.file.name) as stored:
            document = open_pdf(stored)
            try:
                _process(report_file, written, document)
            finally:
                document.close()
        report_file.save(update_fields=["cover", "text"])
        _forget_cover(old_cover_id)
        refresh_report(report_file.report, old_cover_id=old_cover_id)
    return report_file


def delete_report_file(report_file):
    """Remove a file and its cover; the PDF stays on disk while a revision names it."""
    with recorded(), atomic_with_files():
        name, cover_id = report_file.file.name, report_file.cover_id
        report = report_file.report
        report_file.delete()
        _forget_cover(cover_id)
        release_after_commit(name, storage=private_storage)
        refresh_report(report, old_cover_id=cover_id)


def is_bot(user_agent):
    agent = (user_agent or "").lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


def visitor_key(address, user_agent):
    """A keyed hash of who asked: the same visitor gives the same key, nobody can undo it."""
    key = salted_hmac("norec.reports.download", f"{address}|{user_agent}", algorithm="sha256")
    return key.hexdigest()


def count_download(report_file, user_agent, address=""):
    """Add one to the file's downloads, once per visitor and clock hour, unless a bot asked.

    COUNTER's double-click rule: a visitor who fetches the same file again within
    the hour is one download. The check and the count are one statement each in
    PostgreSQL, so that several app servers agree.
    """
    if is_bot(user_agent):
        return False
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    table = DownloadSeen._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            # The table name is the model's own; the values go as parameters.
            f"INSERT INTO {table} (file_id, visitor, hour) VALUES (%s, %s, %s) "  # noqa: S608
            "ON CONFLICT DO NOTHING RETURNING id",
            [report_file.pk, visitor_key(address, user_agent), hour],
        )
        first_this_hour = cursor.fetchone() is not None
        if first_this_hour:
            ReportFile.objects.filter(pk=report_file.pk).update(downloads=F("downloads") + 1)
            DownloadSeen.objects.filter(hour__lt=hour - timedelta(hours=1)).delete()
    return first_this_hour
