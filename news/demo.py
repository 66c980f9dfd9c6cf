"""Demo news written for the site, and synthetic articles for the search benchmark."""

import datetime
import itertools
import zoneinfo

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from norec_site.demo import demo_image
from norec_site.models import Status
from norec_site.richtext import sanitize_html
from projects.models import Project
from reports.models import Report

from .models import Article, ArticleAuthor

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
UNOSSC_REPORT = "South-South and Triangular Cooperation in Action: Norec"


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def days_ago(days, hour=9):
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


ARTICLES = [
    {
        "key": "bapa40-launch",
        "published_at": lambda: datetime.datetime(2019, 3, 21, 14, 0, tzinfo=OSLO),
        "featured": True,
        "topics": ["south-south"],
        "authors": [("communications", "text")],
        "report": UNOSSC_REPORT,
        # alt text (nn), caption (nn), alt text (nb), alt text (en)
        "picture": (
            "Statssekretæren held rapporten opp frå talarstolen i Buenos Aires",
            "Statssekretær Marte Lien lanserer rapporten på BAPA+40.",
            "Statssekretæren holder rapporten opp fra talerstolen i Buenos Aires",
            "The State Secretary holds up the report at the lectern in Buenos Aires",
        ),
        "nn": (
            "FN-rapport om Norec-modellen lansert på BAPA+40 i Buenos Aires",
            "FN-kontoret for sør-sør-samarbeid (UNOSSC) har gitt ut ein spesialrapport om "
            "korleis Norec utvekslar tilsette mellom partnarar i sør. Statssekretæren la han "
            "fram på FN-konferansen BAPA+40.",
            p(
                "Rapporten <em>South-South and Triangular Cooperation in Action: Norec</em> "
                "vart lansert på eit sidearrangement under BAPA+40, FN-konferansen om "
                "sør-sør-samarbeid i Buenos Aires, 40 år etter handlingsplanen frå same by.",
                "Statssekretær Marte Lien frå Utanriksdepartementet opna arrangementet og "
                "presenterte rapporten for delegatar frå over 30 land.",
            )
            + "<blockquote><p>Når ein sjukepleiar frå Kampala arbeider eitt år i Kisumu, tek "
            "ho med seg meir enn kunnskap heim. Rapporten viser at det er relasjonane "
            "mellom organisasjonane som varer.</p></blockquote>"
            + p(
                "Det seier seniorrådgjevar Ingrid Haugland i Norec, som skreiv rapporten "
                "saman med UNOSSC. Ho har følgt utvekslingane i Aust-Afrika i fleire år.",
                "Rapporten går gjennom tre partnarskap innan helse, utdanning og "
                "likestilling, og viser korleis partnarane sjølve set måla for utvekslinga.",
            )
            + "<h2>Kva rapporten tilrår</h2><ul><li>Langsiktige partnarskap framfor "
            "einskildprosjekt</li><li>Utveksling begge vegar, ikkje berre frå nord til "
            "sør</li><li>At partnarane i sør leier arbeidet</li></ul>",
        ),
        "nb": (
            "FN-rapport om Norec-modellen lansert på BAPA+40 i Buenos Aires",
            "FN-kontoret for sør-sør-samarbeid (UNOSSC) har gitt ut en spesialrapport om "
            "hvordan Norec utveksler ansatte mellom partnere i sør. Statssekretæren la den "
            "fram på FN-konferansen BAPA+40.",
            p(
                "Rapporten <em>South-South and Triangular Cooperation in Action: Norec</em> "
                "ble lansert på et sidearrangement under BAPA+40 i Buenos Aires.",
                "Statssekretær Marte Lien fra Utenriksdepartementet åpnet arrangementet og "
                "presenterte rapporten for delegater fra over 30 land.",
            )
            + "<blockquote><p>Når en sykepleier fra Kampala jobber ett år i Kisumu, tar hun "
            "med seg mer enn kunnskap hjem. Rapporten viser at det er relasjonene mellom "
            "organisasjonene som varer.</p></blockquote>"
            + p(
                "Det sier seniorrådgiver Ingrid Haugland i Norec, som skrev rapporten "
                "sammen med UNOSSC."
            ),
        ),
        "en": (
            "UN report on the Norec model launched at BAPA+40 in Buenos Aires",
            "The UN Office for South-South Cooperation (UNOSSC) has published a special "
            "report on how Norec exchanges staff between partners in the global South. "
            "The State Secretary launched it at the BAPA+40 conference.",
            p(
                "The report <em>South-South and Triangular Cooperation in Action: Norec</em> "
                "was launched at a side event of BAPA+40, the UN conference on south-south "
                "cooperation in Buenos Aires, 40 years after the plan of action adopted in "
                "the same city.",
                "State Secretary Marte Lien of the Ministry of Foreign Affairs opened the "
                "event and presented the report to delegates from more than 30 countries.",
            )
            + "<blockquote><p>When a nurse from Kampala works for a year in Kisumu, she "
            "brings home more than knowledge. The report shows that it is the ties between "
            "the organisations that last.</p></blockquote>"
            + p(
                "So says Ingrid Haugland, Senior Adviser at Norec, who co-wrote the report "
                "with UNOSSC."
            ),
        ),
    },
    {
        "key": "midwives-kisumu",
        "published_at": lambda: days_ago(12),
        "topics": ["health", "gender"],
        "authors": [("consultant", "text"), ("communications", "photo")],
        "project": "Jordmødrer lærer av kvarandre rundt Victoriasjøen",
        # alt text (nn), caption (nn), alt text (nb), alt text (en)
        "picture": (
            "Jordmødrer frå Uganda og Kenya samla i eit klasserom i Kisumu",
            "Første veka i Kisumu går med til opplæring i nye rutinar.",
            "",
            "Midwives from Uganda and Kenya gathered in a classroom in Kisumu",
        ),
        "nn": (
            "Jordmødrer frå Uganda lærer av kollegaer i Kisumu",
            "Seks jordmødrer frå Mbarara har byrja eitt års utveksling ved eit distriktssjukehus "
            "i Kenya. Dei skal ta med seg nye rutinar for svangerskapskontroll heim.",
            p(
                "Utvekslinga er ein del av eit partnarskap mellom helseorganisasjonar i "
                "Kenya, Uganda og Tanzania. Deltakarane arbeider side om side med kenyanske "
                "kollegaer, og kvar av dei leier eit lite forbetringsprosjekt.",
                "– Vi lærer like mykje av dei som dei lærer av oss, seier avdelingsleiaren "
                "ved sjukehuset i Kisumu.",
            ),
        ),
        "en": (
            "Midwives from Uganda learn from colleagues in Kisumu",
            "Six midwives from Mbarara have started a year-long exchange at a district "
            "hospital in Kenya. They will bring new routines for antenatal care home.",
            p(
                "The exchange is part of a partnership between health organisations in Kenya, "
                "Uganda and Tanzania. The participants work alongside Kenyan colleagues, and "
                "each of them leads a small improvement project.",
                "“We learn as much from them as they learn from us,” says the head of the "
                "ward in Kisumu.",
            ),
        ),
    },
    {
        "key": "teachers-mekong",
        "published_at": lambda: days_ago(30),
        "topics": ["education"],
        "authors": [("communications", "text")],
        # alt text (nn), caption (nn), alt text (nb), alt text (en)
        "picture": (
            "Lærarar frå Vietnam og Indonesia framfor ein skule i Yogyakarta",
            "Lærarane planlegg timane saman.",
            "",
            "",
        ),
        "nn": (
            "Lærarar frå Vietnam og Indonesia byter klasserom",
            "Fire lærarar frå Hanoi underviser dette skuleåret i Yogyakarta, og fire "
            "indonesiske kollegaer har reist motsett veg.",
            p(
                "Partnarskapet mellom to lærarutdanningar skal gjere realfagsundervisninga "
                "meir praktisk. Lærarane planlegg timane saman og filmar kvarandre i "
                "klasserommet for å lære av opptaka.",
                "Etter utvekslinga skal deltakarane kurse kollegaer heime.",
            ),
        ),
    },
    {
        "key": "youth-leaders",
        "published_at": lambda: days_ago(45),
        "topics": ["youth"],
        "authors": [("consultant", "text")],
        # alt text (nn), caption (nn), alt text (nb), alt text (en)
        "picture": (
            "Unge leiarar frå Malawi og Sør-Afrika på eit møte i Lilongwe",
            "",
            "Unge ledere fra Malawi og Sør-Afrika på et møte i Lilongwe",
            "",
        ),
        "nn": (
            "Unge leiarar frå Malawi og Sør-Afrika på utveksling",
            "Ti unge frå ungdomsorganisasjonar i Malawi og Sør-Afrika har avslutta eit "
            "halvt år hos partnarorganisasjonen i nabolandet.",
            p(
                "Dei unge har arbeidd med ungdomsdeltaking i lokalval og med opplæring "
                "i økonomistyring for små organisasjonar.",
                "Erfaringane deira skal samlast i ei handbok som begge organisasjonane "
                "skal bruke.",
            ),
        ),
        "nb": (
            "Unge ledere fra Malawi og Sør-Afrika på utveksling",
            "Ti unge fra ungdomsorganisasjoner i Malawi og Sør-Afrika har avsluttet et "
            "halvt år hos partnerorganisasjonen i nabolandet.",
            p(
                "De unge har jobbet med ungdomsdeltakelse i lokalvalg og med opplæring "
                "i økonomistyring for små organisasjoner."
            ),
        ),
    },
    {
        "key": "call-for-partners",
        "published_at": lambda: days_ago(-10, hour=8),
        "topics": ["south-south"],
        "authors": [("communications", "text")],
        # alt text (nn), caption (nn), alt text (nb), alt text (en)
        "picture": (
            "Partnarar frå fleire land samla rundt eit bord",
            "",
            "Partnere fra flere land samlet rundt et bord",
            "Partners from several countries gathered around a table",
        ),
        "nn": (
            "Norec opnar for søknader om nye partnarskap",
            "Organisasjonar i Afrika, Asia og Latin-Amerika kan no søkje om støtte til "
            "utveksling av tilsette. Fristen er 1. februar.",
            p(
                "Norec støttar partnarskap der minst to organisasjonar i ulike land "
                "utvekslar tilsette for å nå felles mål.",
                "Søknaden skal skildre kva partnarane vil lære av kvarandre, og korleis "
                "erfaringane skal brukast når deltakarane kjem heim.",
            ),
        ),
        "nb": (
            "Norec åpner for søknader om nye partnerskap",
            "Organisasjoner i Afrika, Asia og Latin-Amerika kan nå søke om støtte til "
            "utveksling av ansatte. Fristen er 1. februar.",
            p(
                "Norec støtter partnerskap der minst to organisasjoner i ulike land "
                "utveksler ansatte for å nå felles mål."
            ),
        ),
        "en": (
            "Norec opens for applications for new partnerships",
            "Organisations in Africa, Asia and Latin America can now apply for support for "
            "exchanges of staff. The deadline is 1 February.",
            p(
                "Norec supports partnerships in which at least two organisations in "
                "different countries exchange staff to reach shared goals."
            ),
        ),
    },
]


def seed(shared):
    """The demo articles, made once; links to reports and projects when those exist."""
    for spec in ARTICLES:
        article = Article.objects.filter(title_nn=spec["nn"][0]).first()
        if article is None:
            article = create_demo_article(spec, shared)
        if spec.get("report"):
            report = Report.objects.filter(title_en=spec["report"]).first()
            if report:
                article.related_reports.add(report)
        if spec.get("project"):
            project = Project.objects.filter(title_nn=spec["project"]).first()
            if project:
                article.related_projects.add(project)


def create_demo_article(spec, shared):
    key, alt_nn, caption_nn, alt_nb, alt_en = spec["key"], *spec["picture"]
    image = demo_image(f"news-{key}", alt_nn=alt_nn, alt_nb=alt_nb, alt_en=alt_en,
                       caption_nn=caption_nn)  # fmt: skip
    fields = {}
    for code in ("nn", "nb", "en"):
        if code in spec:
            title, lead, body = spec[code]
            fields.update({f"title_{code}": title, f"lead_{code}": lead, f"body_{code}": body})
    article = Article.objects.create(
        **fields,
        image=image,
        featured=spec.get("featured", False),
        status=Status.PUBLISHED,
        published_at=spec["published_at"](),
    )
    article.topics.set(shared.topics[slug] for slug in spec["topics"])
    for position, (person, role) in enumerate(spec["authors"]):
        ArticleAuthor.objects.create(
            article=article, person=shared.people[person], role=role, position=position
        )
    return article


# Synthetic articles ------------------------------------------------------------------

PLACES = ["Kisumu", "Kampala", "Hanoi", "Yogyakarta", "Lilongwe", "Maputo", "Lima",
          "Bogotá", "Dhaka", "Kathmandu", "Addis Abeba", "Dar es Salaam", "Quito", "Colombo",
          "Lusaka"]  # fmt: skip
SUBJECTS = {
    "nn": ["jordmødrer", "lærarar", "journalistar", "ingeniørar", "bønder", "sjukepleiarar",
           "unge leiarar", "revisorar", "programmerarar", "fiskarar"],
    "nb": ["jordmødre", "lærere", "journalister", "ingeniører", "bønder", "sykepleiere",
           "unge ledere", "revisorer", "programmerere", "fiskere"],
    "en": ["midwives", "teachers", "journalists", "engineers", "farmers", "nurses",
           "young leaders", "auditors", "programmers", "fishers"],
}  # fmt: skip
THEMES = {
    "nn": ["mødrehelse", "realfag", "klimatilpassing", "lokaldemokrati", "vassforsyning",
           "likestilling", "digital læring", "berekraftig fiske"],
    "nb": ["mødrehelse", "realfag", "klimatilpasning", "lokaldemokrati", "vannforsyning",
           "likestilling", "digital læring", "bærekraftig fiske"],
    "en": ["maternal health", "science teaching", "climate adaptation", "local democracy",
           "water supply", "gender equality", "digital learning", "sustainable fishing"],
}  # fmt: skip
TEXTS = {
    "nn": ("{subject} frå {a} lærer om {theme} i {b}",
           "Ei gruppe {subject} frå {a} har byrja eit år med utveksling i {b}, "
           "med vekt på {theme}.",
           "Utvekslinga mellom partnarane i {a} og {b} handlar om {theme}. Deltakarane tek "
           "med seg erfaringar heim og deler dei med kollegaer."),
    "nb": ("{subject} fra {a} lærer om {theme} i {b}",
           "En gruppe {subject} fra {a} har begynt et år med utveksling i {b}, "
           "med vekt på {theme}.",
           "Utvekslingen mellom partnerne i {a} og {b} handler om {theme}. Deltakerne tar "
           "med seg erfaringer hjem og deler dem med kolleger."),
    "en": ("{subject} from {a} learn about {theme} in {b}",
           "A group of {subject} from {a} have started a year of exchange in {b}, "
           "focusing on {theme}.",
           "The exchange between the partners in {a} and {b} is about {theme}. The participants "
           "bring their experience home and share it with colleagues."),
}  # fmt: skip


def synthetic_texts(i):
    a = PLACES[i % len(PLACES)]
    b = PLACES[(i * 7 + 3) % len(PLACES)]
    fields = {}
    for code, (title, lead, body) in TEXTS.items():
        words = {
            "subject": SUBJECTS[code][i % len(SUBJECTS[code])],
            "theme": THEMES[code][(i // 3) % len(THEMES[code])],
            "a": a,
            "b": b,
        }
        heading = title.format(**words)
        fields[f"title_{code}"] = f"{heading[0].upper()}{heading[1:]} ({i + 1})"
        fields[f"slug_{code}"] = f"scale-{code}-{i + 1}"
        fields[f"lead_{code}"] = lead.format(**words)
        fields[f"body_{code}"] = sanitize_html(f"<p>{body.format(**words)}</p>")
    return fields


def seed_scale(shared, n, stdout=None):
    """``n`` more published articles in all three languages, older than the demo ones."""
    start = Article.objects.filter(slug_en__startswith="scale-en-").count()
    now = timezone.now()
    image = Article.objects.exclude(image=None).values_list("image", flat=True).first()
    topics = list(shared.topics.values())
    people = list(shared.people.values())
    batch_size = 1000
    progress = tqdm(total=n, desc="Articles", unit="article", file=stdout)
    with transaction.atomic():
        for offset in range(start, start + n, batch_size):
            numbers = range(offset, min(offset + batch_size, start + n))
            articles = Article.objects.bulk_create(
                [
                    Article(
                        **synthetic_texts(i),
                        image_id=image,
                        status=Status.PUBLISHED,
                        published_at=now - datetime.timedelta(days=60, hours=i),
                    )
                    for i in numbers
                ]
            )
            Article.topics.through.objects.bulk_create(
                Article.topics.through(article=article, topic=topics[i % len(topics)])
                for i, article in zip(numbers, articles, strict=True)
            )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, person=person, role="text", position=0)
                for article, person in zip(articles, itertools.cycle(people), strict=False)
            )
            progress.update(len(articles))
    progress.close()
    with connection.cursor() as cursor:
        # Fresh planner statistics, so that the benchmark measures the real plans.
        cursor.execute("ANALYZE news_article, news_article_topics, news_articleauthor")
    if stdout:
        stdout.write(f"Scale articles: {n} added")
