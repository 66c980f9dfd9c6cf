"""The content types: one ordered registry of the ``Publishable`` models.

Each content model declares what the site-wide features need in ``content``
(a ``Content``); search, the sitemap, the home page, the editors' overview,
review, recovery, the language report and the page cache loop over
``content_models()`` instead of naming the apps. See "Adding a content type"
in the README.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class HomeList:
    """A section of the home page: ``template`` reads ``context_name``.

    ``items`` is the dotted path of a function ``(language, count)`` giving what
    the template shows; without it, the latest ``count`` public cards.
    """

    template: str
    context_name: str
    count: int = 4
    items: str = ""


@dataclass(frozen=True)
class Content:
    """What the site-wide features need to know about one content model."""

    # The type's key in search (``?type=``) and its sitemap section.
    key: str
    # One item and several, as search results and its tabs name them.
    label: object
    plural: object
    # Display order: search tabs, sitemap sections, home sections (lowest first).
    position: int
    # The translated fields a search snippet is cut from, in order; the model's
    # ``rich_text_fields`` among them lose their markup first.
    snippet_fields: tuple = ()
    # An untranslated long text (such as a PDF's): the snippet falls back to a
    # window of it around the first mention when the snippet fields do not match.
    long_text: str = ""
    # The date a search result shows and ranks ties by, and the end of a period.
    search_date: str = "published_at"
    search_end_date: str = ""
    home: HomeList | None = None
    index_url_name: str = ""
    feed_url_name: str = ""
    sitemap_section: str = ""
    # The translated fields the language report measures; empty: every text field.
    text_fields: tuple = ()
    # The setting that limits one file of the admin form; the form may carry one
    # such file per language (the request size limit follows).
    form_file_limit_setting: str = ""

    @property
    def section(self):
        return self.sitemap_section or self.key


def content_models():
    """Every content model, in the order of INSTALLED_APPS: dependency order (an app
    comes after the apps it points to), the order demo content is loaded in."""
    from norec_site.models.publishable import Publishable

    found = [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.proxy
    ]
    for model in found:
        if not isinstance(getattr(model, "content", None), Content):
            raise ImproperlyConfigured(f"{model._meta.label} declares no content = Content(...)")
    return found


def in_display_order():
    """The content models as the public sees them listed: by declared position."""
    return sorted(content_models(), key=lambda model: model.content.position)


def page_apps():
    """Apps whose models a public page can show: the site's and each content type's."""
    return {"norec_site", *(model._meta.app_label for model in content_models())}


@dataclass(frozen=True)
class HomeSection:
    template: str
    context_name: str
    items: object


def home_sections(language):
    """What the home page shows of each type that is on it, in display order."""
    sections = []
    for model in in_display_order():
        home = model.content.home
        if home is None:
            continue
        if home.items:
            items = import_string(home.items)(language, home.count)
        else:
            items = home_cards(model, language, home.count)
        sections.append(HomeSection(home.template, home.context_name, items))
    return sections


def home_cards(model, language, count):
    """The latest ``count`` public cards of ``model``, by a query compiled once per
    language (norec_site.compiled): the home page runs it on every request."""
    from django.utils import timezone

    from norec_site.compiled import NOW_STANDIN, TODAY_STANDIN, compiled

    def make():
        cards = model.objects.public(language, now=NOW_STANDIN).shown_in(language)
        return cards.for_cards(today=TODAY_STANDIN)[:count]

    now = timezone.now()
    query = compiled(("home cards", model._meta.label, language, count), make)
    return query.run(now=now, today=timezone.localdate(now))
