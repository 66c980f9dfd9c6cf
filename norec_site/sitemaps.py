"""sitemap.xml: every published item in each language it exists in, with hreflang."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import Article
from norec_site.models import SitePage
from projects.models import Project
from reports.models import Report


class PublishableSitemap(Sitemap):
    """Subclasses set ``model``; languages follow each item's translations."""

    i18n = True
    alternates = True
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def get_languages_for_item(self, item):
        return item.available_languages()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(PublishableSitemap):
    model = Article


class ReportSitemap(PublishableSitemap):
    model = Report


class ProjectSitemap(PublishableSitemap):
    model = Project


class SitePageSitemap(PublishableSitemap):
    model = SitePage


class PagesSitemap(Sitemap):
    """Pages that are not content items (home, indexes), in every language."""

    i18n = True
    alternates = True

    def items(self):
        return ["home", "news:index", "reports:index", "projects:index"]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "pages": PagesSitemap,
    "news": ArticleSitemap,
    "reports": ReportSitemap,
    "projects": ProjectSitemap,
    "site-pages": SitePageSitemap,
}
