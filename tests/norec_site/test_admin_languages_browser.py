"""Each kind of admin page, in Nynorsk and in Bokmål, shows no English (also from scripts)."""

import re

import pytest

from norec_site.models import Organisation
from tests.reports.factories import ReportFactory

from .languages_helpers import demo_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENGLISH = re.compile(
    r"\b(Heading \d|heading \d|bold|italic|insert link|remove link|blockquote|undo|redo|"
    r"Edit Link|Update|Please correct|Show counts|Hide counts|entries|entry|Delete selected|"
    r"Norway|Kenya Republic|Choose all|Remove all|Today|Now|Add another|Save and|History|"
    r"Publication time|Title \[|Select all|machine translated|Language report|"
    r"Change password|Log out|View site|Skip to main content|Toggle theme|Sunday|Monday|"
    r"Clear all filters|Search|Action|Go|Yes, I’m sure|Are you sure)\b"
)
# Everything a reader can see or hear: text, tooltips, labels, placeholders.
VISIBLE_TEXT = """() => {
  const parts = [document.body.innerText];
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [value]")) {
    for (const name of ["title", "aria-label", "placeholder"]) {
      if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    }
    if (el.matches("input[type=submit], input[type=button]")) parts.push(el.value);
  }
  return parts.join("\\n");
}"""
# What editors write (the items' own text) is not the interface.
ALLOWED = ("English",)


def english_words(page):
    text = page.evaluate(VISIBLE_TEXT)
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    return sorted(set(ENGLISH.findall(text)))


def test_admin_pages_in_nynorsk_and_bokmal_have_no_english(page, live_server, log_in_as):
    article = demo_article("teachers-mekong")
    report = ReportFactory(title_nn="Rapport om utveksling", summary_nn="<p>Samandrag.</p>")
    organisation = Organisation.objects.create(name="Partnar i Oslo", country="NO", kind="public")
    log_in_as(page, "Communications")
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    # Every admin page, without the superuser's two-factor step: all permissions instead.
    get_user_model().objects.get(username="editor").user_permissions.set(Permission.objects.all())
    pages = [
        "/admin/",
        "/admin/news/article/",
        "/admin/news/article/?translation=outdated-nb",
        "/admin/news/article/add/",
        f"/admin/news/article/{article.pk}/change/",
        f"/admin/news/article/{article.pk}/history/",
        f"/admin/news/article/{article.pk}/delete/",
        f"/admin/reports/report/{report.pk}/change/",
        "/admin/norec_site/organisation/add/",
        f"/admin/norec_site/organisation/{organisation.pk}/change/",
        "/admin/language-report/",
    ]
    found = {}
    for language in ("nn", "nb"):
        page.goto(f"{live_server.url}/admin/")
        page.select_option("#admin-language", language)
        page.click(".admin-language button")
        page.wait_for_load_state()
        assert page.get_attribute("html", "lang") == language
        for path in pages:
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            words = english_words(page)
            if words:
                found[f"{language} {path}"] = words
        # The editor's menus are made by its script; its link dialog opens on demand.
        page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
        page.wait_for_selector(".prose-menubar [title]", state="attached")
        titles = page.eval_on_selector_all(
            ".prose-menubar [title]", "els => els.map(e => e.getAttribute('title'))"
        )
        assert titles and not [t for t in titles if ENGLISH.search(t)], titles
        # The tabs open on the admin's language; that body is empty in Bokmål.
        body = page.locator(f".prose-editor:has(#id_body_{language})")
        body.locator(".ProseMirror[contenteditable=true]").click()
        page.keyboard.type("Tekst")
        page.keyboard.press("Control+A")
        link_button = {"nn": "set inn lenkje", "nb": "sett inn lenke"}[language]
        body.locator(f"[title='{link_button}']").click()
        page.wait_for_selector("dialog[open]")
        dialog = page.inner_text("dialog[open]")
        assert not ENGLISH.search(dialog) and "URL" not in dialog.split(), dialog
    assert found == {}, found
