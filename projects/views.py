"""Public project pages: the list with its facets and charts, and the project."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import CharField, F, OuterRef, Prefetch, Value
from django.db.models.functions import Coalesce, NullIf
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import get_language

from norec_site.languages import language_codes, language_links
from norec_site.models import SustainableDevelopmentGoal, Topic, with_renditions
from norec_site.page_cache import fragment
from norec_site.templatetags.norec import query_string
from norec_site.views import PublishableDetailView, PublishableListView

from .charts import bar_chart
from .facets import FACETS, count_facets, filter_projects, redirect_renamed, selected_from
from .models import Partnership, Project, ProjectImage
from .regions import REGIONS, region_name

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


# One <option> of a facet's menu, with the space around it that the list's template had.
OPTION = '\n        <option value="{}"{}>{} ({})</option>\n        '


def options_html(options):
    """A facet's <option>s: about a hundred a page, cheaper here than in the template."""
    rows = (
        (
            option["value"],
            " selected" if option["selected"] else "",
            option["label"],
            option["count"],
        )
        for option in options
    )
    return format_html_join("", OPTION, rows)


class ProjectListView(PublishableListView):
    model = Project
    template_name = "projects/project_list.html"

    def get(self, request, *args, **kwargs):
        return redirect_renamed(request) or super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.today = self.today or timezone.localdate()  # a stand-in while compiled
        self.selection = selected_from(self.request.GET)
        self.base = super().get_queryset()
        return (
            filter_projects(self.base, self.selection, self.today)
            .for_cards(self.today)
            .order_by("-start_date", "pk")
        )

    def counted_from_figures(self):
        return not self.selection

    def compiled_key(self):
        return tuple(sorted(self.selection.items()))  # only values the facets know

    @cached_property
    def facets(self):
        """The facets' counts, options and charts, kept per content version, language, day
        and selection (whose values the facets know: a bounded set of keys)."""
        selection = tuple(sorted(self.selection.items()))
        key = ("project facets", get_language(), self.today, selection)
        return fragment(self.request, key, self.make_facets)

    def make_facets(self):
        counts = count_facets(self.base, self.selection, self.today)
        goals = list(SustainableDevelopmentGoal.objects.order_by("number"))
        sdg_names = {goal.number: goal.name for goal in goals}
        facets = []
        for facet in FACETS:
            selected = self.selection.get(facet.key)
            options = facet.options(counts[facet.key], selected, sdg_names)
            facets.append(
                {
                    "key": facet.key,
                    "label": facet.label,
                    "options": options,
                    "options_html": options_html(options),
                    "selected": selected,
                }
            )
        region_counts = counts["chart-region"]
        sdg_counts = counts["chart-sdg"]
        region_chart = bar_chart(
            [(region_name(key), region_counts.get(key, 0), REGION_COLOURS[key]) for key in REGIONS]
        )
        sdg_chart = bar_chart(
            [
                (f"{goal.number}. {goal.name}", sdg_counts.get(str(goal.number), 0), goal.colour)
                for goal in goals
            ]
        )
        # Some hundred figures, each localized: rendered here once, not on every visit.
        charts = {"region_chart": region_chart, "sdg_chart": sdg_chart}
        charts_html = render_to_string("projects/includes/project_charts.html", charts)
        return {"counts": counts, "facets": facets, "charts_html": charts_html}

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.selection:
            # Each facet counts the rows that match the other facets; the selected value's
            # count is then the number of rows that match them all: what the list shows.
            key, value = next(iter(self.selection.items()))
            paginator.count = self.facets["counts"][key].get(str(value), 0)
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.facets["facets"]
        context["charts_html"] = self.facets["charts_html"]
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
        query = query_string(self.request.GET)
        context["csv_url"] = reverse("projects:csv") + query
        context["json_url"] = reverse("projects:json") + query
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
        return reverse("projects:index") + query_string(self.request.GET, **{key: None})


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
            .with_phase(self.today)
            .annotate(topic_names=topic_names(language))
            .prefetch_related(
                partners_prefetch(),
                "sdgs",
                gallery_prefetch(),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related"] = self.object.related_public(get_language())
        return context
