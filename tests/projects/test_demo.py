"""Demo content: the hand-written projects and the benchmark ones, safe to load twice."""

import pytest

from norec_site import demo
from projects import demo as projects_demo
from projects.models import Partnership, Project

pytestmark = pytest.mark.django_db


def test_demo_projects_cover_three_regions_every_type_and_load_twice(media_root):
    shared = demo.seed_shared()
    projects_demo.seed(shared)
    count = Project.objects.count()
    projects_demo.seed(shared)
    assert Project.objects.count() == count >= 12
    public = Project.objects.published()
    regions = {region for row in public.values_list("regions", flat=True) for region in row}
    assert {"africa", "asia", "latin-america"} <= regions
    types = set(public.values_list("cooperation_type", flat=True))
    assert types == {"south-south", "triangular", "north-south"}
    sectors = {sector for row in public.values_list("sectors", flat=True) for sector in row}
    assert sectors == {"civil_society", "private", "public"}
    assert Project.objects.public("nb").exists() and Project.objects.public("en").exists()
    assert Project.objects.filter(gallery__isnull=False).exists()
    assert all(17 in numbers for numbers in public.values_list("sdg_numbers", flat=True))
    east_africa = public.filter(
        cooperation_type="triangular",
        subregions__contains=["eastern-africa"],
        sdg_numbers__contains=[5],
    )
    assert east_africa.exists()


def test_scale_adds_projects_in_bulk_once(capsys):
    projects_demo.seed_scale(None, 25)
    projects_demo.seed_scale(None, 25)
    assert Project.objects.count() == 25
    assert Partnership.objects.count() == 75
    project = Project.objects.order_by("pk").first()
    assert project.countries and project.regions and project.sdg_numbers
    assert Project.objects.public("nn").count() == 25
