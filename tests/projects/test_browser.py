"""The project list in a real browser: the filter form works without JavaScript, on a phone."""

import pytest

from tests.conftest import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def no_script_page(chromium):
    """A phone-sized tab with JavaScript switched off."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium")
    context = chromium.new_context(
        locale="en-GB", java_script_enabled=False, viewport={"width": 375, "height": 740}
    )
    tab = context.new_page()
    yield tab
    context.close()


def test_visitor_finds_triangular_projects_in_east_africa_for_sdg_5_without_javascript(
    no_script_page, live_server, portfolio, tmp_path
):
    page = no_script_page
    page.goto(f"{live_server.url}/en/projects/")
    page.select_option("#facet-type", "triangular")
    page.select_option("#facet-subregion", "eastern-africa")
    page.select_option("#facet-sdg", "5")
    page.get_by_role("button", name="Show projects").click()
    page.wait_for_load_state()
    assert "type=triangular" in page.url
    assert "subregion=eastern-africa" in page.url
    assert "sdg=5" in page.url
    assert page.get_by_role("status").inner_text().startswith("1 project")
    assert page.get_by_role("link", name=portfolio["A"].title_en).is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the list is {overflow}px wider than the phone"
    page.screenshot(path=tmp_path / "projects-filtered-phone.png", full_page=True)

    page.get_by_role("link", name=portfolio["A"].title_en).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == portfolio["A"].title_en
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the project page is {overflow}px wider than the phone"
