"""Every public page type makes at most 8 queries, whatever the size of the data.

Counted on a page-cache miss, so the count includes the content version's read, and
with menus and a footer, which every page shows."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from news.models import Article
from norec_site.models import MenuItem, SiteSettings
from projects.models import Project
from reports.models import Report
from tests.factories import ImageFactory, PersonFactory, SitePageFactory, TopicFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db
BUDGET = 8


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def content(size):
    """``size`` items of each type, linked to each other, with topics, people, pictures."""
    picture = ImageFactory()
    gallery = [picture, *(ImageFactory(caption_nn=f"Bilete {n}") for n in range(3))]
    topics = [TopicFactory() for _ in range(2)]
    about = SitePageFactory(title_nn="Om Norec", image=picture)
    for child in range(size):
        SitePageFactory(parent=about, title_nn=f"Underside {child}")
    MenuItem.objects.create(menu=MenuItem.Menu.MAIN, language="nn", page=about)
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", section="search")
    settings_row = SiteSettings.load()
    settings_row.accessibility_page = about
    settings_row.save()
    for _ in range(size):
        report = ReportFactory(files=["nn", "en"], cover=picture)
        report.topics.add(*topics)
        report.sdgs.add(*report.sdgs.model.objects.filter(number__in=[5, 17]))
        project = ProjectFactory(sdgs=[5, 17], images=gallery)
        project.related_reports.add(report)
        article = ArticleFactory(
            image=picture, topics=topics, authors=[PersonFactory(), PersonFactory()]
        )
        article.related_reports.add(report)
        article.related_projects.add(project)
    return about


def pages():
    """(name, url) of every public page type, in Nynorsk."""
    article = Article.objects.public("nn").first()
    report = Report.objects.public("nn").first()
    project = Project.objects.public("nn").first()
    topic = article.topics.first()
    return [
        ("home", reverse("home")),
        ("news list", reverse("news:index")),
        ("news list, a topic", f"{reverse('news:index')}?topic={topic.slug}"),
        ("news list, last page", f"{reverse('news:index')}?page=last"),
        ("an article", article.get_absolute_url()),
        ("report library", reverse("reports:index")),
        ("report library, filtered", f"{reverse('reports:index')}?sdg=5&topic={topic.slug}"),
        ("a report", report.get_absolute_url()),
        ("projects", reverse("projects:index")),
        ("projects, two facets", f"{reverse('projects:index')}?region=africa&sdg=17"),
        ("projects, a phase and a year", f"{reverse('projects:index')}?phase=ongoing&year=2026"),
        (
            "projects, every facet",
            f"{reverse('projects:index')}?region=africa&subregion=eastern-africa&country=KE"
            "&sector=civil_society&type=south_south&sdg=17&phase=ongoing&year=2026",
        ),
        ("projects, last page", f"{reverse('projects:index')}?page=last"),
        ("report library, last page", f"{reverse('reports:index')}?page=last"),
        ("a project", project.get_absolute_url()),
        ("search", f"{reverse('search')}?q=utveksling"),
        ("search, one type", f"{reverse('search')}?q=utveksling&type=news"),
        ("news feed", reverse("news:feed")),
        ("reports feed", reverse("reports:feed")),
        ("sitemap", "/sitemap.xml"),
        ("sitemap, the news", "/sitemap-news.xml"),
        ("a site page", SiteSettings.load().accessibility_page.get_absolute_url()),
    ]


@pytest.mark.parametrize("size", [1, 6])
def test_every_public_page_stays_within_the_query_budget(
    client, size, django_assert_max_num_queries
):
    content(size)
    client.get(reverse("home"))  # past the migration's first scheduled check
    for name, url in pages():
        caches["pages"].clear()
        with django_assert_max_num_queries(BUDGET, info=name):
            response = client.get(url)
        assert response.status_code == 200, name


@pytest.mark.parametrize("size", [1, 6])
def test_the_sitemaps_pages_stay_within_the_budget_when_sections_need_many(
    client, size, monkeypatch, django_assert_max_num_queries
):
    from norec_site.sitemaps import PublishableSitemap
    from tests.sitemaps import section_addresses

    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    content(size)
    client.get(reverse("home"))
    caches["pages"].clear()
    with django_assert_max_num_queries(BUDGET, info="the index"):
        addresses = section_addresses(client)
    for address in addresses:
        caches["pages"].clear()
        with django_assert_max_num_queries(BUDGET, info=address):
            assert client.get(address).status_code == 200
