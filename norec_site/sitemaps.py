"""sitemap.xml: every published item in each language it exists in, with hreflang."""

from collections.abc import Mapping

from django.contrib.sitemaps import Sitemap
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


class ContentSitemaps(Mapping):
    """{section: sitemap}: "pages", then one section per content type, read from the
    registry on each request."""

    # Its sections are made anew on each read: it equals only itself (reverse() compares
    # the URL pattern's default arguments).
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def _sections(self):
        sections = {"pages": PagesSitemap()}
        for model in in_display_order():
            sections[model.content.section] = PublishableSitemap(model)
        return sections

    def __getitem__(self, section):
        return self._sections()[section]

    def __iter__(self):
        return iter(self._sections())

    def __len__(self):
        return len(self._sections())

    def items(self):
        return self._sections().items()

    def values(self):
        return self._sections().values()


sitemaps = ContentSitemaps()
