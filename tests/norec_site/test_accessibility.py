"""WCAG 2.1 A and AA, checked by axe-core in Chromium on every public page type of the
demo, in three languages, at phone and desktop widths; with a screenshot of each.

axe-core comes from the npm registry into tests/tooling/ (``make install``). The
screenshots go to NOREC_SCREENSHOTS (``make test`` sets it and prints the folder).
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from news.models import Article
from norec_site.contrast import contrast_ratio
from norec_site.models import SitePage, SustainableDevelopmentGoal
from projects.models import Project
from reports.models import Report

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests/tooling/node_modules/axe-core/axe.min.js"
SCREENSHOTS = Path(os.environ.get("NOREC_SCREENSHOTS", ROOT / "test-screenshots"))
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_WORDS = {"nn": "rapport", "nb": "rapport", "en": "report"}


AXE_SOURCE = AXE.read_text() if AXE.exists() else ""


def public_page_types(language):
    """(name, path) of each public page type in ``language``, from the demo content."""
    with override(language):
        article = Article.objects.public(language).filter(featured=True).first()
        article = article or Article.objects.public(language).first()
        report = Report.objects.public(language).order_by("-publication_date").first()
        project = max(Project.objects.public(language), key=lambda p: p.partnerships.count())
        search = reverse("search")
        pages = [
            ("home", reverse("home")),
            ("news-list-topic", reverse("news:index") + "?topic=south-south"),
            ("reports-list-filters", reverse("reports:index") + "?sdg=17&topic=south-south"),
            ("projects-list-filters", reverse("projects:index") + "?region=africa&sdg=17"),
            ("article", article.get_absolute_url(language)),
            ("report", report.get_absolute_url(language)),
            ("project", project.get_absolute_url(language)),
            ("search-results", f"{search}?q={SEARCH_WORDS[language]}"),
            ("search-no-results", f"{search}?q=qxzqxz"),
            ("search-empty", search),
        ]
        if Project.objects.public(language).count() > 12:
            pages.append(("projects-list-page-2", reverse("projects:index") + "?page=2"))
        for page in SitePage.objects.public(language):
            pages.append((f"page-{page.slug_en or page.pk}", page.get_absolute_url(language)))
        pages.append(("not-found", f"/{language}/finst-ikkje-her/"))
    return pages


@pytest.mark.django_db
def test_every_goal_badge_number_is_readable_on_its_colour():
    """By construction: the number's colour is chosen by contrast, SDG 11's orange too."""
    for goal in SustainableDevelopmentGoal.objects.all():
        assert contrast_ratio(goal.colour, goal.text_colour) >= 4.5, goal


def test_only_the_scroll_box_scrolls_sideways():
    """A box that scrolls must be reachable by keyboard: only {% scrollable %} makes one."""
    css = (ROOT / "static/css/site.css").read_text()
    scrolling = [
        line for line in css.splitlines() if re.search(r"overflow(-[xy])?:\s*(auto|scroll)", line)
    ]
    assert scrolling == [".scroll-box { overflow-x: auto; }"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_every_public_page_type_has_no_axe_violations(page, live_server, language):
    if not AXE.exists():
        pytest.skip("the accessibility sweep needs axe-core: run make install (needs npm)")
    call_command("seed_demo", verbosity=0)
    folder = SCREENSHOTS / language
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    swept = []
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in public_page_types(language):
            response = page.goto(live_server.url + path)
            expected = 404 if name == "not-found" else 200
            assert response.status == expected, (path, response.status)
            assert page.get_attribute("html", "lang") == language, path
            # Evaluated by the browser's devtools, not as a <script> tag: the page's CSP
            # (rightly) refuses inline scripts.
            page.evaluate(AXE_SOURCE)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
            )
            assert result["passes"], "axe-core checked nothing"
            for violation in result["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:5]
                problems.append(f"{width_name} {path}: {violation['id']} at {targets}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"{width_name} {path}: {overflow}px wider than the window")
            page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
            swept.append(name)
    assert len(swept) >= 2 * 15
    assert problems == []
