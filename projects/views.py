"""Public project pages, and the same lists as open data (CSV, JSON, IATI XML)."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import CharField, F, OuterRef, Prefetch, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponse, JsonResponse
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from norec_site.csvsafe import SafeWriter
from norec_site.languages import language_codes, language_links
from norec_site.models import SustainableDevelopmentGoal, Topic, with_renditions
from norec_site.views import PublishableDetailView, PublishableListView

from . import opendata
from .charts import bar_chart
from .facets import FACETS, count_facets, filter_projects, selected_from
from .iati import activities_xml, activity_identifier
from .models import Partnership, Phase, Project, ProjectImage
from .regions import REGIONS, SUBREGIONS, region_name

REGION_COLOURS = {
    "africa": "#0b4f6c",
    "asia": "#b5451b",
    "latin-america": "#2e7d32",
    "europe": "#6a4c93",
    "northern-america": "#4f5b69",
    "oceania": "#00838f",
}


def gallery_prefetch():
    images = with_renditions(ProjectImage.objects.all(), "image")
    return Prefetch("gallery", queryset=images)


def partners_prefetch():
    return Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation"))


def facet_options(facet, counts, selected, sdg_names):
    """(value, label, count, selected) for each value with projects, in a reading order."""
    values = set(counts) | ({str(selected)} if selected is not None else set())
    if facet.key == "region":
        order = list(REGIONS)
        values = sorted(values, key=lambda v: order.index(v) if v in order else len(order))
    elif facet.key == "subregion":
        order = list(SUBREGIONS)
        values = sorted(values, key=lambda v: order.index(v) if v in order else len(order))
    elif facet.key == "sdg":
        values = sorted(values, key=int)
    elif facet.key == "year":
        values = sorted(values, reverse=True)
    elif facet.key == "status":
        values = [v for v in Phase.values if v in values]
    options = [
        {
            "value": value,
            "label": facet.value_label(value, sdg_names),
            "count": counts.get(value, 0),
            "selected": selected is not None and str(selected) == value,
        }
        for value in values
    ]
    if facet.key in {"country", "sector", "type"}:
        options.sort(key=lambda option: str(option["label"]))
    return options


class ProjectListView(PublishableListView):
    model = Project
    template_name = "projects/project_list.html"

    def get_queryset(self):
        self.today = timezone.localdate()
        self.selection = selected_from(self.request.GET, self.today)
        self.base = super().get_queryset()
        return (
            filter_projects(self.base, self.selection, self.today)
            .for_cards(self.today)
            .order_by("-start_date", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = count_facets(self.base, self.selection, self.today)
        goals = list(SustainableDevelopmentGoal.objects.order_by("number"))
        sdg_names = {goal.number: goal.name for goal in goals}
        context["facets"] = [
            {
                "key": facet.key,
                "label": facet.label,
                "options": facet_options(
                    facet, counts[facet.key], self.selection.get(facet.key), sdg_names
                ),
                "selected": self.selection.get(facet.key),
            }
            for facet in FACETS
        ]
        context["selection"] = self.selection
        context["active_filters"] = [
            {
                "label": facet["label"],
                "value": option["label"],
                "remove_url": self.url_without(facet["key"]),
            }
            for facet in context["facets"]
            for option in facet["options"]
            if option["selected"]
        ]
        region_counts = counts["chart-region"]
        sdg_counts = counts["chart-sdg"]
        context["region_chart"] = bar_chart(
            [(region_name(key), region_counts.get(key, 0), REGION_COLOURS[key]) for key in REGIONS]
        )
        context["sdg_chart"] = bar_chart(
            [
                (f"{goal.number}. {goal.name}", sdg_counts.get(str(goal.number), 0), goal.colour)
                for goal in goals
            ]
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        suffix = f"?{query.urlencode()}" if query else ""
        context["csv_url"] = reverse("projects:csv") + suffix
        context["json_url"] = reverse("projects:json") + suffix
        context["iati_url"] = reverse("projects:iati")
        context["alternates"] = self.alternates()
        return context

    def alternates(self):
        """The same filtered list in each language: the switcher and hreflang keep the filters."""
        query = self.request.GET.urlencode()
        suffix = f"?{query}" if query else ""
        return language_links(
            (code, translate_url(self.request.path, code) + suffix) for code in language_codes()
        )

    def url_without(self, key):
        query = self.request.GET.copy()
        query.pop(key, None)
        query.pop("page", None)
        return reverse("projects:index") + (f"?{query.urlencode()}" if query else "")


def topic_names(language):
    """The project's topic names in ``language`` (else another), inside the project's own
    query: one query fewer keeps the page within its budget of eight."""
    fallbacks = [language, *(code for code in language_codes() if code != language)]
    label = Coalesce(
        *(NullIf(F(f"name_{code}"), Value("")) for code in fallbacks),
        output_field=CharField(),
    )
    names = Topic.objects.filter(projects=OuterRef("pk")).annotate(label=label).order_by("label")
    return ArraySubquery(names.values("label"))


class ProjectDetailView(PublishableDetailView):
    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        language = get_language()
        return (
            super()
            .get_queryset()
            .with_phase()
            .annotate(topic_names=topic_names(language))
            .prefetch_related(
                partners_prefetch(),
                "sdgs",
                gallery_prefetch(),
                Prefetch(
                    "related_reports",
                    queryset=self.report_queryset(language),
                    to_attr="public_reports",
                ),
                Prefetch(
                    "articles",
                    queryset=self.article_queryset(language),
                    to_attr="public_articles",
                ),
            )
        )

    @staticmethod
    def report_queryset(language):
        from reports.models import Report

        return Report.objects.public(language).order_by("-published_at")

    @staticmethod
    def article_queryset(language):
        from news.models import Article

        return Article.objects.public(language).order_by("-published_at")


def open_data_records(request):
    """The list page's projects (same filters, every page) as plain records."""
    language = get_language()
    today = timezone.localdate()
    selection = selected_from(request.GET, today)
    projects = (
        filter_projects(Project.objects.public(language), selection, today)
        .with_phase(today)
        .order_by("-start_date", "pk")
    )
    page_url = request.build_absolute_uri(reverse("projects:detail", kwargs={"slug": "-"}))
    return [
        {
            "id": row["pk"],
            "iati_identifier": activity_identifier(row["iati_identifier"], row["pk"]),
            "title": row["title"],
            "summary": row["summary"],
            "url": page_url.removesuffix("-/") + f"{row['slug']}/",
            "cooperation_type": row["cooperation_type"],
            "status": row["phase"],
            "start_date": row["start_date"].isoformat(),
            "end_date": row["end_date"].isoformat(),
            "participants": row["participants"],
            "grant_amount": None if row["grant_amount"] is None else str(row["grant_amount"]),
            "grant_currency": row["grant_currency"],
            "countries": row["countries"],
            "regions": row["regions"],
            "subregions": row["subregions"],
            "sectors": row["sectors"],
            "dac_sector": row["dac_sector"],
            "sdgs": row["sdg_numbers"],
            "partners": row["partners"],
        }
        for row in opendata.language_rows(projects, language)
    ]


CSV_COLUMNS = (
    "id",
    "iati_identifier",
    "title",
    "summary",
    "url",
    "cooperation_type",
    "status",
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
    "sdgs",
    "partners",
)


@require_GET
def projects_csv(request):
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
    rows = opendata.iati_rows(Project.objects.published().order_by("start_date", "pk"))
    document = activities_xml(rows, opendata.goal_names("en"))
    return HttpResponse(document, content_type="application/xml; charset=utf-8")
