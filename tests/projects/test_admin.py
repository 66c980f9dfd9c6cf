"""Project editors in the admin: partners inline, computed countries, clear form errors."""

import pytest
from django.urls import reverse

from norec_site.models import Organisation
from projects.models import Partnership, Project
from tests.factories import UserFactory

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(groups=["Project editors"])
    client.force_login(user)
    return user


@pytest.fixture
def organisations(db):
    return {
        code: Organisation.objects.create(name=f"Partner in {code}", country=code, kind=kind)
        for code, kind in [("KE", "civil_society"), ("NO", "public"), ("VN", "private")]
    }


def form_data(partners=(), project=None, **changes):
    """What the admin form posts; ``partners`` are (organisation, role, country) to add."""
    data = {
        "title_nn": "Helsearbeidarar på utveksling",
        "title_nb": "",
        "title_en": "",
        "slug_nn": "",
        "slug_nb": "",
        "slug_en": "",
        "summary_nn": "Kort samandrag.",
        "summary_nb": "",
        "summary_en": "",
        "description_nn": "<p>Lengre skildring.</p>",
        "description_nb": "",
        "description_en": "",
        "cooperation_type": "triangular",
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "participants": "6",
        "grant_amount": "1000000",
        "grant_currency": "NOK",
        "dac_sector": "12110",
        "iati_identifier": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "expected_version": str(project.version) if project else "",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
    }
    existing = list(project.partnerships.order_by("pk")) if project else []
    rows = [(p.organisation, p.role, p.country, p.pk) for p in existing]
    rows += [(org, role, country, None) for org, role, country in partners]
    data["partnerships-TOTAL_FORMS"] = str(len(rows))
    data["partnerships-INITIAL_FORMS"] = str(len(existing))
    for index, (organisation, role, country, pk) in enumerate(rows):
        prefix = f"partnerships-{index}"
        data[f"{prefix}-organisation"] = str(organisation.pk)
        data[f"{prefix}-role"] = role
        data[f"{prefix}-country"] = str(country)
        data[f"{prefix}-id"] = str(pk) if pk else ""
        data[f"{prefix}-project"] = str(project.pk) if project else ""
    data.update(changes)
    return data


def errors_of(response):
    if response.status_code != 200 or "adminform" not in response.context:
        return None
    form_errors = response.context["adminform"].form.errors
    inline_errors = [
        (formset.formset.non_form_errors(), formset.formset.errors)
        for formset in response.context["inline_admin_formsets"]
    ]
    return form_errors, inline_errors


def test_editor_adds_a_project_with_partners_and_countries_follow(client, editor, organisations):
    partners = [
        (organisations["KE"], Partnership.Role.COORDINATING, ""),
        (organisations["NO"], Partnership.Role.PARTNER, ""),
        (organisations["VN"], Partnership.Role.PARTNER, "TH"),
    ]
    response = client.post(reverse("admin:projects_project_add"), form_data(partners))
    assert response.status_code == 302, errors_of(response)
    project = Project.objects.get()
    assert project.countries == ["KE", "NO", "TH"]
    assert project.regions == ["africa", "asia", "europe"]
    assert project.subregions == ["eastern-africa", "northern-europe", "south-eastern-asia"]
    assert project.sectors == ["civil_society", "private", "public"]
    assert list(project.sdgs.values_list("number", flat=True)) == [17]
    assert project.updated_by == editor


def test_editor_removes_a_partner_and_the_region_goes(client, editor, organisations):
    project = ProjectFactory(partners=[("KE", "civil_society"), ("VN", "private")])
    data = form_data(project=project)
    data["partnerships-1-DELETE"] = "on"
    data["_publish"] = "1"  # published: plain Save would make a draft
    response = client.post(reverse("admin:projects_project_change", args=[project.pk]), data)
    assert response.status_code == 302, errors_of(response)
    project.refresh_from_db()
    assert project.countries == ["KE"]
    assert project.regions == ["africa"]


def test_end_before_start_is_a_form_error_that_says_what_to_fix(client, editor, organisations):
    partners = [(organisations["KE"], Partnership.Role.COORDINATING, "")]
    data = form_data(partners, start_date="2026-01-01", end_date="2025-06-30")
    response = client.post(reverse("admin:projects_project_add"), data)
    assert response.status_code == 200
    assert "Sluttdatoen (2025-06-30) må kome etter startdatoen (2026-01-01)" in (
        response.content.decode()
    )
    assert not Project.objects.exists()


def test_two_coordinating_partners_are_refused(client, editor, organisations):
    partners = [
        (organisations["KE"], Partnership.Role.COORDINATING, ""),
        (organisations["NO"], Partnership.Role.COORDINATING, ""),
    ]
    response = client.post(reverse("admin:projects_project_add"), form_data(partners))
    assert response.status_code == 200
    assert "Merk nøyaktig éin partnar som koordinerande partnar" in response.content.decode()
    assert not Project.objects.exists()


def test_editor_without_publish_permission_cannot_publish(client, organisations):
    client.force_login(UserFactory(groups=[]))
    user = UserFactory()
    from django.contrib.auth.models import Permission

    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["add_project", "change_project", "view_project", "add_partnership",
                          "change_partnership", "view_partnership", "view_organisation"]
        )
    )  # fmt: skip
    client.force_login(user)
    partners = [(organisations["KE"], Partnership.Role.COORDINATING, "")]
    response = client.post(
        reverse("admin:projects_project_add"), form_data(partners, status="published")
    )
    assert response.status_code == 302, errors_of(response)
    assert Project.objects.get().status == "draft"


@pytest.mark.parametrize(
    "query",
    ["region=africa", "subregion=eastern-africa", "country=KE", "sector=public",
     "cooperation_type__exact=triangular", "phase=ongoing", "sdgs__id__exact=1", "state=draft"],
)  # fmt: skip
def test_admin_list_filters_by_facets(client, editor, query):
    ProjectFactory(
        partners=[("KE", "civil_society"), ("UG", "public")], cooperation_type="triangular"
    )
    response = client.get(reverse("admin:projects_project_changelist") + "?" + query)
    assert response.status_code == 200


def test_admin_list_shows_countries_and_status(client, editor):
    ProjectFactory(partners=[("KE", "civil_society"), ("NO", "public")])
    html = client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert "Kenya, Noreg" in html
    assert "Pågåande" in html
