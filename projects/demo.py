"""Demo partner projects written for the site, and synthetic ones for benchmarks."""

import datetime
import itertools

from django.db import transaction
from tqdm import tqdm

from norec_site.demo import demo_image
from norec_site.models import Organisation, Status, SustainableDevelopmentGoal
from norec_site.slugs import slug_from_title

from .iati import NOREC_REF
from .models import CooperationType, DacSector, Partnership, Project
from .services import create_project, facet_columns

CIVIL, PRIVATE, PUBLIC = "civil_society", "private", "public"
COORD, PARTNER = Partnership.Role.COORDINATING, Partnership.Role.PARTNER
SS, TRI, NS = CooperationType.SOUTH_SOUTH, CooperationType.TRIANGULAR, CooperationType.NORTH_SOUTH


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# Each project: code, type, DAC sector, SDGs, start, end, participants, grant (NOK),
# partners [(name, country, kind, role)], picture alt text or "", texts per language.
PROJECTS = [
    {
        "code": "HEALTH-EA",
        "type": SS,
        "dac": DacSector.HEALTH,
        "sdgs": [3, 5, 17],
        "period": ("2023-08-01", "2026-07-31"),
        "participants": 18,
        "grant": 4_200_000,
        "partners": [
            ("Lakeside Community Health Network", "KE", CIVIL, COORD),
            ("Mbarara Midwives Association", "UG", CIVIL, PARTNER),
            ("Arusha Regional Referral Hospital", "TZ", PUBLIC, PARTNER),
        ],
        "picture": "Jordmødrer frå Uganda og Kenya på kurs i Kisumu",
        "topics": ["health", "gender"],
        "nn": (
            "Jordmødrer lærer av kvarandre rundt Victoriasjøen",
            "Helsearbeidarar i Kenya, Uganda og Tanzania byter plass i eitt år for å gjere "
            "fødslar tryggare i bygdene.",
            p(
                "Tre helseorganisasjonar rundt Victoriasjøen sender jordmødrer og "
                "helsesøstrer til kvarandre. Dei tek med seg rutinar for svangerskapskontroll "
                "som har fungert heime, og prøver dei ut i ein ny klinikk.",
                "Utvekslinga byggjer på eit felles opplæringsopplegg for mødrehelse. "
                "Kvar deltakar leiar eit forbetringsprosjekt på arbeidsplassen sin når "
                "ho kjem heim.",
            ),
        ),
        "nb": (
            "Jordmødre lærer av hverandre rundt Victoriasjøen",
            "Helsearbeidere i Kenya, Uganda og Tanzania bytter plass i ett år for å gjøre "
            "fødsler tryggere på landsbygda.",
            p(
                "Tre helseorganisasjoner rundt Victoriasjøen sender jordmødre og "
                "helsesøstre til hverandre. De tar med seg rutiner for svangerskapskontroll "
                "som har fungert hjemme, og prøver dem ut på en ny klinikk.",
            ),
        ),
        "en": (
            "Midwives learning from each other around Lake Victoria",
            "Health workers in Kenya, Uganda and Tanzania swap places for a year to make "
            "childbirth safer in rural areas.",
            p(
                "Three health organisations around Lake Victoria exchange midwives and "
                "community nurses. They bring antenatal routines that work at home and try "
                "them out in a new clinic.",
            ),
        ),
    },
    {
        "code": "WOMEN-AGRI",
        "type": TRI,
        "dac": DacSector.AGRICULTURE,
        "sdgs": [5, 2, 17],
        "period": ("2024-01-15", "2027-12-31"),
        "participants": 24,
        "grant": 6_500_000,
        "partners": [
            ("Bygdekvinnelaget Vest", "NO", CIVIL, COORD),
            ("Oromia Women Farmers' Union", "ET", CIVIL, PARTNER),
            ("Kigali Agro-Cooperative Alliance", "RW", PRIVATE, PARTNER),
        ],
        "picture": "Bønder frå Etiopia og Rwanda i eit kaffifelt",
        "topics": ["gender"],
        "nn": (
            "Kvinner som driv gard, frå Vestlandet til Oromia",
            "Ein norsk bygdekvinneorganisasjon, ein etiopisk bondeunion og eit rwandisk "
            "samvirke utvekslar kvinner som leiar gardsbruk og samvirke.",
            p(
                "Kvinner står for mykje av matproduksjonen i Aust-Afrika, men få av dei "
                "sit i styra som bestemmer over pris og lager. I dette triangulære "
                "samarbeidet lærer tillitsvalde av kvarandre korleis ein byggjer opp "
                "samvirke med kvinner i leiinga.",
                "Deltakarane frå Noreg arbeider i Rwanda og Etiopia, og deltakarane derifrå "
                "kjem til Vestlandet og til kvarandre.",
            ),
        ),
        "en": (
            "Women who farm, from Western Norway to Oromia",
            "A Norwegian rural women's association, an Ethiopian farmers' union and a "
            "Rwandan cooperative exchange women who lead farms and cooperatives.",
            p(
                "Women grow much of East Africa's food, but few sit on the boards that "
                "decide prices and storage. In this triangular partnership, elected "
                "representatives learn from each other how to build cooperatives led by "
                "women."
            ),
        ),
    },
    {
        "code": "SOLAR-SA",
        "type": SS,
        "dac": DacSector.ENERGY,
        "sdgs": [7, 13, 17],
        "period": ("2022-03-01", "2025-02-28"),
        "participants": 12,
        "grant": 3_100_000,
        "partners": [
            ("Himalayan Solar Cooperative", "NP", PRIVATE, COORD),
            ("Sylhet Renewable Energy Institute", "BD", PUBLIC, PARTNER),
            ("Thimphu Green Power Company", "BT", PRIVATE, PARTNER),
        ],
        "picture": "Solcellepanel på eit skoletak i Nepal",
        "topics": ["climate"],
        "nn": (
            "Solstraum til fjellbygdene",
            "Teknikarar frå Nepal, Bangladesh og Bhutan lærte kvarandre å byggje og "
            "halde ved like små solkraftverk.",
            p(
                "Små solkraftverk gjer at skular og helsestasjonar i fjellbygdene har "
                "straum heile dagen. Teknikarane i prosjektet arbeidde eitt år hos ein "
                "partnar og tok med seg reparasjonsrutinar heim.",
            ),
        ),
        "nb": (
            "Solstrøm til fjellbygdene",
            "Teknikere fra Nepal, Bangladesh og Bhutan lærte hverandre å bygge og "
            "vedlikeholde små solkraftverk.",
            p(
                "Små solkraftverk gjør at skoler og helsestasjoner i fjellbygdene har "
                "strøm hele dagen.",
            ),
        ),
    },
    {
        "code": "TEACHERS-MEKONG",
        "type": SS,
        "dac": DacSector.EDUCATION,
        "sdgs": [4, 17],
        "period": ("2025-01-06", "2027-06-30"),
        "participants": 16,
        "grant": 3_800_000,
        "partners": [
            ("Mekong Teachers' College", "VN", PUBLIC, COORD),
            ("Phnom Penh Teacher Training Centre", "KH", PUBLIC, PARTNER),
            ("Vientiane Education for All", "LA", CIVIL, PARTNER),
        ],
        "picture": "Lærarar frå Vietnam og Kambodsja i eit klasserom",
        "topics": ["education"],
        "nn": (
            "Lærarar langs Mekong deler klasseromma sine",
            "Lærarutdannarar frå Vietnam, Kambodsja og Laos underviser eitt år i "
            "kvarandre sine skular.",
            p(
                "Lærarane utviklar saman opplegg for leseopplæring på morsmålet i "
                "fleirspråklege klasser, og prøver dei ut i tre land.",
            ),
        ),
        "nb": (
            "Lærere langs Mekong deler klasserommene sine",
            "Lærerutdannere fra Vietnam, Kambodsja og Laos underviser ett år i hverandres skoler.",
            p("Lærerne utvikler sammen opplegg for leseopplæring på morsmålet."),
        ),
        "en": (
            "Teachers along the Mekong share their classrooms",
            "Teacher trainers from Viet Nam, Cambodia and Laos teach for a year in each "
            "other's schools.",
            p("Together they develop mother-tongue reading lessons for multilingual classes."),
        ),
    },
    {
        "code": "AGROECO-ANDES",
        "type": SS,
        "dac": DacSector.AGRICULTURE,
        "sdgs": [2, 15, 17],
        "period": ("2021-09-01", "2024-08-31"),
        "participants": 14,
        "grant": 2_900_000,
        "partners": [
            ("Fundación Semillas del Cauca", "CO", CIVIL, COORD),
            ("Asociación Andina de Productores", "PE", CIVIL, PARTNER),
            ("Cooperativa Kichwa Sumak Mikuy", "EC", PRIVATE, PARTNER),
        ],
        "picture": "",
        "topics": [],
        "nn": (
            "Frøbankar i Andesfjella",
            "Småbønder i Colombia, Peru og Ecuador bygde frøbankar og delte kunnskap om "
            "lokale sortar.",
            p(
                "Deltakarane arbeidde i eitt år hos ein partnar og lærte korleis ein "
                "tek vare på lokale potet- og maissortar i ein felles frøbank.",
            ),
        ),
        "en": (
            "Seed banks in the Andes",
            "Smallholders in Colombia, Peru and Ecuador built seed banks and shared "
            "knowledge of local varieties.",
            p("Participants spent a year with a partner learning to keep local varieties."),
        ),
    },
    {
        "code": "HEALTH-CA",
        "type": SS,
        "dac": DacSector.HEALTH,
        "sdgs": [3, 10, 17],
        "period": ("2026-02-01", "2029-01-31"),
        "participants": 10,
        "grant": 3_300_000,
        "partners": [
            ("Red de Salud Maya", "GT", CIVIL, COORD),
            ("Clínica Comunitaria Lempira", "HN", CIVIL, PARTNER),
            ("Universidad Pública de Chiapas", "MX", PUBLIC, PARTNER),
        ],
        "picture": "",
        "topics": ["health"],
        "nn": (
            "Helse på urfolksspråk i Mellom-Amerika",
            "Helsearbeidarar i Guatemala, Honduras og Mexico utvekslar erfaring med "
            "helsetenester på urfolksspråk.",
            p(
                "Mange kvinner og barn i Mellom-Amerika møter helsevesenet på eit språk "
                "dei ikkje forstår godt. Partnarane lærer kvarandre å bruke tolkar og "
                "lokale helsearbeidarar.",
            ),
        ),
    },
    {
        "code": "RADIO-EA",
        "type": SS,
        "dac": DacSector.CIVIL_SOCIETY,
        "sdgs": [16, 5, 17],
        "period": ("2024-06-01", "2026-05-31"),
        "participants": 9,
        "grant": 1_900_000,
        "partners": [
            ("Kampala Youth Radio Trust", "UG", CIVIL, COORD),
            ("Juba Community Media", "SS", CIVIL, PARTNER),
            ("Nairobi Digital Newsroom", "KE", PRIVATE, PARTNER),
        ],
        "picture": "Unge journalistar i eit radiostudio i Kampala",
        "topics": ["youth"],
        "nn": (
            "Ungdomsradio over grensene",
            "Unge journalistar frå Uganda, Sør-Sudan og Kenya laga radio om fred og "
            "likestilling for kvarandre sine lyttarar.",
            p(
                "Radioen er framleis den viktigaste kjelda til nyhende for mange unge i "
                "regionen. Deltakarane lærte å lage program som lyttarane kan ringje inn "
                "til, og å sjekke fakta før sending.",
            ),
        ),
        "nb": (
            "Ungdomsradio over grensene",
            "Unge journalister fra Uganda, Sør-Sudan og Kenya laget radio om fred og "
            "likestilling for hverandres lyttere.",
            p("Radioen er fortsatt den viktigste nyhetskilden for mange unge i regionen."),
        ),
    },
    {
        "code": "FISH-MALAWI",
        "type": NS,
        "dac": DacSector.FISHERIES,
        "sdgs": [14, 2, 17],
        "period": ("2025-09-01", "2027-08-31"),
        "participants": 8,
        "grant": 2_400_000,
        "partners": [
            ("Vestlandet fagskule for fiskeri", "NO", PUBLIC, COORD),
            ("Lake Malawi Fisheries Department", "MW", PUBLIC, PARTNER),
        ],
        "picture": "Fiskebåtar på Malawisjøen",
        "topics": ["climate"],
        "nn": (
            "Berekraftig fiske på Malawisjøen",
            "Ein norsk fagskule og fiskeristyresmaktene i Malawi utvekslar lærarar og "
            "fiskeriinspektørar.",
            p(
                "Malawisjøen gir mat og arbeid til millionar, men bestanden av "
                "chambo-fisk har gått ned. Partnarane lærer av kvarandre om kvotar, "
                "oppsyn og fiskeforvaltning med lokalsamfunna.",
            ),
        ),
        "en": (
            "Sustainable fishing on Lake Malawi",
            "A Norwegian vocational college and Malawi's fisheries authorities exchange "
            "teachers and fisheries inspectors.",
            p("The partners learn from each other about quotas and community management."),
        ),
    },
    {
        "code": "CIVICTECH-SEA",
        "type": TRI,
        "dac": DacSector.ICT,
        "sdgs": [9, 16, 17],
        "period": ("2027-03-01", "2029-02-28"),
        "participants": 10,
        "grant": 4_000_000,
        "partners": [
            ("Yogyakarta Civic Tech Collective", "ID", CIVIL, COORD),
            ("Bergen Open Data Lab", "NO", PRIVATE, PARTNER),
            ("Quezon City e-Government Office", "PH", PUBLIC, PARTNER),
        ],
        "picture": "",
        "topics": [],
        "nn": (
            "Opne data for lokaldemokratiet",
            "Utviklarar frå Indonesia, Filippinane og Noreg skal lage opne verktøy som "
            "gjer kommunebudsjett lette å lese.",
            p(
                "Prosjektet startar i 2027. Deltakarane skal arbeide i kommunar og "
                "frivillige organisasjonar og publisere all kode som open kjeldekode.",
            ),
        ),
    },
    {
        "code": "SKILLS-SADC",
        "type": SS,
        "dac": DacSector.VOCATIONAL,
        "sdgs": [8, 4, 17],
        "period": ("2023-01-09", "2025-12-19"),
        "participants": 20,
        "grant": 3_600_000,
        "partners": [
            ("Cape Vocational Skills Institute", "ZA", PUBLIC, COORD),
            ("Escola Técnica de Maputo", "MZ", PUBLIC, PARTNER),
            ("Lusaka Artisans Cooperative", "ZM", PRIVATE, PARTNER),
        ],
        "picture": "Elevar ved ein yrkesskule i Maputo",
        "topics": ["education", "youth"],
        "en": (
            "Apprenticeships across Southern Africa",
            "Vocational instructors from South Africa, Mozambique and Zambia taught in "
            "each other's workshops and built a shared apprenticeship model.",
            p(
                "Instructors in electrical work, welding and solar installation spent a "
                "year at a partner school, and the partners now recognise each other's "
                "certificates.",
            ),
        ),
        "nn": (
            "Lærlingar i det sørlege Afrika",
            "Yrkesfaglærarar frå Sør-Afrika, Mosambik og Zambia underviste i kvarandre "
            "sine verkstader og laga ein felles lærlingmodell.",
            p("No godkjenner partnarane kvarandre sine fagbrev."),
        ),
    },
    {
        "code": "WATER-SAM",
        "type": SS,
        "dac": DacSector.WATER,
        "sdgs": [6, 17],
        "period": ("2024-04-01", "2027-03-31"),
        "participants": 11,
        "grant": 2_700_000,
        "partners": [
            ("Instituto Água Viva", "BR", CIVIL, COORD),
            ("Comité de Agua de Cochabamba", "BO", CIVIL, PARTNER),
            ("Servicio Municipal de Agua de Asunción", "PY", PUBLIC, PARTNER),
        ],
        "picture": "",
        "topics": ["climate"],
        "nn": (
            "Reint vatn i byar som veks",
            "Vassverk og vassutval i Brasil, Bolivia og Paraguay utvekslar ingeniørar og "
            "lokale tillitsvalde.",
            p("Partnarane lærer av kvarandre korleis innbyggjarane kan styre vassforsyninga."),
        ),
        "nb": (
            "Rent vann i byer som vokser",
            "Vannverk og vannkomiteer i Brasil, Bolivia og Paraguay utveksler ingeniører og "
            "lokale tillitsvalgte.",
            p("Partnerne lærer av hverandre hvordan innbyggerne kan styre vannforsyningen."),
        ),
        "en": (
            "Clean water in growing cities",
            "Water utilities and committees in Brazil, Bolivia and Paraguay exchange "
            "engineers and local representatives.",
            p("The partners learn from each other how residents can run their water supply."),
        ),
    },
    {
        "code": "WOMEN-BUSINESS-WA",
        "type": SS,
        "dac": DacSector.BUSINESS,
        "sdgs": [5, 8, 17],
        "period": ("2025-05-01", "2028-04-30"),
        "participants": 15,
        "grant": 3_900_000,
        "partners": [
            ("Accra Women Business Network", "GH", CIVIL, COORD),
            ("Réseau des Femmes Entrepreneures de Dakar", "SN", CIVIL, PARTNER),
            ("Lagos SME Finance House", "NG", PRIVATE, PARTNER),
        ],
        "picture": "Kvinner som driv småbedrifter på ein marknad i Accra",
        "topics": ["gender"],
        "nn": (
            "Kvinner som startar bedrifter i Vest-Afrika",
            "Rådgjevarar frå Ghana, Senegal og Nigeria hjelper kvinner å starte og "
            "finansiere eigne bedrifter.",
            p(
                "Deltakarane arbeider eitt år hos ein partnar og lærer korleis små lån og "
                "rettleiing saman gir fleire bedrifter som overlever dei første åra.",
            ),
        ),
        "en": (
            "Women starting businesses in West Africa",
            "Advisers from Ghana, Senegal and Nigeria help women start and finance their "
            "own businesses.",
            p("Participants spend a year with a partner organisation."),
        ),
    },
    {
        "code": "GBV-EA",
        "type": TRI,
        "dac": DacSector.WOMENS_RIGHTS,
        "sdgs": [5, 16, 17],
        "period": ("2022-09-01", "2025-08-31"),
        "participants": 12,
        "grant": 3_200_000,
        "partners": [
            ("Dodoma Women's Legal Aid Centre", "TZ", CIVIL, COORD),
            ("Krisesenteret i Nordfjord", "NO", CIVIL, PARTNER),
            ("Mombasa County Gender Desk", "KE", PUBLIC, PARTNER),
        ],
        "picture": "Rettleiarar frå Tanzania og Noreg på eit møte",
        "topics": ["gender"],
        "nn": (
            "Vern mot vald i nære relasjonar",
            "Eit krisesenter i Nordfjord, ei rettshjelp i Dodoma og likestillingskontoret "
            "i Mombasa utveksla rettleiarar.",
            p(
                "Partnarane lærte av kvarandre korleis ein tek imot og følgjer opp "
                "kvinner som har vore utsette for vald, og korleis politi, helse og "
                "rettshjelp kan samarbeide.",
            ),
        ),
        "nb": (
            "Vern mot vold i nære relasjoner",
            "Et krisesenter i Nordfjord, en rettshjelp i Dodoma og likestillingskontoret "
            "i Mombasa utvekslet veiledere.",
            p("Partnerne lærte av hverandre hvordan politi, helse og rettshjelp samarbeider."),
        ),
        "en": (
            "Protection against domestic violence",
            "A crisis centre in Nordfjord, a legal aid centre in Dodoma and the Mombasa "
            "gender desk exchanged counsellors.",
            p("The partners learned how police, health and legal aid can work together."),
        ),
    },
    {
        "code": "COAST-SA",
        "type": SS,
        "dac": DacSector.ENVIRONMENT,
        "sdgs": [13, 11, 17],
        "period": ("2027-01-04", "2029-12-20"),
        "participants": 8,
        "grant": None,
        "partners": [
            ("Chennai Coastal Resilience Trust", "IN", CIVIL, COORD),
            ("Colombo Disaster Management Centre", "LK", PUBLIC, PARTNER),
        ],
        "picture": "",
        "topics": ["climate"],
        "en": (
            "Coastal towns preparing for rising seas",
            "A coastal resilience trust in Chennai and Sri Lanka's disaster management "
            "centre will exchange planners and early-warning staff.",
            p(
                "The project starts in 2027. Participants will work on flood maps and "
                "early-warning drills with fishing communities on both coasts.",
            ),
        ),
    },
]


def _text_fields(entry):
    fields = {}
    for code in ("nn", "nb", "en"):
        title, summary, description = entry.get(code, ("", "", ""))
        fields[f"title_{code}"] = title
        fields[f"summary_{code}"] = summary
        fields[f"description_{code}"] = description
    return fields


def _organisation(name, country, kind):
    organisation, _created = Organisation.objects.get_or_create(
        name=name, country=country, defaults={"kind": kind}
    )
    return organisation


@transaction.atomic
def seed(shared):
    """The hand-written projects; projects that already exist are left as they are."""
    from reports.models import Report

    reports = list(Report.objects.published()[:2])
    for index, entry in enumerate(PROJECTS):
        identifier = f"{NOREC_REF}-{entry['code']}"
        if Project.objects.filter(iati_identifier=identifier).exists():
            continue
        start, end = (datetime.date.fromisoformat(value) for value in entry["period"])
        images = []
        if entry["picture"]:
            images.append(demo_image(f"project-{entry['code'].lower()}", alt_nn=entry["picture"]))
        create_project(
            partners=[
                (_organisation(name, country, kind), role, "")
                for name, country, kind, role in entry["partners"]
            ],
            sdg_numbers=entry["sdgs"],
            topics=[shared.topics[slug] for slug in entry["topics"] if slug in shared.topics],
            images=images,
            reports=reports if index in (0, 1, 12) else (),
            cooperation_type=entry["type"],
            dac_sector=entry["dac"],
            start_date=start,
            end_date=end,
            participants=entry["participants"],
            grant_amount=entry["grant"],
            iati_identifier=identifier,
            status=Status.PUBLISHED,
            **_text_fields(entry),
        )


SCALE_COUNTRIES = [
    ("KE", "UG", "TZ"), ("NP", "BD", "IN"), ("VN", "KH", "LA"), ("CO", "PE", "EC"),
    ("GT", "HN", "MX"), ("GH", "SN", "NG"), ("ZA", "MZ", "ZM"), ("NO", "ET", "RW"),
    ("BR", "BO", "PY"), ("ID", "PH", "NO"),
]  # fmt: skip
SCALE_KINDS = [CIVIL, PRIVATE, PUBLIC]


def seed_scale(shared, n, stdout=None):
    """``n`` synthetic published projects for benchmarks, in bulk; run twice, adds none."""
    prefix = f"{NOREC_REF}-SCALE-"
    existing = set(
        Project.objects.filter(iati_identifier__startswith=prefix).values_list(
            "iati_identifier", flat=True
        )
    )
    wanted = [i for i in range(n) if f"{prefix}{i}" not in existing]
    if not wanted:
        return
    organisations = {
        (country, kind): _organisation(f"Synthetic {kind} partner {country}", country, kind)
        for trio in SCALE_COUNTRIES
        for country in trio
        for kind in SCALE_KINDS
    }
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    types = itertools.cycle(CooperationType.values)
    batch = 500
    progress = tqdm(total=len(wanted), desc="projects", file=stdout, disable=stdout is None)
    for offset in range(0, len(wanted), batch):
        chunk = wanted[offset : offset + batch]
        with transaction.atomic():
            projects, plans = [], []
            for i in chunk:
                trio = SCALE_COUNTRIES[i % len(SCALE_COUNTRIES)]
                kinds = [SCALE_KINDS[(i + k) % 3] for k in range(3)]
                sdgs = sorted({17, (i % 16) + 1})
                start = datetime.date(2018 + i % 10, 1 + i % 12, 1)
                end = start.replace(year=start.year + 2 + i % 2)
                title = f"Utvekslingsprosjekt {i}"
                partners = list(zip(trio, kinds, strict=True))
                project = Project(
                    title_nn=title,
                    slug_nn=slug_from_title(f"{title}-scale"),
                    summary_nn=f"Syntetisk prosjekt {i} for ytingsmåling.",
                    description_nn="<p>Syntetisk prosjekt for ytingsmåling.</p>",
                    cooperation_type=next(types),
                    start_date=start,
                    end_date=end,
                    participants=4 + i % 20,
                    grant_amount=1_000_000 + (i % 50) * 10_000,
                    iati_identifier=f"{prefix}{i}",
                    status=Status.PUBLISHED,
                    published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
                    years=list(range(start.year, end.year + 1)),
                    **facet_columns(partners, sdgs),
                )
                projects.append(project)
                plans.append((partners, sdgs))
            Project.objects.bulk_create(projects)
            Partnership.objects.bulk_create(
                Partnership(
                    project=project,
                    organisation=organisations[(country, kind)],
                    role=COORD if position == 0 else PARTNER,
                    country=country,
                )
                for project, (partners, _sdgs) in zip(projects, plans, strict=True)
                for position, (country, kind) in enumerate(partners)
            )
            Project.sdgs.through.objects.bulk_create(
                Project.sdgs.through(project_id=project.pk, sustainabledevelopmentgoal=goals[n])
                for project, (_partners, sdgs) in zip(projects, plans, strict=True)
                for n in sdgs
            )
        progress.update(len(chunk))
    progress.close()
