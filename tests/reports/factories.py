"""Reports and real generated PDFs: deterministic, no random data."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from norec_site.models import Status
from reports.models import Report, ReportAuthor, ReportPublisher, ReportSeries
from reports.pdfgen import pdf_bytes
from reports.services import upload_report_file


def pdf_upload(title="A report", pages=3, name="upload.pdf", **options):
    """A real PDF with text on every page, as the admin would receive it."""
    content = pdf_bytes(
        title, [f"The text of {title}, about sør-sør-samarbeid."], pages=pages, **options
    )
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def empty_pdf_upload():
    """A well-formed PDF with no pages at all (a catalogue and an empty page tree)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    content, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(content))
        content += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(content)
    content += b"xref\n0 3\n0000000000 65535 f \n"
    content += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    content += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return SimpleUploadedFile("empty.pdf", content, content_type="application/pdf")


class ReportSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSeries

    name_nn = factory.Sequence(lambda n: f"Serie {n}")
    name_en = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class ReportFactory(factory.django.DjangoModelFactory):
    """A published report in Nynorsk and English; ``draft=True`` keeps it private."""

    class Meta:
        model = Report
        skip_postgeneration_save = True

    title_nn = factory.Sequence(lambda n: f"Rapport om utveksling {n}")
    summary_nn = "<p>Samandrag av rapporten.</p>"
    title_en = factory.Sequence(lambda n: f"Report on exchange {n}")
    summary_en = "<p>Summary of the report.</p>"
    publication_date = factory.Sequence(
        lambda n: datetime.date(2019, 3, 20) + datetime.timedelta(days=n)
    )
    status = Status.PUBLISHED
    published_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(minutes=n)
    )

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        for position, person in enumerate(people or ()):
            ReportAuthor.objects.create(report=self, person=person, position=position)

    @factory.post_generation
    def publishers(self, create, organisations, **kwargs):
        for position, organisation in enumerate(organisations or ()):
            ReportPublisher.objects.create(
                report=self, organisation=organisation, position=position
            )

    @factory.post_generation
    def files(self, create, languages, **kwargs):
        """``files=["en", "es"]`` uploads a generated PDF in each language."""
        for language in languages or ():
            upload_report_file(
                report=self, language=language, upload=pdf_upload(f"{self.title_en} {language}")
            )
