"""The admin as an editor's browser runs it: slug prefill and the rich-text editor."""

import pytest

from news.models import Article
from norec_site.groups import COMMUNICATIONS
from norec_site.slugs import slug_from_title

# serialized_rollback keeps the groups that migrations made.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLES = {
    "nn": "Sør-sør-samarbeid på FN-konferansen",
    "nb": "Ærlig lærdom: Øst-Afrika og Sør-Amerika på én konferanse",
    "en": "Norec’s exchange model at BAPA+40, Buenos Aires",
}


def test_slug_prefilled_as_the_editor_types_matches_the_slug_made_on_save(
    page, live_server, tmp_path, log_in_as
):
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/news/article/add/")
    for code, title in TITLES.items():
        # The translation tabs: the title field of each language shows on its tab.
        tab = page.locator(".ui-tabs-nav a", has_text=code.upper()).first
        if tab.count():
            tab.click()
        page.locator(f"#id_title_{code}").press_sequentially(title)
        assert page.input_value(f"#id_slug_{code}") == slug_from_title(title)
    assert page.input_value("#id_slug_nn") == "sor-sor-samarbeid-pa-fn-konferansen"
    page.screenshot(path=tmp_path / "admin-add.png", full_page=True)


def test_editor_writes_formatted_text_that_is_saved_clean(page, live_server, tmp_path, log_in_as):
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/news/article/add/")
    editors = page.locator(".ProseMirror[contenteditable=true]")
    assert editors.count() == 3
    page.locator("#id_title_nn").fill("Eit nytt nyhende")
    page.locator("#id_lead_nn").fill("Ingressen.")
    body = editors.nth(0)
    body.click()
    page.keyboard.type("Vanleg tekst ")
    page.keyboard.press("Control+b")
    page.keyboard.type("med feit skrift")
    page.screenshot(path=tmp_path / "editor.png", full_page=True)
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{live_server.url}/admin/news/article/")
    article = Article.objects.get()
    assert article.body_nn == "<p>Vanleg tekst <strong>med feit skrift</strong></p>"
    assert article.slug_nn == "eit-nytt-nyhende"


def test_editor_shows_on_each_languages_tab(page, live_server, tmp_path, log_in_as):
    log_in_as(page, COMMUNICATIONS)
    page.goto(f"{live_server.url}/admin/news/article/add/")
    for code in ("nn", "nb", "en"):
        tab = page.locator(".ui-tabs-nav a", has_text=code.upper()).nth(3)  # the body's tabs
        if tab.count():
            tab.click()
        editor = page.locator(
            f".prose-editor:has(#id_body_{code}) .ProseMirror[contenteditable=true]"
        )
        assert editor.is_visible()
        editor.click()
        page.keyboard.type(f"Tekst på {code}")
        assert f"Tekst på {code}" in editor.inner_text()
        page.screenshot(path=tmp_path / f"editor-{code}.png", full_page=True)
