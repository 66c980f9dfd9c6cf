"""Loads the demo site pages, menus and site settings from content.toml (safe to run twice)."""

from norec_site.demo import load
from norec_site.languages import language_codes
from norec_site.models import MenuItem, SitePage, SiteSettings, Status


def seed(shared=None):
    """The pages, the menus and the site settings; ``shared`` is not needed here."""
    data = load(__file__)
    pages = {}
    for entry in data["pages"]:  # parents come before their children in the file
        page = SitePage.objects.filter(title_nn=entry["nn"]["title"]).first()
        if page is None:
            page = SitePage(
                status=Status.PUBLISHED,
                position=entry.get("position", 0),
                parent=pages.get(entry.get("parent")),
            )
            for code in language_codes():
                for name, value in entry[code].items():
                    setattr(page, f"{name}_{code}", value.strip())
            page.full_clean()
            page.save()
        pages[entry["key"]] = page

    for menu in data["menu"]:
        for code in language_codes():
            for position, target in enumerate(menu["items"], 1):
                kind, _sep, name = target.partition(":")
                where = {"page": pages[name]} if kind == "page" else {"section": name}
                MenuItem.objects.get_or_create(
                    menu=menu["menu"], language=code, **where, defaults={"position": position}
                )

    wanted = data["settings"]
    defaults = {
        "accessibility_page": pages[wanted["accessibility_page"]],
        "uustatus_url": wanted["uustatus_url"],
        "feedback_email": wanted["feedback_email"],
        "last_reviewed": wanted["last_reviewed"],
    }
    for code in language_codes():
        defaults.update({f"{name}_{code}": value.strip() for name, value in wanted[code].items()})
    site_settings = SiteSettings.load()  # the row a migration made, empty until now
    if site_settings.accessibility_page_id is None:
        for name, value in defaults.items():
            setattr(site_settings, name, value)
        site_settings.full_clean()
        site_settings.save()
    return pages


def seed_scale(shared, n, stdout=None):
    """Site pages are few in any real site: the benchmark scales the other content."""
