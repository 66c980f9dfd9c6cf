"""sitemap.xml: every published item in each language it exists in, with hreflang."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from norec_site.registry import in_display_order


class PublishableSitemap(Sitemap):
    """One content type's items; languages follow each item's translations."""

    i18n = True
    alternates = True

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def get_languages_for_item(self, item):
        return item.available_languages()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class PagesSitemap(Sitemap):
    """Pages that are not content items (home, each type's index), in every language."""

    i18n = True
    alternates = True

    def items(self):
        names = [model.content.index_url_name for model in in_display_order()]
        return ["home", *filter(None, names)]

    def location(self, item):
        return reverse(item)


def content_sitemaps():
    """{section: sitemap}: "pages", then one section per content type in display order."""
    sections = {"pages": PagesSitemap()}
    for model in in_display_order():
        sections[model.content.section] = PublishableSitemap(model)
    return sections


def sitemap_xml(request):
    """The sitemap of what the registry holds when it is asked for."""
    return sitemap(request, sitemaps=content_sitemaps())
