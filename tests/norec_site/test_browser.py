"""What only a browser shows: layout on a phone, the language switcher, keyboard use."""

import pytest

from norec_site.groups import COMMUNICATIONS

# serialized_rollback keeps the goals and groups that migrations made.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_fits_a_phone_and_switches_language(page, live_server, tmp_path):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/nn/")
    assert page.get_attribute("html", "lang") == "nn"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    page.screenshot(path=tmp_path / "home-phone.png", full_page=True)

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).is_visible()


def test_skip_link_is_the_first_stop_and_moves_focus_to_content(page, live_server):
    page.goto(f"{live_server.url}/nb/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Gå til innholdet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_stylesheet_is_served_by_the_site(page, live_server):
    responses = []
    page.on("response", lambda response: responses.append((response.url, response.status)))
    page.goto(f"{live_server.url}/nn/")
    css = [status for url, status in responses if url.endswith("site.css")]
    assert css == [200]
    external = [url for url, _status in responses if not url.startswith(live_server.url)]
    assert external == []


def test_admin_prefills_slugs_as_the_server_makes_them(page, live_server, log_in_as):
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/news/article/add/")
    # The editor's language (Nynorsk here) opens on its own tab.
    page.locator("#id_title_nn").press_sequentially("Sør–sør-samarbeid på FN-konferansen")
    assert page.input_value("#id_slug_nn") == "sor-sor-samarbeid-pa-fn-konferansen"
    assert not page.locator("#id_title_en").is_visible()


def test_focal_point_picker_works_under_the_admin_policy(page, live_server, log_in_as):
    from tests.factories import ImageFactory, picture_upload

    image = ImageFactory(upload=picture_upload(size=(1200, 800)))
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/norec_site/image/{image.pk}/change/")
    picture = page.locator("img.focal-point-picker")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert abs(int(page.input_value("#id_focal_x")) - 25) <= 1
    assert abs(int(page.input_value("#id_focal_y")) - 75) <= 1
    # The translation tabs of the alt text work too (jQuery UI under the policy).
    page.locator(".ui-tabs-nav a", has_text="EN").first.click()
    assert page.locator("#id_alt_en").is_visible()
