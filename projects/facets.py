"""The list page's facets: what the URL selects, and how many projects each value gives.

Every facet reads a denormalised column on Project, so all counts come from
one UNION ALL query, whatever the number of projects or facet values.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_codes

from norec_site.countries import country_name

from .models import CooperationType, Phase
from .regions import REGIONS, SUBREGIONS, region_name, subregion_name


@dataclass(frozen=True)
class Facet:
    key: str  # the URL parameter
    label: str
    column: str  # the Project column counted
    array: bool = True

    def clean(self, raw, today):
        """The selected value when it is one this facet knows, else None."""
        raw = (raw or "").strip()
        if not raw:
            return None
        if self.key == "region":
            return raw if raw in REGIONS else None
        if self.key == "subregion":
            return raw if raw in SUBREGIONS else None
        if self.key == "country":
            code = raw.upper()
            return code if code in country_codes else None
        if self.key == "sector":
            from norec_site.models import Organisation

            return raw if raw in Organisation.Kind.values else None
        if self.key == "type":
            return raw if raw in CooperationType.values else None
        if self.key == "status":
            return raw if raw in Phase.values else None
        if re.fullmatch(r"[0-9]{1,4}", raw):
            number = int(raw)
            if self.key == "sdg" and 1 <= number <= 17:
                return number
            if self.key == "year" and 1900 <= number <= 2200:
                return number
        return None

    def apply(self, queryset, value, today):
        if self.key == "status":
            return queryset.in_phase(value, today)
        if self.array:
            return queryset.filter(**{f"{self.column}__contains": [value]})
        return queryset.filter(**{self.column: value})

    def counts_sql(self, queryset, today, label=None):
        """SQL and params for (facet, value, n) rows of ``queryset``; ``label`` names the rows."""
        if self.key == "status":
            columns = ("start_date", "end_date")
            value = (
                "CASE WHEN start_date > %s THEN 'planned' "
                "WHEN end_date < %s THEN 'completed' ELSE 'ongoing' END"
            )
            value_params = [today, today]
        else:
            columns = (self.column,)
            value = f"unnest({self.column})::text" if self.array else f"{self.column}::text"
            value_params = []
        # Read the facet's own column from the filtered rows: one scan per facet.
        inner, inner_params = queryset.order_by().values(*columns).query.sql_with_params()
        # The column is the facet's own, the inner query Django's, its parameters apart.
        sql = (
            f"SELECT %s AS facet, {value} AS value, count(*) AS n "  # noqa: S608
            f"FROM ({inner}) AS rows GROUP BY 2"
        )
        return sql, [label or self.key, *value_params, *inner_params]

    def value_label(self, value, sdg_names):
        if self.key == "region":
            return region_name(value)
        if self.key == "subregion":
            return subregion_name(value)
        if self.key == "country":
            return country_name(value)
        if self.key == "sector":
            from norec_site.models import Organisation

            return Organisation.Kind(value).label
        if self.key == "type":
            return CooperationType(value).label
        if self.key == "status":
            return Phase(value).label
        if self.key == "sdg":
            return f"{value}. {sdg_names.get(int(value), '')}"
        return str(value)


FACETS = (
    Facet("region", _("Region"), "regions"),
    Facet("subregion", _("Sub-region"), "subregions"),
    Facet("country", _("Country"), "countries"),
    Facet("sector", _("Partner sector"), "sectors"),
    Facet("type", _("Cooperation type"), "cooperation_type", array=False),
    Facet("sdg", _("Sustainable development goal"), "sdg_numbers"),
    Facet("status", _("Status"), "phase", array=False),
    Facet("year", _("Year"), "years"),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
# Extra rows in the same query: the current list by region and by SDG, for the chart.
CHART_FACETS = {"chart-region": "region", "chart-sdg": "sdg"}


def selected_from(params, today=None):
    """{facet key: clean value} for the facets the URL selects; unknown values are ignored."""
    today = today or timezone.localdate()
    selection = {}
    for facet in FACETS:
        value = facet.clean(params.get(facet.key), today)
        if value is not None:
            selection[facet.key] = value
    return selection


def filter_projects(queryset, selection, today=None, skip=None):
    today = today or timezone.localdate()
    for key, value in selection.items():
        if key != skip:
            queryset = FACETS_BY_KEY[key].apply(queryset, value, today)
    return queryset


def count_facets(queryset, selection, today=None):
    """{facet key: {value: count}}; each facet counted with the other facets' filters only.

    So a count says how many projects the list would show if the visitor
    picked that value instead of the current one. Also gives the chart's
    rows ("chart-region", "chart-sdg") for the current list.
    """
    today = today or timezone.localdate()
    parts = [
        facet.counts_sql(filter_projects(queryset, selection, today, skip=facet.key), today)
        for facet in FACETS
    ]
    filtered = filter_projects(queryset, selection, today)
    for chart_key, facet_key in CHART_FACETS.items():
        parts.append(FACETS_BY_KEY[facet_key].counts_sql(filtered, today, label=chart_key))
    sql = " UNION ALL ".join(f"({part})" for part, _params in parts)
    params = [param for _part, part_params in parts for param in part_params]
    result = {facet.key: {} for facet in FACETS} | {key: {} for key in CHART_FACETS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            result[facet][value] = count
    return result
