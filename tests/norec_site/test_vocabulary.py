import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from norec_site.models import SustainableDevelopmentGoal

pytestmark = pytest.mark.django_db


def test_the_seventeen_goals_exist_in_three_languages():
    goals = SustainableDevelopmentGoal.objects.all()
    assert [goal.number for goal in goals] == list(range(1, 18))
    goal = goals.get(number=17)
    assert goal.name_en == "Partnerships for the goals"
    assert goal.name_nb == "Samarbeid for å nå målene"
    assert goal.name_nn == "Samarbeid for å nå måla"
    with translation.override("en"):
        assert str(goal) == "17. Partnerships for the goals"


def test_editor_groups_exist_with_their_permissions():
    communications = Group.objects.get(name="Communications")
    codenames = set(communications.permissions.values_list("codename", flat=True))
    assert {"add_image", "change_image"} <= codenames
    projects = Group.objects.get(name="Project editors")
    assert "change_organisation" in projects.permissions.values_list("codename", flat=True)
    assert Group.objects.filter(name="Report administrators").exists()


def test_organisation_admin_names_countries_in_nynorsk(client):
    from norec_site.models import Organisation
    from tests.conftest import log_in
    from tests.factories import UserFactory

    Organisation.objects.create(name="Oslo Partner", country="NO", kind="civil_society")
    Organisation.objects.create(name="Wiener Partner", country="AT", kind="private")
    log_in(client, UserFactory(is_superuser=True, admin_language="nn"))
    response = client.get("/admin/norec_site/organisation/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert ">Noreg<" in html
    assert ">Austerrike<" in html
