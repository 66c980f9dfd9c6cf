"""Project editors manage partner projects: partners inline, facets as filters."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from norec_site.countries import country_name
from norec_site.models import Organisation
from norec_site.publishable_admin import OrderedPickInline, PublishableAdmin

from .models import Partnership, Phase, Project, ProjectImage
from .regions import REGIONS, SUBREGIONS
from .services import ensure_default_sdg, refresh_facets


class ArrayValueFilter(admin.SimpleListFilter):
    """Filter on one value of a denormalised array column."""

    column = ""

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.column}__contains": [self.value()]})
        return queryset


class RegionFilter(ArrayValueFilter):
    title = _("region")
    parameter_name = "region"
    column = "regions"

    def lookups(self, request, model_admin):
        return list(REGIONS.items())


class SubregionFilter(ArrayValueFilter):
    title = _("sub-region")
    parameter_name = "subregion"
    column = "subregions"

    def lookups(self, request, model_admin):
        return [(key, name) for key, (_region, name) in SUBREGIONS.items()]


class CountryFilter(ArrayValueFilter):
    title = _("country")
    parameter_name = "country"
    column = "countries"

    def lookups(self, request, model_admin):
        used = Project.objects.exclude(countries=[]).values_list("countries", flat=True)
        codes = sorted({code for row in used for code in row})
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])


class SectorFilter(ArrayValueFilter):
    title = _("partner sector")
    parameter_name = "sector"
    column = "sectors"

    def lookups(self, request, model_admin):
        return Organisation.Kind.choices


class PhaseFilter(admin.SimpleListFilter):
    title = _("project status")
    parameter_name = "phase"

    def lookups(self, request, model_admin):
        return Phase.choices

    def queryset(self, request, queryset):
        if self.value() in Phase.values:
            return queryset.in_phase(self.value(), timezone.localdate())
        return queryset


class PartnershipFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organisation")
        ]
        coordinators = [
            f for f in kept if f.cleaned_data.get("role") == Partnership.Role.COORDINATING
        ]
        if kept and len(coordinators) != 1:
            raise forms.ValidationError(
                _(
                    "Mark exactly one partner as the coordinating partner; "
                    "the others are partners."
                ),
                code="coordinator",
            )


class PartnershipInline(admin.TabularInline):
    model = Partnership
    formset = PartnershipFormSet
    extra = 2
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "role", "country")


class ProjectImageInline(OrderedPickInline):
    model = ProjectImage
    picked = "image"


@admin.register(Project)
class ProjectAdmin(PublishableAdmin):
    list_display = (
        "title",
        "cooperation_type",
        "start_date",
        "end_date",
        "phase_label",
        "country_list",
        "state",
        "languages",
        "public_link",
    )
    list_filter = (
        *PublishableAdmin.list_filter,
        RegionFilter,
        SubregionFilter,
        CountryFilter,
        SectorFilter,
        "cooperation_type",
        PhaseFilter,
        "sdgs",
    )
    search_fields = ("title_nn", "title_nb", "title_en", "iati_identifier")
    autocomplete_fields = ("topics", "related_reports")
    filter_horizontal = ("sdgs",)
    readonly_fields = ("facet_summary",)
    inlines = (PartnershipInline, ProjectImageInline)
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description")}),
        (
            _("Project"),
            {
                "fields": (
                    "cooperation_type",
                    ("start_date", "end_date"),
                    "participants",
                    ("grant_amount", "grant_currency"),
                    "dac_sector",
                    "iati_identifier",
                    "facet_summary",
                )
            },
        ),
        (_("Subjects and links"), {"fields": ("sdgs", "topics", "related_reports")}),
        (_("Publishing"), {"fields": PublishableAdmin.publishing_fields}),
        (_("History"), {"fields": ("updated_at", "updated_by", "version", "expected_version")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_phase()

    @admin.display(description=_("status"), ordering="start_date")
    def phase_label(self, obj):
        return obj.current_phase_label

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(obj.country_names()) or "–"

    @admin.display(description=_("countries and regions"))
    def facet_summary(self, obj):
        if not obj.pk or not obj.countries:
            return _("Follow from the partners' countries when you save.")
        return "; ".join(
            [", ".join(obj.country_names()), ", ".join(map(str, obj.subregion_names()))]
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ensure_default_sdg(form.instance)
        refresh_facets(form.instance.pk)
