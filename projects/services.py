"""Writes that span a project and its partners, and the facet columns they feed."""

from norec_site.history import recorded
from norec_site.models import SustainableDevelopmentGoal
from norec_site.page_cache import content_changed

from .models import Partnership, Project
from .regions import place_of

DEFAULT_SDG = 17


def facet_columns(partners, sdg_numbers):
    """The denormalised facet values for (country, organisation kind) pairs and SDG numbers."""
    countries = sorted({str(country) for country, _kind in partners if country})
    places = [place_of(code) for code in countries]
    return {
        "countries": countries,
        "regions": sorted({region for region, _sub in places if region}),
        "subregions": sorted({sub for _region, sub in places if sub}),
        "sectors": sorted({kind for _country, kind in partners if kind}),
        "sdg_numbers": sorted(set(sdg_numbers)),
    }


def refresh_facets(project_id):
    """Recompute a project's countries, regions, sectors and SDGs from its partners and goals.

    Called whenever partners or goals change, so the list page can count
    facets with a fixed number of queries instead of joining per project.
    """
    partners = Partnership.objects.filter(project_id=project_id).values_list(
        "country", "organisation__kind"
    )
    numbers = SustainableDevelopmentGoal.objects.filter(projects__pk=project_id).values_list(
        "number", flat=True
    )
    columns = facet_columns(list(partners), list(numbers))
    Project.objects.filter(pk=project_id).update(**columns)
    content_changed()  # update() sends no signal; the facet counts are kept per version
    return columns


def ensure_default_sdg(project):
    """Every Norec project serves SDG 17: add it when an editor chose no goal."""
    if not project.sdgs.exists():
        project.sdgs.add(SustainableDevelopmentGoal.objects.get(number=DEFAULT_SDG))


@recorded()
def create_project(*, partners, sdg_numbers=(), topics=(), images=(), reports=(), **fields):
    """A project with its partners, goals, topics and gallery, checked as the admin would.

    ``partners`` is a list of (organisation, role, country) with country "" to
    use the organisation's own.
    """
    project = Project(**fields)
    project.full_clean()
    project.save()
    for organisation, role, country in partners:
        partnership = Partnership(
            project=project, organisation=organisation, role=role, country=country
        )
        partnership.full_clean()
        partnership.save()
    if sdg_numbers:
        project.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=sdg_numbers))
    ensure_default_sdg(project)
    project.topics.set(topics)
    project.related_reports.set(reports)
    for position, image in enumerate(images):
        project.gallery.create(image=image, position=position)
    for name, value in refresh_facets(project.pk).items():
        setattr(project, name, value)
    return project
