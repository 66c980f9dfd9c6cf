"""Demo reports with real generated PDFs; ``seed_scale`` adds many for benchmarks."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from norec_site.models import Status, SustainableDevelopmentGoal
from reports.models import Report, ReportAuthor, ReportFile, ReportPublisher, ReportSeries
from reports.pdfgen import pdf_bytes
from reports.services import upload_report_file

IN_ACTION = {
    "en": [
        "Norec, the Norwegian Agency for Exchange Cooperation, has funded exchanges of staff "
        "between organisations in the global South for two decades. Partners send employees "
        "to each other for a year, learn from each other's ways of working and bring the "
        "lessons home.",
        "This special report, published by the United Nations Office for South-South "
        "Cooperation with Norec, tells how the exchanges work, what partners in Africa, Asia "
        "and Latin America say they learnt, and what it takes for south-south and triangular "
        "cooperation to last beyond a single project.",
        "The report was launched at the Second High-level United Nations Conference on "
        "South-South Cooperation (BAPA+40) in Buenos Aires in March 2019, forty years after "
        "the Buenos Aires Plan of Action.",
        "Its conclusion: mutual learning between equals is a form of partnership in itself, "
        "and it serves Sustainable Development Goal 17, partnerships for the goals.",
    ],
    "es": [
        "Norec, la Agencia Noruega de Cooperación para el Intercambio, financia desde hace "
        "dos décadas intercambios de personal entre organizaciones del Sur global.",
        "Este informe especial, publicado por la Oficina de las Naciones Unidas para la "
        "Cooperación Sur-Sur junto con Norec, explica cómo funcionan los intercambios y qué "
        "aprendieron los socios de África, Asia y América Latina.",
        "El informe se presentó en la Segunda Conferencia de Alto Nivel de las Naciones "
        "Unidas sobre la Cooperación Sur-Sur (PABA+40), en Buenos Aires, en marzo de 2019.",
    ],
}

REPORTS = [
    {
        "key": "in-action",
        "title_en": "South-South and Triangular Cooperation in Action: Norec",
        "title_nn": "Sør-sør- og triangulært samarbeid i praksis: Norec",
        "title_nb": "Sør-sør- og triangulært samarbeid i praksis: Norec",
        "subtitle_en": "A UNOSSC special report on exchange of staff between partners",
        "subtitle_nn": "Ein spesialrapport frå UNOSSC om utveksling av tilsette",
        "subtitle_nb": "En spesialrapport fra UNOSSC om utveksling av ansatte",
        "summary_en": "<p>How Norec's exchanges of staff between organisations in Africa, "
        "Asia and Latin America put south–south and triangular cooperation into practice, "
        "told through partners' own experience.</p>",
        "summary_nn": "<p>Korleis Norec sine utvekslingar av tilsette mellom organisasjonar i "
        "Afrika, Asia og Latin-Amerika gjer sør–sør- og triangulært samarbeid til praksis, "
        "fortalt gjennom erfaringane til partnarane.</p>",
        "summary_nb": "<p>Hvordan Norecs utvekslinger av ansatte mellom organisasjoner i "
        "Afrika, Asia og Latin-Amerika gjør sør–sør- og triangulært samarbeid til praksis, "
        "fortalt gjennom partnernes egne erfaringer.</p>",
        "launch_event_en": "BAPA+40, the Second UN Conference on South-South Cooperation",
        "launch_event_nn": "BAPA+40, den andre FN-konferansen om sør-sør-samarbeid",
        "launch_event_nb": "BAPA+40, den andre FN-konferansen om sør-sør-samarbeid",
        "launch_place": "Buenos Aires, Argentina",
        "launch_date": datetime.date(2019, 3, 20),
        "publication_date": datetime.date(2019, 3, 20),
        "series_number": "2019/1",
        "isbn": "978-92-1-004142-3",
        "sdgs": [17],
        "topics": ["south-south"],
        "authors": ["adviser", "consultant"],
        "publishers": ["unossc", "norec"],
        "series": True,
        "files": {"en": (IN_ACTION["en"], 12), "es": (IN_ACTION["es"], 8)},
    },
    {
        "key": "annual-2023",
        "title_en": "Learning across borders: Norec annual report 2023",
        "title_nn": "Læring over grenser: Norec årsrapport 2023",
        "title_nb": "Læring over grenser: Norec årsrapport 2023",
        "summary_en": "<p>What Norec's partnerships achieved in 2023: 61 partnerships, "
        "412 participants, 28 countries.</p>",
        "summary_nn": "<p>Kva partnarskapa til Norec fekk til i 2023: 61 partnarskap, "
        "412 deltakarar, 28 land.</p>",
        "summary_nb": "<p>Hva Norecs partnerskap fikk til i 2023: 61 partnerskap, "
        "412 deltakere, 28 land.</p>",
        "publication_date": datetime.date(2024, 4, 15),
        "sdgs": [4, 17],
        "topics": ["education", "youth"],
        "authors": ["communications"],
        "publishers": ["norec"],
        "files": {
            "nn": (
                [
                    "I 2023 sende partnarane til Norec 412 tilsette på utveksling i 28 land.",
                    "Ungdom og utdanning var dei største satsingane, og fleire partnarskap "
                    "var triangulære, med ein partnar i Noreg og to i sør.",
                ],
                6,
            ),
            "en": (
                [
                    "In 2023 Norec's partners sent 412 staff on exchange in 28 countries.",
                    "Youth and education were the largest areas, and more partnerships were "
                    "triangular, with one partner in Norway and two in the South.",
                ],
                6,
            ),
        },
    },
    {
        "key": "health-evaluation",
        "title_en": "Health workers learning from each other: an evaluation",
        "title_nn": "Helsearbeidarar som lærer av kvarandre: ei evaluering",
        "summary_en": "<p>An independent evaluation of eight health exchanges between "
        "hospitals in East Africa and South Asia.</p>",
        "summary_nn": "<p>Ei uavhengig evaluering av åtte helseutvekslingar mellom sjukehus i "
        "Aust-Afrika og Sør-Asia.</p>",
        "publication_date": datetime.date(2022, 11, 1),
        "doi": "10.5281/norec.2022.11",
        "sdgs": [3, 17],
        "topics": ["health"],
        "authors": ["consultant"],
        "publishers": ["norec", "mfa"],
        "files": {
            "en": (
                [
                    "Eight hospital partnerships exchanged nurses, midwives and laboratory staff.",
                    "Participants reported new routines for infection control and patient "
                    "records that stayed in place after they returned.",
                ],
                5,
            )
        },
    },
]


def series(shared):
    found, _created = ReportSeries.objects.get_or_create(
        slug="south-south-in-action",
        defaults={
            "name": "South-South and Triangular Cooperation in Action",
            "name_nn": "South-South and Triangular Cooperation in Action",
            "name_en": "South-South and Triangular Cooperation in Action",
            "publisher": shared.organisations["unossc"],
        },
    )
    return found


def seed(shared):
    """The UNOSSC special report and a few more, each with generated PDFs."""
    in_action = series(shared)
    now = timezone.now()
    for number, spec in enumerate(REPORTS):
        report = Report.objects.filter(title_en=spec["title_en"]).first()
        if report is None:
            fields = {
                key: value
                for key, value in spec.items()
                if key not in ("key", "sdgs", "topics", "authors", "publishers", "series", "files")
            }
            report = Report(
                **fields,
                title=spec["title_nn"],
                series=in_action if spec.get("series") else None,
                status=Status.PUBLISHED,
                published_at=now - datetime.timedelta(days=30 * (number + 1)),
            )
            report.full_clean()
            report.save()
            report.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=spec["sdgs"]))
            report.topics.set([shared.topics[slug] for slug in spec["topics"]])
            for position, key in enumerate(spec["authors"]):
                ReportAuthor.objects.create(
                    report=report, person=shared.people[key], position=position
                )
            for position, key in enumerate(spec["publishers"]):
                ReportPublisher.objects.create(
                    report=report, organisation=shared.organisations[key], position=position
                )
        for language, (paragraphs, pages) in spec["files"].items():
            if report.files.filter(language=language).exists():
                continue
            title = spec.get(f"title_{language}") or spec["title_en"]
            content = pdf_bytes(
                title,
                paragraphs,
                pages=pages,
                subtitle=spec.get(f"subtitle_{language}", ""),
                colour=number,
            )
            upload = SimpleUploadedFile("upload.pdf", content, "application/pdf")
            upload_report_file(report=report, language=language, upload=upload)


def seed_scale(shared, n, stdout=None):
    """``n`` more published reports with one small PDF each (no cover rendering)."""
    in_action = series(shared)
    start = Report.objects.filter(slug_en__startswith="scale-report-").count()
    cover = Report.objects.exclude(cover=None).values_list("cover", flat=True).first()
    now = timezone.now()
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
                summary_nn="<p>Ein syntetisk rapport for ytingsmåling.</p>",
                summary_nb="<p>En syntetisk rapport for ytelsesmåling.</p>",
                summary_en="<p>A synthetic report for benchmarks.</p>",
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
            content = pdf_bytes(report.title_en, pages=2)
            report_file = ReportFile(
                report=report,
                language="en",
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
                pages=2,
                text=report.title_en,
            )
            report_file.file.save(
                f"scale/{report.slug_en}-en.pdf", ContentFile(content), save=False
            )
            files.append(report_file)
        ReportFile.objects.bulk_create(files, batch_size=500)
    # Fresh planner statistics, so the benchmark measures the plans real data gets.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_report, reports_reportfile")
    if stdout:
        stdout.write(f"Scale reports: {len(created)} added")
