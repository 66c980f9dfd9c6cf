"""What only a browser shows: layout on a phone, the language switcher, keyboard use."""

import pytest

from norec_site.groups import COMMUNICATIONS
from tests.conftest import log_in_tab, new_tab

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


# Editing safely: who else has it open, and unsaved changes -------------------------


def an_article_and_two_editors(live_server):
    """(article, its change page's address, Kari, Ola): two Communications editors."""
    from tests.factories import UserFactory
    from tests.news.factories import ArticleFactory

    article = ArticleFactory()
    url = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    kari, ola = (
        UserFactory(first_name=name, last_name="Nordmann", groups=[COMMUNICATIONS])
        for name in ("Kari", "Ola")
    )
    return article, url, kari, ola


def open_as(chromium, live_server, user, url):
    """``url`` in a browser of its own, logged in as ``user``."""
    _, tab = new_tab(chromium)
    log_in_tab(tab, live_server, user)
    tab.goto(url)
    return tab


def test_second_editor_sees_who_has_the_article_open(chromium, live_server, tmp_path):
    _article, url, kari, ola = an_article_and_two_editors(live_server)
    kari_tab = open_as(chromium, live_server, kari, url)
    assert kari_tab.locator(".editing-presence").count() == 0

    ola_tab = open_as(chromium, live_server, ola, url)
    notice = ola_tab.locator("li.editing-presence")
    assert "Kari Nordmann har hatt denne sida open sidan" in notice.inner_text()
    ola_tab.screenshot(path=tmp_path / "someone-else-has-it-open.png")

    # Kari's page learns of Ola at her next heartbeat (sent now instead of in 30 s).
    kari_tab.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    kari_tab.wait_for_selector("li.editing-presence")
    assert "Ola Nordmann" in kari_tab.locator("li.editing-presence").inner_text()

    # Ola leaves: Kari's next heartbeat takes the notice away.
    ola_tab.goto(f"{live_server.url}/admin/")
    kari_tab.wait_for_timeout(300)
    kari_tab.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    kari_tab.wait_for_selector("li.editing-presence", state="detached")


def leaving_asks(page, live_server):
    """Try to leave by the breadcrumb link; True if the page asked first (and stayed)."""
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", answer)
    before = page.url
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_timeout(500)
    if dialogs:
        assert page.url == before
    return dialogs == ["beforeunload"]


def open_article(page, live_server, log_in_as):
    from tests.news.factories import ArticleFactory

    article = ArticleFactory(translated=True)
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    page.wait_for_load_state("load")
    return article


def test_leaving_unchanged_page_does_not_ask(page, live_server, log_in_as):
    open_article(page, live_server, log_in_as)
    page.locator("#id_title_nn").click()  # a click is not a change
    assert not leaving_asks(page, live_server)
    page.wait_for_url(f"{live_server.url}/admin/")


def test_leaving_with_unsaved_typing_asks_first(page, live_server, log_in_as):
    open_article(page, live_server, log_in_as)
    page.locator("#id_title_nn").press("End")
    page.locator("#id_title_nn").press_sequentially(" endra")
    assert leaving_asks(page, live_server)


def test_unsaved_rich_text_on_another_language_tab_asks_first(page, live_server, log_in_as):
    open_article(page, live_server, log_in_as)
    page.locator(".ui-tabs-nav a", has_text="EN").nth(3).click()  # the body's tabs
    editor = page.locator(".prose-editor:has(#id_body_en) .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(" More text.")
    assert leaving_asks(page, live_server)


def test_saving_does_not_ask(page, live_server, log_in_as):

    article = open_article(page, live_server, log_in_as)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("#id_title_nn").press("End")
    page.locator("#id_title_nn").press_sequentially(" endra")
    page.locator("input[name=_publish]").click()  # published: plain Save makes a draft
    page.wait_for_url(f"{live_server.url}/admin/news/article/")
    assert dialogs == []
    article.refresh_from_db()
    assert article.title_nn.endswith(" endra")


def test_goal_picker_counts_as_a_change_only_when_the_choice_changes(page, live_server, log_in_as):
    from norec_site.groups import REPORT_ADMINISTRATORS
    from norec_site.models import SustainableDevelopmentGoal
    from tests.reports.factories import ReportFactory

    report = ReportFactory()
    report.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=[4, 17]))
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/{report.pk}/change/")
    page.wait_for_load_state("load")
    page.select_option("#id_sdgs_to", index=0)  # highlighting a chosen goal is no change
    assert not leaving_asks(page, live_server)
    page.goto(f"{live_server.url}/admin/reports/report/{report.pk}/change/")
    page.wait_for_load_state("load")
    page.select_option("#id_sdgs_from", index=0)
    page.click("#id_sdgs_add")
    assert leaving_asks(page, live_server)


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


def test_leaving_after_a_refused_save_asks_first(page, live_server, log_in_as):
    """The refused editor's text is in the form but not saved: leaving must not lose it."""
    from django.db.models import F

    from news.models import Article

    article = open_article(page, live_server, log_in_as)
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)  # someone else saved
    page.locator("#id_title_nn").press("End")
    page.locator("#id_title_nn").press_sequentially(" endra")
    page.locator("input[name=_save]").click()
    page.wait_for_selector(".errornote")
    page.wait_for_load_state("load")
    assert page.input_value("#id_title_nn").endswith(" endra")
    assert leaving_asks(page, live_server)


def test_a_refused_save_keeps_the_editor_present_and_names_the_others(chromium, live_server):
    """Leaving the page for the save ends the visit; the refused page starts it again."""
    from django.db.models import F

    from news.models import Article
    from norec_site.models import EditingPresence

    article, url, kari, ola = an_article_and_two_editors(live_server)
    open_as(chromium, live_server, ola, url)
    kari_tab = open_as(chromium, live_server, kari, url)
    kari_tab.wait_for_load_state("load")
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)  # someone saved
    kari_tab.locator("#id_title_nn").press_sequentially(" endra")
    kari_tab.once("dialog", lambda dialog: dialog.accept())
    kari_tab.locator("input[name=_save]").click()
    kari_tab.wait_for_selector(".errornote")

    notice = kari_tab.locator("li.editing-presence")
    notice.wait_for(timeout=5000)
    assert "Ola Nordmann" in notice.inner_text()
    kari_tab.wait_for_timeout(500)
    assert EditingPresence.objects.filter(user=kari, object_id=article.pk).exists()
