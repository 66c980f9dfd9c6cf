"""The editorial workflow in a browser: a writer, a publisher and an anonymous visitor.

Screenshots of the review queue, a change page with a draft and the conflict message go
to NOREC_SCREENSHOTS/editorial (``test-screenshots/editorial`` by default).
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from news.models import Article
from norec_site.groups import COMMUNICATIONS
from norec_site.history import recorded
from tests.conftest import log_in_tab, new_tab
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("NOREC_SCREENSHOTS", ROOT / "test-screenshots")) / "editorial"


def make_writer():
    user = UserFactory(username="skribent", first_name="Siri", last_name="Skribent")
    codenames = ("view_article", "change_article", "add_article", "view_articleauthor")
    codenames += ("add_articleauthor", "change_articleauthor", "delete_articleauthor")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
    )
    return user


def browser_tab(chromium, live_server, user=None):
    """A tab of its own context: logged in as ``user``, or an anonymous visitor."""
    context, tab = new_tab(chromium, viewport={"width": 1280, "height": 900})
    if user is not None:
        log_in_tab(tab, live_server, user)
    return context, tab


def screenshot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / name, full_page=True)


def public_lead(tab, url):
    tab.goto(url)
    return tab.content()


def published_article():
    with recorded(comment="Fyrste versjon"):
        return ArticleFactory(
            title_nn="Lærarar byter klasserom", lead_nn="Den publiserte ingressen."
        )


def test_a_writer_submits_a_publisher_compares_and_approves_and_the_public_page_changes(
    chromium, live_server
):
    article = published_article()
    public_url = live_server.url + article.get_absolute_url("nn")
    change = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    writer = make_writer()
    UserFactory(username="redaktor", groups=[COMMUNICATIONS])
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.get(username="redaktor")
    tabs = []
    try:
        writer_context, writer_tab = browser_tab(chromium, live_server, writer)
        tabs.append((writer_context, writer_tab))
        writer_tab.goto(change)
        assert writer_tab.locator("input[name=_publish]").count() == 0
        writer_tab.fill("#id_lead_nn", "Ingressen som skribenten skreiv om.")
        writer_tab.click("input[name=_submit_review]")
        writer_tab.wait_for_selector(".messagelist .success")
        writer_tab.goto(change)
        writer_tab.wait_for_selector("#draft-notice")
        assert writer_tab.input_value("#id_lead_nn") == "Ingressen som skribenten skreiv om."
        screenshot(writer_tab, "change-page-with-draft.png")

        visitor_context, visitor = browser_tab(chromium, live_server)
        tabs.append((visitor_context, visitor))
        page = public_lead(visitor, public_url)
        assert "Den publiserte ingressen." in page and "skreiv om" not in page

        boss_context, boss_tab = browser_tab(chromium, live_server, boss)
        tabs.append((boss_context, boss_tab))
        boss_tab.goto(f"{live_server.url}/admin/review/")
        entry = boss_tab.locator(".review-entry", has_text="Lærarar byter klasserom")
        entry.wait_for()
        assert entry.locator("table.history-compare ins", has_text="skribenten").is_visible()
        assert entry.locator("table.history-compare del", has_text="publiserte").is_visible()
        screenshot(boss_tab, "review-queue.png")
        entry.locator("input[name=approve]").click()
        boss_tab.wait_for_selector(".messagelist .success")

        page = public_lead(visitor, public_url)
        assert "Ingressen som skribenten skreiv om." in page
        assert Article.objects.get(pk=article.pk).lead_nn == "Ingressen som skribenten skreiv om."

        writer_tab.goto(f"{live_server.url}/admin/review/")
        assert writer_tab.locator(".review-entry").count() == 0
    finally:
        for context, tab in tabs:
            context.close()
            assert tab.csp_violations == [], "the page broke its Content-Security-Policy"


def test_a_writers_change_stays_invisible_until_a_publisher_publishes_it(chromium, live_server):
    article = published_article()
    public_url = live_server.url + article.get_absolute_url("nn")
    change = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    writer = make_writer()
    boss = UserFactory(username="redaktor", groups=[COMMUNICATIONS])
    tabs = []
    try:
        writer_context, writer_tab = browser_tab(chromium, live_server, writer)
        tabs.append((writer_context, writer_tab))
        writer_tab.goto(change)
        writer_tab.fill("#id_lead_nn", "Ein ny ingress i utkastet.")
        writer_tab.click("input[name=_save]")
        writer_tab.wait_for_selector(".messagelist .success")

        visitor_context, visitor = browser_tab(chromium, live_server)
        tabs.append((visitor_context, visitor))
        assert "Ein ny ingress" not in public_lead(visitor, public_url)

        boss_context, boss_tab = browser_tab(chromium, live_server, boss)
        tabs.append((boss_context, boss_tab))
        boss_tab.goto(f"{live_server.url}/admin/news/article/")
        assert boss_tab.locator("text=Publisert, med upubliserte endringar").is_visible()
        boss_tab.goto(change)
        assert boss_tab.input_value("#id_lead_nn") == "Ein ny ingress i utkastet."
        boss_tab.click("input[name=_publish]")
        boss_tab.wait_for_selector(".messagelist .success")

        assert "Ein ny ingress i utkastet." in public_lead(visitor, public_url)
    finally:
        for context, tab in tabs:
            context.close()
            assert tab.csp_violations == [], "the page broke its Content-Security-Policy"


def test_a_refused_save_shows_who_saved_and_what_changed(chromium, live_server):
    with recorded(comment="Fyrste versjon"):
        article = ArticleFactory(draft=True, lead_nn="Ingressen før nokon endra han.")
    kari = UserFactory(username="kari", first_name="Kari", last_name="Nordmann")
    editor = UserFactory(username="redaktor", groups=[COMMUNICATIONS])
    context, tab = browser_tab(chromium, live_server, editor)
    try:
        tab.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
        with recorded(user=kari):
            article.lead_nn = "Ingressen etter at Kari endra han."
            article.updated_by = kari
            article.save()
        tab.fill("#id_lead_nn", "Mi eiga ingress.")
        tab.click("input[name=_save]")
        tab.wait_for_selector("#edit-conflict")
        text = tab.locator("#edit-conflict").inner_text()
        assert "Lagra av Kari Nordmann" in text
        assert tab.locator("#edit-conflict ins", has_text="Kari").first.is_visible()
        assert tab.input_value("#id_lead_nn") == "Mi eiga ingress."
        screenshot(tab, "conflict.png")
    finally:
        context.close()
    assert tab.csp_violations == []
