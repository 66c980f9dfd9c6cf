"""The list page's facets: what the URL selects, and how many projects each value gives.

Each facet is one row of ``FACETS``: its URL parameter, the column it reads,
the values it knows, their labels and their order. Every facet reads a column
of Project (the phase an annotation), so all counts come from one query that
reads the projects once, whatever the number of projects or facet values.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_codes

from norec_site.countries import country_name
from norec_site.models import Organisation

from .models import CooperationType, Phase
from .regions import REGIONS, SUBREGIONS, region_name, subregion_name


def one_of(values):
    """A value the facet knows as it is written, else None."""
    return lambda raw: raw if raw in values else None


def country_code(raw):
    code = raw.upper()
    return code if code in country_codes else None


def number_between(low, high):
    def parse(raw):
        if re.fullmatch(r"[0-9]{1,4}", raw) and low <= int(raw) <= high:
            return int(raw)
        return None

    return parse


def in_order(values):
    """Options in the order of ``values``; any other value after them."""
    position = {value: index for index, value in enumerate(values)}
    return lambda option: position.get(option["value"], len(position))


def by_label(option):
    return str(option["label"])


@dataclass(frozen=True)
class Facet:
    key: str  # the URL parameter
    label: str
    column: str  # the Project column (or annotation) filtered and counted
    parse: Callable[[str], object]  # the URL's text to a known value, else None
    value_label: Callable[[str, dict], str]  # (value, {SDG number: name}) to its label
    order: Callable[[dict], object]  # sort key of an option
    array: bool = True
    aliases: tuple = ()  # older URL parameters that mean the same

    def clean(self, raw):
        """The selected value when it is one this facet knows, else None."""
        raw = (raw or "").strip()
        return self.parse(raw) if raw else None

    def condition(self, value):
        if self.array:
            return Q(**{f"{self.column}__contains": [value]})
        return Q(**{self.column: value})

    def apply(self, queryset, value):
        return queryset.filter(self.condition(value))

    @property
    def match_column(self):
        """The column of the facets' shared rows that says whether a row has the selected value."""
        return f"matches_{self.key}"

    def counts_sql(self, rows, matching, label=None):
        """SQL and params for (facet, value, n) of the shared ``rows`` (a table name) where
        every column of ``matching`` is true; ``label`` names the rows."""
        value = f"unnest({self.column})::text" if self.array else f"{self.column}::text"
        where = " AND ".join(matching) or "TRUE"
        # Names of the site's own: the table, the facet's column, the match columns.
        sql = (
            f"SELECT %s AS facet, {value} AS value, count(*) AS n "  # noqa: S608
            f"FROM {rows} WHERE {where} GROUP BY 2"
        )
        return sql, [label or self.key]

    def options(self, counts, selected, goal_names):
        """(value, label, count, selected) for each value with projects, in reading order."""
        values = set(counts) | ({str(selected)} if selected is not None else set())
        options = [
            {
                "value": value,
                "label": self.value_label(value, goal_names),
                "count": counts.get(value, 0),
                "selected": selected is not None and str(selected) == value,
            }
            for value in values
        ]
        return sorted(options, key=self.order)


FACETS = (
    Facet(
        "region",
        _("Region"),
        "regions",
        one_of(REGIONS),
        lambda value, _goals: region_name(value),
        in_order(REGIONS),
    ),
    Facet(
        "subregion",
        _("Sub-region"),
        "subregions",
        one_of(SUBREGIONS),
        lambda value, _goals: subregion_name(value),
        in_order(SUBREGIONS),
    ),
    Facet(
        "country",
        _("Country"),
        "countries",
        country_code,
        lambda value, _goals: country_name(value),
        by_label,
    ),
    Facet(
        "sector",
        _("Partner sector"),
        "sectors",
        one_of(Organisation.Kind.values),
        lambda value, _goals: Organisation.Kind(value).label,
        by_label,
    ),
    Facet(
        "type",
        _("Cooperation type"),
        "cooperation_type",
        one_of(CooperationType.values),
        lambda value, _goals: CooperationType(value).label,
        by_label,
        array=False,
    ),
    Facet(
        "sdg",
        _("Sustainable development goal"),
        "sdg_numbers",
        number_between(1, 17),
        lambda value, goals: f"{value}. {goals.get(int(value), '')}",
        lambda option: int(option["value"]),
    ),
    Facet(
        "phase",
        _("Status"),
        "phase",
        one_of(Phase.values),
        lambda value, _goals: Phase(value).label,
        in_order(Phase.values),
        array=False,
        aliases=("status",),
    ),
    Facet(
        "year",
        _("Year"),
        "years",
        number_between(1900, 2200),
        lambda value, _goals: value,
        lambda option: -int(option["value"]),
    ),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
# Extra rows in the same query: the current list by region and by SDG, for the chart.
CHART_FACETS = {"chart-region": "region", "chart-sdg": "sdg"}


def redirect_renamed(request):
    """A permanent redirect to the same address with today's facet names, or None.

    ``?status=`` was the phase facet's first name; old links keep working."""
    aliases = {alias: facet.key for facet in FACETS for alias in facet.aliases}
    if not aliases.keys() & request.GET.keys():
        return None
    query = request.GET.copy()
    for alias, key in aliases.items():
        values = query.pop(alias, [])
        if values and key not in query:
            query.setlist(key, values)
    return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")


def selected_from(params):
    """{facet key: clean value} for the facets the URL selects; unknown values are ignored."""
    selection = {}
    for facet in FACETS:
        value = facet.clean(params.get(facet.key))
        if value is not None:
            selection[facet.key] = value
    return selection


def filter_projects(queryset, selection, today=None):
    """``queryset`` with the phase as of ``today`` and the selection's filters."""
    queryset = queryset.with_phase(today or timezone.localdate())
    for key, value in selection.items():
        queryset = FACETS_BY_KEY[key].apply(queryset, value)
    return queryset


def count_facets(queryset, selection, today=None):
    """{facet key: {value: count}}; each facet counted with the other facets' filters only.

    So a count says how many projects the list would show if the visitor
    picked that value instead of the current one. Also gives the chart's
    rows ("chart-region", "chart-sdg") for the current list.

    One query that reads the projects once: each row with every facet's column
    and, per selected facet, whether it matches; each facet then counts the rows
    that match the other selected facets.
    """
    today = today or timezone.localdate()
    selected = [FACETS_BY_KEY[key] for key in selection]
    matches = {
        facet.match_column: ExpressionWrapper(
            facet.condition(selection[facet.key]), output_field=BooleanField()
        )
        for facet in selected
    }
    columns = [facet.column for facet in FACETS]
    rows = queryset.with_phase(today).annotate(**matches).order_by()
    inner, params = rows.values(*columns, *matches).query.sql_with_params()
    parts = [
        facet.counts_sql(
            "rows", [other.match_column for other in selected if other.key != facet.key]
        )
        for facet in FACETS
    ]
    for chart_key, facet_key in CHART_FACETS.items():
        parts.append(FACETS_BY_KEY[facet_key].counts_sql("rows", list(matches), label=chart_key))
    # The inner query is Django's, its parameters apart; the rest is the site's own names.
    unions = " UNION ALL ".join(f"({part})" for part, _params in parts)
    sql = f"WITH rows AS MATERIALIZED ({inner}) {unions}"
    params = [*params, *(param for _part, part_params in parts for param in part_params)]
    result = {facet.key: {} for facet in FACETS} | {key: {} for key in CHART_FACETS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            result[facet][value] = count
    return result
