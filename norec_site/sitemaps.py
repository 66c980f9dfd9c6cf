"""sitemap.xml: every published item in each language it exists in, with hreflang
alternates, in sections (pages, then each content type) of at most ``limit`` addresses
a page.

Every type is first counted per language (norec_site.figures, kept per content
version). While every section fits in one page, /sitemap.xml is the whole sitemap, read
with one more query a type. Once one does not, it is the index of the sections' pages,
and a section never loads its items: it reads only the page it shows (addresses,
languages and dates), language after language.
"""

import operator
from functools import cache, cached_property, reduce

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index, sitemap
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse
from django.utils.translation import get_language

from norec_site.figures import kept_figures, public_figures
from norec_site.languages import language_codes
from norec_site.models import written_in
from norec_site.models.related import link_url
from norec_site.registry import in_display_order

# (item, language) addresses a section page lists: a page of the news at 20,000
# articles stays small enough to render and fetch quickly.
ADDRESSES_PER_PAGE = 1000


def in_language(model, code):
    """True where the item's language fields are all written in ``code`` (as in_language())."""
    return ExpressionWrapper(written_in(model.language_fields, code), output_field=BooleanField())


class LanguagePairs:
    """(item, language) for each language an item exists in, for the paginator: all
    the items in the first language by pk, then in the next; counted and sliced in SQL.

    The items are dicts of the URL fields, the language flags (``in_nn``...) and the
    last change."""

    ordered = True

    def __init__(self, sitemap):
        self.sitemap = sitemap

    def count(self):
        return sum(self.sitemap.stats["counts"].values())

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop, _step = window.indices(self.count())
        pairs, offset = [], 0
        for code in language_codes():
            size = self.sitemap.stats["counts"][code]
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                pairs.extend((row, code) for row in self.sitemap.rows_in(code, low, high))
            offset += size
        return pairs


class PublishableSitemap(Sitemap):
    """One content type's items; languages follow each item's translations."""

    i18n = True
    alternates = True
    limit = ADDRESSES_PER_PAGE

    def __init__(self, model, figures):
        self.model = model
        # A callable giving the public figures of every type, read when first needed.
        self.figures = figures
        # Every row, once fits_one_page() has found that they fit one page.
        self.whole = None

    def published(self):
        flags = {f"in_{code}": in_language(self.model, code) for code in language_codes()}
        return self.model.objects.published().annotate(**flags)

    @cached_property
    def stats(self):
        """How many items exist in each language, and the latest change among them."""
        if self.whole is not None:
            counts = {
                code: sum(row[f"in_{code}"] for row in self.whole) for code in language_codes()
            }
            return {
                "counts": counts,
                "lastmod": max((r["updated_at"] for r in self.whole), default=None),
            }
        figures = self.figures().get(self.model) or public_figures([self.model])[self.model]
        changes = [lastmod for _count, lastmod in figures.values() if lastmod]
        return {
            "counts": {code: count for code, (count, _lastmod) in figures.items()},
            "lastmod": max(changes, default=None),
        }

    @staticmethod
    def listed_in(*codes):
        return reduce(operator.or_, (Q(**{f"in_{code}": True}) for code in codes))

    def rows(self, *codes):
        """The items in any of ``codes``, by pk, as the addresses and alternates need them."""
        url_fields = [f"{self.model.url_field}_{other}" for other in language_codes()]
        flags = [f"in_{other}" for other in language_codes()]
        listed = self.published().filter(self.listed_in(*codes)).order_by("pk")
        return listed.values("pk", "updated_at", *url_fields, *flags)

    def rows_in(self, code, low, high):
        """Rows ``low`` to ``high`` of the items in ``code``."""
        if self.whole is not None:
            return [row for row in self.whole if row[f"in_{code}"]][low:high]
        return self.rows(code)[low:high]

    def fits_one_page(self):
        """Whether every address fits one page, from the counts; when they do, the rows are
        read in one query and kept, and the sitemap makes no other."""
        if sum(self.stats["counts"].values()) > self.limit:
            return False
        self.whole = list(self.rows(*language_codes()))
        del self.stats  # counted again from the rows themselves
        return True

    def _items(self):
        return LanguagePairs(self)

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if item[f"in_{code}"]]

    def location(self, item):
        language = get_language()
        return link_url(self.model, language, item[f"{self.model.url_field}_{language}"])

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.stats["lastmod"]


class PagesSitemap(Sitemap):
    """Pages that are not content items (home, each type's index), in every language."""

    i18n = True
    alternates = True

    def items(self):
        names = [model.content.index_url_name for model in in_display_order()]
        return ["home", *filter(None, names)]

    def location(self, item):
        return reverse(item)

    def fits_one_page(self):
        return self.paginator.num_pages <= 1


def content_sitemaps(request):
    """{section: sitemap}: "pages", then one section per content type in display order."""
    figures = cache(lambda: kept_figures(request))  # once a request, kept or not
    sections = {"pages": PagesSitemap()}
    for model in in_display_order():
        sections[model.content.section] = PublishableSitemap(model, figures)
    return sections


def sitemap_xml(request):
    """The whole sitemap while each section fits one page; past that, the index of the
    sections' pages. From what the registry holds when it is asked."""
    sections = content_sitemaps(request)
    if all(section.fits_one_page() for section in sections.values()):
        return sitemap(request, sitemaps=sections)
    return index(request, sitemaps=sections, sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    """One page (``?p=``) of one section of the sitemap."""
    return sitemap(request, sitemaps=content_sitemaps(request), section=section)
