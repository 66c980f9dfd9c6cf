"""What every page shows around its content: the main menu, the footer's links,
the accessibility statement's address and the home page's introduction.

Editors manage them per language (menu links and site settings). They cost one
SQL query (the settings row with the menus in an array), made once per process
and content version; every public page stays within its query budget.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from norec_site.models import MenuItem, SitePage, SiteSettings
from norec_site.page_cache import fragment

# The main menu when editors have not made one, and on the pages that must not
# touch the database (404).
DEFAULT_SECTIONS = (MenuItem.Section.NEWS, MenuItem.Section.REPORTS, MenuItem.Section.PROJECTS)
# What the chrome shows without a settings row (before migrations).
NO_ROW = {"links": [], "statement_path": "", "heading": "", "text": ""}


@dataclass
class Link:
    label: str
    url: str
    current: bool = False


@dataclass
class SiteChrome:
    main: list = field(default_factory=list)
    footer: list = field(default_factory=list)
    statement_url: str = ""
    home_heading: str = ""
    home_text: str = ""


def _section_link(section, request_path):
    url = reverse(section)
    return Link(MenuItem.Section(section).label, url, request_path.startswith(url))


def _page_link(title, path, request_path):
    url = reverse("pages:detail", kwargs={"path": path})
    return Link(title, url, request_path == url)


def _settings_row(language):
    """The settings row with the menus' links (only those whose page is public in
    ``language``) and the statement's path, in one query; None before migrations."""
    public_pages = SitePage.objects.public(language)
    links = (
        MenuItem.objects.filter(language=language)
        .filter(Q(page__isnull=True) | Q(page__in=public_pages.values("pk")))
        .order_by("menu", "position", "pk")
        .values(
            json=JSONObject(
                menu="menu",
                section="section",
                title=f"page__title_{language}",
                path=f"page__path_{language}",
            )
        )
    )
    statement_path = public_pages.filter(pk=OuterRef("accessibility_page_id")).values(
        f"path_{language}"
    )[:1]
    return (
        SiteSettings.objects.annotate(
            links=ArraySubquery(links),
            statement_path=Subquery(statement_path),
            heading=F(f"home_heading_{language}"),
            text=F(f"home_text_{language}"),
        )
        .values("links", "statement_path", "heading", "text")
        .first()
    )


def site_chrome(language, request_path, row):
    chrome = SiteChrome(home_heading=row["heading"] or "", home_text=row["text"] or "")
    for link in row["links"]:
        if link["section"]:
            made = _section_link(link["section"], request_path)
        else:
            made = _page_link(link["title"], link["path"], request_path)
        (chrome.main if link["menu"] == MenuItem.Menu.MAIN else chrome.footer).append(made)
    if not chrome.main:
        chrome.main = [_section_link(section, request_path) for section in DEFAULT_SECTIONS]
    path = row["statement_path"]
    chrome.statement_url = (
        reverse("pages:detail", kwargs={"path": path}) if path else reverse("pages:accessibility")
    )
    return chrome


def fixed_chrome(request_path=""):
    """The sections and the statement's stable address: no database needed."""
    return SiteChrome(
        main=[_section_link(section, request_path) for section in DEFAULT_SECTIONS],
        statement_url=reverse("pages:accessibility"),
    )


def chrome(request):
    """Context processor: ``site_chrome``, read only when a template shows it, from the
    settings row kept for the content version (norec_site.page_cache.fragment)."""
    language = get_language()

    def made():
        # Kept as NO_ROW when there is no row, so that none is looked for on every page.
        row = fragment(request, ("chrome", language), lambda: _settings_row(language) or NO_ROW)
        return site_chrome(language, request.path, row)

    return {"site_chrome": SimpleLazyObject(made)}
