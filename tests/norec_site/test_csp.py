"""Content-Security-Policy and the other headers that the site's pages carry."""

import re
from pathlib import Path

import pytest

from norec_site.groups import COMMUNICATIONS
from norec_site.models import SustainableDevelopmentGoal
from tests.factories import UserFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_strict(policy):
    assert policy["default-src"] == ["'none'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[name]
        assert "'unsafe-eval'" not in policy[name]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]


def test_public_pages_have_a_strict_policy_without_nonce_and_no_inline_style(client):
    report = ReportFactory(files=["en"])
    report.sdgs.add(*SustainableDevelopmentGoal.objects.filter(number__in=[5, 17]))
    project = ProjectFactory(sdgs=[4, 17])
    for url in ("/nn/", report.get_absolute_url(), project.get_absolute_url(), "/nn/sok/?q=a"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        policy = directives(response)
        assert_strict(policy)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        html = response.content.decode()
        assert "nonce" not in html
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", html)


def test_goal_colours_are_classes_that_match_the_goals():
    css = (ROOT / "static/css/site.css").read_text()
    for goal in SustainableDevelopmentGoal.objects.all():
        colours = f"background: {goal.colour.lower()}; color: {goal.text_colour};"
        assert f".sdg__number--{goal.number} {{ {colours} }}" in css


def test_admin_pages_use_a_nonce_on_their_inline_scripts_and_styles(client):
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    response = client.get("/admin/news/article/add/")
    assert response.status_code == 200
    policy = directives(response)
    assert_strict(policy)
    nonce = re.search(r"'nonce-([^']+)'", " ".join(policy["script-src"])).group(1)
    assert f"'nonce-{nonce}'" in policy["style-src"]
    html = response.content.decode()
    assert re.search(rf'<script type="importmap" nonce="{re.escape(nonce)}"', html)
    assert f'<style data-tiptap-style nonce="{nonce}">' in html
    # A fresh nonce for each answer.
    assert nonce not in client.get("/admin/news/article/add/")["Content-Security-Policy"]


def test_every_answer_says_which_browser_features_are_off(client):
    policy = client.get("/nn/")["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in policy


def test_served_pdf_is_inline_nosniff_and_under_the_policy(client):
    report = ReportFactory(files=["en"])
    report_file = report.files.get()
    response = client.get(report_file.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{report_file.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = directives(response)
    assert_strict(policy)
    assert "sandbox" not in policy  # it would stop Chromium's PDF viewer
