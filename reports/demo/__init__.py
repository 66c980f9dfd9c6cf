"""Demo reports (content.toml) with generated PDFs; ``seed_scale`` adds many for benchmarks."""

import datetime
import hashlib
import time
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from norec_site.demo import load, translated
from norec_site.models import Status, SustainableDevelopmentGoal
from reports.models import Report, ReportAuthor, ReportFile, ReportPublisher, ReportSeries
from reports.services import upload_report_file

from .pdfgen import pdf_bytes

# The entry's fields that are the report's own, as they are or one per language.
TRANSLATED = ("title", "subtitle", "summary", "launch_event")
AS_THEY_ARE = ("launch_place", "launch_date", "publication_date", "series_number", "isbn", "doi")


@cache
def content():
    return load(__file__)


def series(shared):
    entry = content()["series"]
    found, _created = ReportSeries.objects.get_or_create(
        slug=entry["slug"],
        defaults={
            "name": entry["name"]["nn"],
            **translated("name", entry["name"]),
            "publisher": shared.organisations[entry["publisher"]],
        },
    )
    return found


def report_fields(entry):
    fields = {name: entry[name] for name in AS_THEY_ARE if name in entry}
    for name in TRANSLATED:
        fields.update(translated(name, entry.get(name, {})))
    return fields


def seed(shared):
    """The UNOSSC special report and a few more, each with generated PDFs."""
    in_action = series(shared)
    now = timezone.now()
    for number, entry in enumerate(content()["reports"]):
        titles = entry["title"]
        report = Report.objects.filter(title_en=titles["en"]).first()
        if report is None:
            report = Report(
                **report_fields(entry),
                title=titles["nn"],
                series=in_action if entry.get("in_series") else None,
                status=Status.PUBLISHED,
                published_at=now - datetime.timedelta(days=30 * (number + 1)),
            )
            report.full_clean()
            report.save()
            report.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=entry["sdgs"]))
            report.topics.set([shared.topics[slug] for slug in entry["topics"]])
            for position, key in enumerate(entry["authors"]):
                ReportAuthor.objects.create(
                    report=report, person=shared.people[key], position=position
                )
            for position, key in enumerate(entry["publishers"]):
                ReportPublisher.objects.create(
                    report=report, organisation=shared.organisations[key], position=position
                )
        for language, pdf in entry["files"].items():
            if report.files.filter(language=language).exists():
                continue
            data = pdf_bytes(
                titles.get(language) or titles["en"],
                pdf["paragraphs"],
                pages=pdf["pages"],
                subtitle=entry.get("subtitle", {}).get(language, ""),
                colour=number,
            )
            upload = SimpleUploadedFile("upload.pdf", data, "application/pdf")
            upload_report_file(report=report, language=language, upload=upload)


def seed_scale(shared, n, stdout=None):
    """``n`` more published reports with one small PDF each (no cover rendering)."""
    in_action = series(shared)
    start = Report.objects.filter(slug_en__startswith="scale-report-").count()
    cover = Report.objects.exclude(cover=None).values_list("cover", flat=True).first()
    now = timezone.now()
    summaries = translated("summary", content()["synthetic"]["summary"])
    reports = []
    for i in range(start, start + n):
        title = f"Scale report {i + 1}"
        reports.append(
            Report(
                title_nn=f"Skalarapport {i + 1}",
                title_nb=f"Skalarapport {i + 1}",
                title_en=title,
                slug_nn=f"skalarapport-{i + 1}",
                slug_nb=f"skalarapport-{i + 1}",
                slug_en=f"scale-report-{i + 1}",
                **summaries,
                series=in_action if i % 2 else None,
                publication_date=datetime.date(2010 + i % 15, 1 + i % 12, 1),
                cover_id=cover,
                status=Status.PUBLISHED,
                published_at=now - datetime.timedelta(hours=i + 1),
            )
        )
    with transaction.atomic():
        created = Report.objects.bulk_create(reports, batch_size=500)
        files = []
        for report in tqdm(created, desc="Reports", unit="report", file=stdout):
            data = pdf_bytes(report.title_en, pages=2)
            report_file = ReportFile(
                report=report,
                language="en",
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                pages=2,
                text=report.title_en,
            )
            report_file.file.save(f"scale/{report.slug_en}-en.pdf", ContentFile(data), save=False)
            files.append(report_file)
        ReportFile.objects.bulk_create(files, batch_size=500)
    # Fresh planner statistics, so the benchmark measures the plans real data gets.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_report, reports_reportfile")
    if stdout:
        stdout.write(f"Scale reports: {len(created)} added")


def timed_upload(pages, paragraphs):
    """The benchmark's file measure: a generated ``pages``-page PDF through the upload
    service. Returns the report, its file, the PDF's size and the seconds to make and
    to process it."""
    began = time.perf_counter()
    data = pdf_bytes("Benchmark report", paragraphs, pages=pages)
    generated = time.perf_counter() - began
    report = Report.objects.create(
        title_nn="Ytingsrapport",
        summary_nn="<p>Ein lang rapport for ytingsmåling.</p>",
        title_en="Benchmark report",
        summary_en="<p>A long report for the benchmark.</p>",
        publication_date=timezone.localdate(),
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    upload = SimpleUploadedFile("benchmark.pdf", data, content_type="application/pdf")
    began = time.perf_counter()
    report_file = upload_report_file(report=report, language="en", upload=upload)
    processed = time.perf_counter() - began
    report.refresh_from_db()
    return report, report_file, len(data), generated, processed
