"""The history as an editor's browser shows it: two saves, compare, restore."""

import pytest

from news.models import Article
from norec_site.groups import COMMUNICATIONS
from tests.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def save_with(page, field, text, comment=""):
    page.fill(field, text)
    page.fill("#id_revision_comment", comment)
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")


def test_editor_saves_twice_compares_the_changes_and_restores_the_first(
    page, live_server, tmp_path, log_in_as
):
    log_in_as(page, COMMUNICATIONS)
    article = ArticleFactory(draft=True, lead_nn="Den første ingressen.")
    change = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    page.goto(change)
    save_with(page, "#id_lead_nn", "Den første ingressen.", "Første utkast")
    save_with(page, "#id_lead_nn", "Den andre ingressen, lengre.", "Skreiv om ingressen")

    page.click("a.historylink")
    assert page.locator("table.history-list tbody tr").count() == 2
    assert page.locator("text=Skreiv om ingressen").is_visible()
    page.click("#content-main button[type=submit]")
    page.wait_for_selector("table.history-compare")
    page.screenshot(path=tmp_path / "compare.png", full_page=True)
    assert page.locator("table.history-compare del", has_text="første").is_visible()
    assert page.locator("table.history-compare ins", has_text="andre").is_visible()

    page.click("text=Tilbake til historikken")
    page.locator("table.history-list tbody tr").last.locator("td:nth-child(3) a").click()
    page.click("#content-main button[type=submit]")
    page.wait_for_selector(".messagelist .success")

    assert page.input_value("#id_lead_nn") == "Den første ingressen."
    assert Article.objects.get(pk=article.pk).lead_nn == "Den første ingressen."
