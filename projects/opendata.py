"""Rows for the open-data files, read as plain values: a few queries and no model objects.

Thousands of projects with their partners stay quick because nothing here
builds a model instance per row.
"""

from collections import defaultdict

from django.db.models import BooleanField, Case, Q, Value, When

from norec_site.languages import language_codes
from norec_site.models import SustainableDevelopmentGoal

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
    """Every language's title and summary, which languages are complete, partners and goals."""
    complete = {
        f"complete_{code}": Case(
            When(
                Q(**{f"{name}_{code}__gt": "" for name in Project.language_fields}),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
        for code in language_codes()
    }
    texts = [f"{name}_{code}" for code in language_codes() for name in ("title", "summary")]
    rows = list(projects.annotate(**complete).values(*FIELDS, *texts, *complete))
    partners = partners_of(projects)
    for row in rows:
        row["languages"] = [code for code in language_codes() if row.pop(f"complete_{code}")]
        row["partners"] = partners.get(row["pk"], [])
    return rows


def goal_names(language="en"):
    return dict(SustainableDevelopmentGoal.objects.values_list("number", f"name_{language}"))
