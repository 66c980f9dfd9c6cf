"""WCAG 2.1 A and AA, checked by axe-core in Chromium on every public page type of the
demo, in three languages, at phone and desktop widths; with a screenshot of each.

axe-core comes from the npm registry into tests/tooling/ (``make install``). The
screenshots go to NOREC_SCREENSHOTS (``make test`` sets it and prints the folder).
"""

import os
import re
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils.translation import override

from news.models import Article
from norec_site.contrast import contrast_ratio
from norec_site.models import SitePage, SustainableDevelopmentGoal
from projects.models import Project
from reports.models import Report
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests/tooling/node_modules/axe-core/axe.min.js"
SCREENSHOTS = Path(os.environ.get("NOREC_SCREENSHOTS", ROOT / "test-screenshots"))
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH_WORDS = {"nn": "rapport", "nb": "rapport", "en": "report"}
# Page types that are not a 200, and what they answer.
ERROR_STATUSES = {"not-found": 404, "unavailable": 503}


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
        pages.append(("unavailable", reverse("news:index")))
    return pages


@contextmanager
def tab_without_database(page):
    """A new tab whose requests find PostgreSQL down, as the site's 503 page is seen.

    Database connections opened meanwhile go to a port where nothing listens. The tab
    has a browser context of its own, so its requests come on a new connection to the
    live server, whose thread has no database connection yet.
    """
    database = connections["default"].settings_dict
    saved = database["HOST"], database["PORT"]
    database["HOST"], database["PORT"] = "127.0.0.1", str(free_port())
    context = page.context.browser.new_context(locale="nn-NO", viewport=page.viewport_size)
    try:
        tab = context.new_page()
        tab.csp_violations = page.csp_violations  # the page fixture asserts none at the end

        def watch(message):
            if "Content Security Policy" in message.text:
                tab.csp_violations.append(message.text)

        tab.on("console", watch)
        yield tab
    finally:
        database["HOST"], database["PORT"] = saved
        context.close()


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
    for width, height in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in public_page_types(language):
            with tab_without_database(page) if name == "unavailable" else nullcontext(page) as tab:
                check_page(tab, live_server.url, name, path, language, problems, folder, width)
            swept.append(name)
    assert len(swept) >= 2 * 16
    assert {"not-found", "unavailable"} <= set(swept)
    assert problems == []


def check_page(page, server, name, path, language, problems, folder, width):
    """One page type at one width: its status, its language, axe-core and a screenshot."""
    response = page.goto(server + path)
    assert response.status == ERROR_STATUSES.get(name, 200), (path, response.status)
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
        problems.append(f"{width}px {path}: {violation['id']} at {targets}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"{width}px {path}: {overflow}px wider than the window")
    page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
