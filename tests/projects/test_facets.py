"""Facet counts against the hand-counted portfolio (conftest.py), and every filter in the URL."""

import datetime
import itertools

import pytest
from django.urls import reverse

from projects.facets import count_facets, selected_from
from projects.models import Project

pytestmark = pytest.mark.django_db

# Counted by hand from conftest.portfolio for Nynorsk on 15 June 2026 (A-E; F is a
# draft, G exists only in English).
EXPECTED = {
    "region": {"africa": 3, "europe": 3, "asia": 1, "latin-america": 1},
    "subregion": {
        "eastern-africa": 3,
        "northern-europe": 3,
        "south-eastern-asia": 1,
        "south-america": 1,
    },
    "country": {"KE": 2, "NO": 3, "ET": 1, "TZ": 1, "UG": 1, "VN": 1, "KH": 1, "CO": 1},
    "sector": {"civil_society": 4, "public": 4, "private": 2},
    "type": {"triangular": 2, "south-south": 2, "north-south": 1},
    "sdg": {"17": 5, "5": 2, "3": 1, "4": 1},
    "phase": {"ongoing": 2, "completed": 2, "planned": 1},
    "year": {"2022": 1, "2023": 2, "2024": 2, "2025": 3, "2026": 4, "2027": 2, "2028": 1},
}


def counts_for(params, language="nn"):
    return count_facets(Project.objects.public(language), selected_from(params))


def titles_on(client, params, language="nn"):
    from django.utils import translation

    with translation.override(language):
        response = client.get(reverse("projects:index"), params)
    assert response.status_code == 200
    return sorted(project.title for project in response.context["project_list"])


def test_counts_without_filters_match_the_hand_count(portfolio):
    counts = counts_for({})
    for facet, expected in EXPECTED.items():
        assert counts[facet] == expected, facet


def test_counts_for_a_facet_ignore_its_own_choice_but_follow_the_others(portfolio):
    counts = counts_for({"type": "triangular", "region": "africa", "sdg": "5"})
    # Type: Africa and SDG 5 give A (triangular) and C (south-south).
    assert counts["type"] == {"triangular": 1, "south-south": 1}
    # Region: triangular and SDG 5 give only A, in Africa and Europe.
    assert counts["region"] == {"africa": 1, "europe": 1}
    # SDG: triangular in Africa gives A and B.
    assert counts["sdg"] == {"17": 2, "5": 1, "3": 1}
    # The chart counts the list itself: A only.
    assert counts["chart-region"] == {"africa": 1, "europe": 1}
    assert counts["chart-sdg"] == {"5": 1, "17": 1}


def test_english_counts_include_the_english_only_project(portfolio):
    counts = counts_for({}, language="en")
    assert counts["region"]["africa"] == 4
    assert counts["subregion"]["western-africa"] == 1
    assert counts["sdg"]["8"] == 1


def test_drafts_are_never_counted(portfolio):
    counts = counts_for({"country": "KE"})
    assert counts["type"] == {"triangular": 1, "south-south": 1}  # F (draft) would make it 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "africa"}, "ABC"),
        ({"region": "asia"}, "D"),
        ({"region": "latin-america"}, "E"),
        ({"subregion": "eastern-africa"}, "ABC"),
        ({"subregion": "northern-europe"}, "ABE"),
        ({"country": "KE"}, "AC"),
        ({"country": "ke"}, "AC"),
        ({"sector": "private"}, "BD"),
        ({"type": "triangular"}, "AB"),
        ({"type": "north-south"}, "E"),
        ({"sdg": "5"}, "AC"),
        ({"sdg": "17"}, "ABCDE"),
        ({"phase": "ongoing"}, "AD"),
        ({"phase": "completed"}, "BE"),
        ({"phase": "planned"}, "C"),
        ({"year": "2023"}, "BE"),
        ({"year": "2028"}, "C"),
        ({"type": "triangular", "subregion": "eastern-africa", "sdg": "5"}, "A"),
        ({"region": "africa", "phase": "ongoing"}, "A"),
        ({"region": "europe", "sector": "public", "year": "2025"}, "AE"),
        ({"country": "NO", "type": "south-south"}, ""),
        (
            {
                "region": "africa",
                "subregion": "eastern-africa",
                "country": "KE",
                "sector": "civil_society",
                "type": "south-south",
                "sdg": "5",
                "phase": "planned",
                "year": "2027",
            },
            "C",
        ),
    ],
)
def test_each_filter_and_combination_in_the_url_gives_the_right_projects(
    client, portfolio, params, expected
):
    wanted = sorted(portfolio[key].title_nn for key in expected)
    assert titles_on(client, params) == wanted


def test_unknown_filter_values_are_ignored(client, portfolio):
    params = {"sdg": "99", "country": "XX", "region": "atlantis", "year": "soon", "type": "x"}
    assert len(titles_on(client, params)) == 5


def test_triangular_projects_in_east_africa_for_sdg_5_in_every_language(client, portfolio):
    params = {"type": "triangular", "subregion": "eastern-africa", "sdg": "5"}
    for language in ("nn", "nb", "en"):
        assert titles_on(client, params, language) == [portfolio["A"].title]


def test_the_page_shows_each_facet_value_with_its_count(client, portfolio):
    response = client.get(reverse("projects:index"), {"type": "triangular"})
    html = response.content.decode()
    assert '<option value="africa">Afrika (2)</option>' in html
    assert '<option value="triangular" selected>Triangulært (2)</option>' in html
    assert '<option value="south-south">Sør–sør (2)</option>' in html
    assert '<option value="eastern-africa">Aust-Afrika (2)</option>' in html


# Any combination: checked against the projects' attributes, worked out in Python.
SAMPLE_VALUES = {
    "region": "africa",
    "subregion": "northern-europe",
    "country": "KE",
    "sector": "public",
    "type": "triangular",
    "sdg": "5",
    "phase": "ongoing",
    "year": "2026",
}


def matches(project, key, value):
    today = datetime.date(2026, 6, 15)
    if key == "phase":
        planned, completed = project.start_date > today, project.end_date < today
        return value == ("planned" if planned else "completed" if completed else "ongoing")
    column = {
        "region": project.regions,
        "subregion": project.subregions,
        "country": project.countries,
        "sector": project.sectors,
        "sdg": [str(n) for n in project.sdg_numbers],
        "year": [str(y) for y in project.years],
    }.get(key)
    return value in column if column is not None else project.cooperation_type == value


@pytest.mark.parametrize("pair", list(itertools.combinations(SAMPLE_VALUES, 2)))
def test_every_pair_of_filters_gives_the_projects_that_match_both(client, portfolio, pair):
    params = {key: SAMPLE_VALUES[key] for key in pair}
    public = [portfolio[key] for key in "ABCDE"]
    expected = sorted(
        p.title_nn for p in public if all(matches(p, k, v) for k, v in params.items())
    )
    assert titles_on(client, params) == expected


@pytest.mark.parametrize("facet", list(SAMPLE_VALUES))
def test_each_count_shown_is_the_number_of_projects_the_choice_gives(client, portfolio, facet):
    base = {"type": "triangular"} if facet != "type" else {"region": "africa"}
    response = client.get(reverse("projects:index"), base)
    options = next(f for f in response.context["facets"] if f["key"] == facet)["options"]
    assert options
    for option in options:
        chosen = client.get(reverse("projects:index"), base | {facet: option["value"]})
        assert chosen.context["paginator"].count == option["count"], option


# ?status= was the phase facet's first name -------------------------------------


def test_the_phase_facet_is_read_from_phase_in_the_url(client, portfolio):
    response = client.get(reverse("projects:index"), {"phase": "ongoing"})
    keys = [facet["key"] for facet in response.context["facets"]]
    assert "phase" in keys and "status" not in keys
    assert response.context["selection"]["phase"] == "ongoing"
    assert 'name="phase"' in response.content.decode()


@pytest.mark.parametrize("name", ["projects:index", "projects:csv", "projects:json"])
def test_old_status_links_redirect_to_phase_keeping_the_other_filters(client, portfolio, name):
    response = client.get(reverse(name), {"status": "ongoing", "region": "africa", "page": "1"})
    assert response.status_code == 301
    assert response["Location"] == f"{reverse(name)}?region=africa&page=1&phase=ongoing"


def test_an_old_status_link_shows_what_phase_shows(client, portfolio):
    old = client.get(reverse("projects:index"), {"status": "completed"}, follow=True)
    assert old.redirect_chain == [(f"{reverse('projects:index')}?phase=completed", 301)]
    assert titles_on(client, {"phase": "completed"}) == sorted(
        project.title for project in old.context["project_list"]
    )
    assert titles_on(client, {"phase": "completed"}) == sorted(
        portfolio[key].title_nn for key in "BE"
    )


def test_phase_in_the_url_wins_over_an_old_status(client, portfolio):
    response = client.get(reverse("projects:index"), {"status": "planned", "phase": "ongoing"})
    assert response["Location"] == f"{reverse('projects:index')}?phase=ongoing"
