"""The projects as open data: the list page's CSV and JSON, and every published project
as an IATI file (its XML is written by ``iati``).

Rows are read as plain values, a few queries and no model objects, so thousands
of projects with their partners stay quick.
"""

from collections import defaultdict

from django.db.models import BooleanField, Case, Value, When
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from norec_site.csvsafe import SafeWriter
from norec_site.languages import language_codes
from norec_site.models import SustainableDevelopmentGoal, written_in

from .facets import filter_projects, redirect_renamed, selected_from
from .iati import activities_xml, activity_identifier
from .models import Partnership, Project

FIELDS = (
    "pk",
    "iati_identifier",
    "cooperation_type",
    "start_date",
    "end_date",
    "participants",
    "grant_amount",
    "grant_currency",
    "countries",
    "regions",
    "subregions",
    "sectors",
    "dac_sector",
    "sdg_numbers",
    "updated_at",
)


def partners_of(projects):
    """{project id: [partner dicts]} for the projects of a queryset, coordinator first."""
    rows = (
        Partnership.objects.filter(project__in=projects.order_by().values("pk"))
        .order_by("project_id", "role", "pk")
        .values_list("project_id", "organisation__name", "role", "country", "organisation__kind")
    )
    partners = defaultdict(list)
    for project_id, name, role, country, kind in rows:
        partners[project_id].append(
            {"name": name, "role": role, "country": str(country), "sector": kind}
        )
    return partners


def language_rows(projects, language):
    """Values of ``projects`` with their title, summary and slug in ``language`` and partners."""
    fields = (*FIELDS, "phase", f"title_{language}", f"summary_{language}", f"slug_{language}")
    rows = list(projects.values(*fields))
    partners = partners_of(projects)
    for row in rows:
        row["title"] = row.pop(f"title_{language}")
        row["summary"] = row.pop(f"summary_{language}")
        row["slug"] = row.pop(f"slug_{language}")
        row["partners"] = partners.get(row["pk"], [])
    return rows


def iati_rows(projects):
    """Every language's title and summary, which languages are complete, partners and goals
    (``projects`` annotated with their phase)."""
    complete = {
        f"complete_{code}": Case(
            When(
                written_in(Project.language_fields, code),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
        for code in language_codes()
    }
    texts = [f"{name}_{code}" for code in language_codes() for name in ("title", "summary")]
    rows = list(projects.annotate(**complete).values(*FIELDS, "phase", *texts, *complete))
    partners = partners_of(projects)
    for row in rows:
        row["languages"] = [code for code in language_codes() if row.pop(f"complete_{code}")]
        row["partners"] = partners.get(row["pk"], [])
    return rows


def goal_names(language="en"):
    return dict(SustainableDevelopmentGoal.objects.values_list("number", f"name_{language}"))


def isoformat(name):
    return lambda row: row[name].isoformat()


# Each record's keys (the CSV's columns, in this order): the row's value of that name,
# or what the function makes of the row.
RECORD = {
    "id": lambda row: row["pk"],
    "iati_identifier": lambda row: activity_identifier(row["iati_identifier"], row["pk"]),
    "title": None,
    "summary": None,
    "url": None,
    "cooperation_type": None,
    "status": lambda row: row["phase"],
    "start_date": isoformat("start_date"),
    "end_date": isoformat("end_date"),
    "participants": None,
    "grant_amount": lambda row: None if row["grant_amount"] is None else str(row["grant_amount"]),
    "grant_currency": None,
    "countries": None,
    "regions": None,
    "subregions": None,
    "sectors": None,
    "dac_sector": None,
    "sdgs": lambda row: row["sdg_numbers"],
    "partners": None,
}
CSV_COLUMNS = tuple(RECORD)


def open_data_records(request):
    """The list page's projects (same filters, every page) as plain records."""
    language = get_language()
    selection = selected_from(request.GET)
    projects = filter_projects(Project.objects.public(language), selection).order_by(
        "-start_date", "pk"
    )
    page_url = request.build_absolute_uri(reverse("projects:detail", kwargs={"slug": "-"}))
    records = []
    for row in language_rows(projects, language):
        row["url"] = page_url.removesuffix("-/") + f"{row['slug']}/"
        records.append({key: read(row) if read else row[key] for key, read in RECORD.items()})
    return records


@require_GET
def projects_csv(request):
    if renamed := redirect_renamed(request):
        return renamed
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="norec-projects-{get_language()}.csv"'
    writer = SafeWriter(response)
    writer.writerow(CSV_COLUMNS)
    for record in open_data_records(request):
        record["partners"] = "; ".join(
            f"{p['name']} ({p['role']}, {p['country']})" for p in record["partners"]
        )
        for key in ("countries", "regions", "subregions", "sectors", "sdgs"):
            record[key] = " ".join(str(value) for value in record[key])
        writer.writerow([record[column] for column in CSV_COLUMNS])
    return response


@require_GET
def projects_json(request):
    if renamed := redirect_renamed(request):
        return renamed
    projects = open_data_records(request)
    response = JsonResponse(
        {"language": get_language(), "count": len(projects), "projects": projects},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = f'inline; filename="norec-projects-{get_language()}.json"'
    return response


@require_GET
def projects_iati(request):
    """Every published project, whatever its languages, as IATI 2.03 activities."""
    projects = Project.objects.published().with_phase().order_by("start_date", "pk")
    document = activities_xml(iati_rows(projects), goal_names("en"))
    return HttpResponse(document, content_type="application/xml; charset=utf-8")
