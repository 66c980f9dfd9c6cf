"""Project rules: dates, identifiers, default goal, computed countries and regions, status."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from norec_site.models import Organisation, Status
from projects.models import Partnership, Phase, Project
from projects.regions import SUBREGION_OF, SUBREGIONS, place_of
from projects.services import refresh_facets

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_database_refuses_an_end_date_before_the_start(db):
    project = ProjectFactory()
    with (
        pytest.raises(IntegrityError, match="projects_project_end_after_start"),
        transaction.atomic(),
    ):
        Project.objects.filter(pk=project.pk).update(end_date=project.start_date)


def test_clean_says_which_dates_to_correct(english):
    project = ProjectFactory()
    project.end_date = D(2024, 12, 31)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    message = error.value.message_dict["end_date"][0]
    assert "The end date (2024-12-31) must come after the start date (2025-01-01)" in message


def test_a_project_needs_one_complete_language(english):
    project = ProjectFactory()
    project.summary_nn = project.summary_nb = project.summary_en = ""
    with pytest.raises(ValidationError, match="at least one language"):
        project.full_clean()


@pytest.mark.parametrize("value", ["NO-BRC-971277882-PRJ1", "XM-DAC-7-PPR-4321", "GB-CHC-123-a/1"])
def test_iati_identifier_in_reporting_org_and_activity_shape_is_accepted(value):
    project = ProjectFactory()
    project.iati_identifier = value
    project.full_clean()


@pytest.mark.parametrize("value", ["PRJ1", "norec project", "NO-", "1-2-3"])
def test_iati_identifier_of_another_shape_is_refused_with_an_example(value, english):
    project = ProjectFactory()
    project.iati_identifier = value
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "such as NO-BRC-971277882-PRJ123" in error.value.message_dict["iati_identifier"][0]


def test_iati_identifier_is_unique_when_set_and_empty_ones_never_clash(english):
    ProjectFactory(iati_identifier="NO-BRC-971277882-X1")
    ProjectFactory()
    ProjectFactory()
    duplicate = ProjectFactory()
    duplicate.iati_identifier = "NO-BRC-971277882-X1"
    with pytest.raises(ValidationError, match="already has this IATI identifier"):
        duplicate.full_clean()


def test_currency_must_be_an_iso_4217_code(english):
    project = ProjectFactory()
    project.grant_currency = "kr"
    with pytest.raises(ValidationError, match="ISO 4217"):
        project.full_clean()


def test_currency_is_nok_unless_chosen():
    assert ProjectFactory().grant_currency == "NOK"


def test_sdg_17_is_added_when_no_goal_is_chosen():
    assert list(ProjectFactory(sdgs=[]).sdgs.values_list("number", flat=True)) == [17]
    assert sorted(ProjectFactory(sdgs=[5]).sdgs.values_list("number", flat=True)) == [5]


def test_countries_regions_and_sectors_follow_the_partners():
    project = ProjectFactory(
        partners=[("NO", "private"), ("KE", "civil_society"), ("PE", "public")]
    )
    assert project.countries == ["KE", "NO", "PE"]
    assert project.regions == ["africa", "europe", "latin-america"]
    assert project.subregions == ["eastern-africa", "northern-europe", "south-america"]
    assert project.sectors == ["civil_society", "private", "public"]


def test_adding_changing_and_removing_partners_recomputes_the_columns():
    project = ProjectFactory(partners=[("KE", "civil_society")])
    organisation = Organisation.objects.create(name="Asia partner", country="VN", kind="private")
    partner = Partnership.objects.create(project=project, organisation=organisation)
    project.refresh_from_db()
    assert project.countries == ["KE", "VN"]
    assert project.regions == ["africa", "asia"]
    partner.country = "TH"
    partner.save()
    project.refresh_from_db()
    assert project.countries == ["KE", "TH"]
    partner.delete()
    project.refresh_from_db()
    assert project.countries == ["KE"]
    assert project.sectors == ["civil_society"]


def test_changing_an_organisations_kind_changes_the_projects_sectors():
    project = ProjectFactory(partners=[("KE", "civil_society")])
    organisation = project.partnerships.get().organisation
    organisation.kind = Organisation.Kind.PRIVATE
    organisation.save()
    project.refresh_from_db()
    assert project.sectors == ["private"]


def test_goals_changed_later_are_counted():
    project = ProjectFactory(sdgs=[5])
    project.sdgs.add(*type(project.sdgs.first()).objects.filter(number__in=[1, 2]))
    project.refresh_from_db()
    assert project.sdg_numbers == [1, 2, 5]
    project.sdgs.clear()
    project.refresh_from_db()
    assert project.sdg_numbers == []


def test_partner_without_a_country_takes_the_organisations():
    project = ProjectFactory(partners=[("UG", "public")])
    assert project.partnerships.get().country == "UG"


def test_one_coordinating_partner_per_project(english):
    project = ProjectFactory(partners=[("KE", "civil_society"), ("UG", "public")])
    second = project.partnerships.get(role=Partnership.Role.PARTNER)
    second.role = Partnership.Role.COORDINATING
    with pytest.raises(ValidationError, match="one coordinating partner"):
        second.full_clean()


def test_years_cover_the_whole_period():
    project = ProjectFactory(start=D(2024, 11, 1), end=D(2026, 2, 1))
    assert project.years == [2024, 2025, 2026]
    project.end_date = D(2027, 1, 1)
    project.save()
    project.refresh_from_db()
    assert project.years == [2024, 2025, 2026, 2027]


@pytest.mark.parametrize(
    ("start", "end", "phase"),
    [
        (D(2026, 6, 16), D(2027, 1, 1), Phase.PLANNED),
        (D(2026, 6, 15), D(2027, 1, 1), Phase.ONGOING),
        (D(2025, 1, 1), D(2026, 6, 15), Phase.ONGOING),
        (D(2025, 1, 1), D(2026, 6, 14), Phase.COMPLETED),
    ],
)
def test_status_follows_the_dates_on_the_day_it_is_asked(start, end, phase):
    project = ProjectFactory(start=start, end=end)
    assert project.phase_on() == phase
    assert Project.objects.with_phase().get(pk=project.pk).phase == phase
    assert list(Project.objects.in_phase(phase)) == [project]


def test_slug_spells_out_norwegian_letters_per_language():
    project = ProjectFactory()
    project.title_nn = "Sør-sør-samarbeid på Ørland"
    project.slug_nn = ""
    project.save()
    assert project.slug_nn == "sor-sor-samarbeid-pa-orland"


def test_lists_see_a_project_only_in_its_complete_languages():
    project = ProjectFactory(languages=("nn", "en"))
    assert project.available_languages() == ["nn", "en"]
    assert Project.objects.public("nb").filter(pk=project.pk).exists() is False
    assert Project.objects.public("en").filter(pk=project.pk).exists() is True


def test_draft_is_not_published():
    project = ProjectFactory(status=Status.DRAFT)
    assert not Project.objects.published().filter(pk=project.pk).exists()


def test_every_subregion_belongs_to_a_region_and_partner_countries_have_one():
    for _code, (region, _name) in SUBREGIONS.items():
        assert region
    for code in ("KE", "ET", "NG", "ZA", "EG", "CD", "IN", "NP", "VN", "ID", "CN", "KZ", "JO",
                 "CO", "BR", "GT", "HT", "MX", "NO", "GB", "UA", "ES", "DE"):  # fmt: skip
        assert code in SUBREGION_OF, code
    assert place_of("ke") == ("africa", "eastern-africa")
    assert place_of("XX") == ("", "")


def test_region_names_are_translated():
    with translation.override("nn"):
        assert str(SUBREGIONS["eastern-africa"][1]) == "Aust-Afrika"
    with translation.override("nb"):
        assert str(SUBREGIONS["eastern-africa"][1]) == "Øst-Afrika"
    with translation.override("en"):
        assert str(SUBREGIONS["eastern-africa"][1]) == "Eastern Africa"


def test_refresh_facets_is_idempotent():
    project = ProjectFactory()
    assert refresh_facets(project.pk) == refresh_facets(project.pk)


def test_projects_and_reports_import_nothing_from_the_apps_that_point_to_them():
    """Links are declared on the pointing side: projects never reads news, reports
    never reads news or projects."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    forbidden = {"projects": {"news"}, "reports": {"news", "projects"}}
    for app, others in forbidden.items():
        paths = list((root / app).rglob("*.py"))
        assert len(paths) > 10
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                for name in names:
                    assert name.split(".")[0] not in others, f"{path} imports {name}"
