"""The keyboard alone, in Chromium: every control is reached with Tab, shows where the
focus is, and works with Enter, Space or the arrow keys."""

import re

import pytest
from django.core.management import call_command

from projects.models import Project

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def assert_focus_visible(page):
    """The focused element is on screen and drawn with an outline of at least 2 px."""
    focus = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    top: box.top, bottom: box.bottom, area: box.width * box.height,
                    name: element.outerHTML.slice(0, 120)};
        }"""
    )
    assert focus["style"] != "none" and focus["width"] >= 2, focus
    assert focus["area"] > 0 and focus["bottom"] > 0, focus


def tab_to(page, selector, limit=120):
    """Press Tab until ``selector`` has the focus, checking that the focus shows."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            assert_focus_visible(page)
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", verbosity=0)


def test_skip_link_menu_language_switcher_and_search_by_keyboard(page, live_server, demo):
    page.goto(f"{live_server.url}/nn/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(f"{live_server.url}/nn/")
    tab_to(page, ".site-nav a[href='/nn/om-norec/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/nn/om-norec/")
    assert page.get_attribute(".site-nav a[href='/nn/om-norec/']", "aria-current") == "page"

    tab_to(page, ".language-switcher a[hreflang='en']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/about-norec/")

    tab_to(page, "#site-search-q")
    page.keyboard.type("report")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=report"))
    assert page.locator(".search-result").count() > 0
    tab_to(page, ".search-types a[href*='type=reports']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"type=reports"))

    tab_to(page, ".site-footer__links a[href='/en/accessibility-statement/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/accessibility-statement/")


def test_project_filters_pagination_and_chart_tables_by_keyboard(page, live_server, demo):
    assert Project.objects.public("nn").count() > 12  # the demo list has a second page
    page.goto(f"{live_server.url}/nn/prosjekt/")
    tab_to(page, "a[rel='next']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?page=2"))

    page.goto(f"{live_server.url}/nn/prosjekt/")
    tab_to(page, "#facet-region")
    page.keyboard.press("ArrowDown")  # a closed select changes its choice with the arrows
    assert page.input_value("#facet-region") != ""
    tab_to(page, ".project-facets button[type='submit']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"region=\w"))
    assert page.locator(".project-results__filters a").count() == 1

    tab_to(page, "#chart-regions-title ~ details summary")
    assert not page.is_visible("#chart-regions-table")
    page.keyboard.press("Enter")
    assert page.is_visible("#chart-regions-table")


def test_partner_table_scrolls_by_keyboard_on_a_phone(page, live_server, demo):
    project = max(Project.objects.public("nn"), key=lambda item: item.partnerships.count())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + project.get_absolute_url("nn"))
    box = ".scroll-box"
    assert page.get_attribute(box, "aria-label") == "Partnarar"
    tab_to(page, box)
    wide = page.evaluate(
        "s => { const e = document.querySelector(s); return e.scrollWidth > e.clientWidth; }", box
    )
    if wide:
        page.keyboard.press("ArrowRight")
        page.wait_for_function("s => document.querySelector(s).scrollLeft > 0", arg=box)
