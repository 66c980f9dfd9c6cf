"""Reports and real generated PDFs: deterministic, no random data."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from norec_site.models import Status
from reports.demo.pdfgen import pdf_bytes
from reports.models import Report, ReportAuthor, ReportPublisher, ReportSeries
from reports.services import upload_report_file


def pdf_upload(title="A report", pages=3, name="upload.pdf", **options):
    """A real PDF with text on every page, as the admin would receive it."""
    content = pdf_bytes(
        title, [f"The text of {title}, about sør-sør-samarbeid."], pages=pages, **options
    )
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def pdf_from_objects(objects):
    """A PDF file of ``objects`` (bytes, numbered from 1; the first is the catalogue)."""
    content, offsets = b"%PDF-1.5\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(content))
        content += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(content)
    content += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    content += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    content += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return content


def empty_pdf_upload():
    """A well-formed PDF with no pages at all (a catalogue and an empty page tree)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    return SimpleUploadedFile(
        "empty.pdf", pdf_from_objects(objects), content_type="application/pdf"
    )


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s >>"
SCRIPT = b"<< /S /JavaScript /JS (app.alert('hello')) >>"


def scripted_pdf_upload(kind):
    """A one-page PDF that would run something: the ways a PDF can carry an action."""
    catalogue, page, extra = b"", b"", []
    if kind == "open_action_script":
        catalogue = b"/OpenAction 4 0 R"
        extra = [SCRIPT]
    elif kind == "names_javascript":
        catalogue = b"/Names << /JavaScript << /Names [(start) 4 0 R] >> >>"
        extra = [SCRIPT]
    elif kind == "page_additional_action":
        page = b"/AA << /O 4 0 R >>"
        extra = [SCRIPT]
    elif kind == "launch":
        catalogue = b"/OpenAction << /S /Launch /F (calc.exe) >>"
    elif kind == "escaped_name":
        catalogue = b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"
    elif kind == "in_object_stream":
        import zlib

        # PDF 1.5 keeps dictionaries compressed in object streams: the script hides there.
        body = b"4 0 " + SCRIPT
        packed = zlib.compress(body)
        catalogue = b"/OpenAction 4 0 R"
        extra = [
            b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n%s"
            b"\nendstream" % (len(packed), packed)
        ]
    elif kind == "open_action_go_to_page":  # harmless: opens at the first page
        catalogue = b"/OpenAction [3 0 R /Fit]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalogue,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE % page,
        *extra,
    ]
    return SimpleUploadedFile(
        f"{kind}.pdf", pdf_from_objects(objects), content_type="application/pdf"
    )


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
