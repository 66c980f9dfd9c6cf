"""The sitemap: whole while it fits one page a section, else an index of the sections'
pages; each address once, drafts never."""

from collections import Counter

import pytest
from lxml import etree

from norec_site.registry import in_display_order
from norec_site.sitemaps import PublishableSitemap
from tests.factories import SitePageFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory
from tests.sitemaps import NAMESPACES, section_addresses, sitemap_document

pytestmark = pytest.mark.django_db


def locations(content):
    return [loc.text for loc in etree.fromstring(content).findall("s:url/s:loc", NAMESPACES)]


def test_a_small_site_has_the_whole_sitemap_at_its_address_with_one_query_a_type(
    client, django_assert_max_num_queries
):
    article = ArticleFactory(translated=True)
    report = ReportFactory()
    page = SitePageFactory()
    types = len(in_display_order())  # the "pages" section reads nothing
    # The content version's read, the counts of every type, then one query a type.
    with django_assert_max_num_queries(2 + types):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    assert document.tag == f"{{{NAMESPACES['s']}}}urlset"
    listed = locations(response.content)
    for address in [
        *(article.get_absolute_url(code) for code in ("nn", "nb", "en")),
        report.get_absolute_url("nn"),
        page.get_absolute_url("nn"),
        "/nn/",
    ]:
        assert f"http://testserver{address}" in listed
    alternates = document.findall("s:url/x:link[@hreflang='nb']", NAMESPACES)
    assert f"http://testserver{article.get_absolute_url('nb')}" in {
        link.get("href") for link in alternates
    }


def test_once_a_section_needs_two_pages_the_address_is_the_index_within_the_budget(
    client, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    ArticleFactory.create_batch(2, translated=True)
    ReportFactory.create_batch(3)
    ProjectFactory.create_batch(3)
    SitePageFactory.create_batch(3)
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml")
    assert etree.fromstring(response.content).tag == f"{{{NAMESPACES['s']}}}sitemapindex"
    assert "/sitemap-news.xml?p=3" in response.content.decode()


def test_the_index_lists_the_pages_then_each_type_and_robots_points_to_it(client, monkeypatch):
    monkeypatch.setattr(PublishableSitemap, "limit", 1)
    ArticleFactory(translated=True)
    ReportFactory()
    SitePageFactory()
    sections = dict.fromkeys(address.split("?")[0] for address in section_addresses(client))
    assert list(sections) == [
        "/sitemap-pages.xml",
        "/sitemap-news.xml",
        "/sitemap-reports.xml",
        "/sitemap-projects.xml",
        "/sitemap-site-pages.xml",
    ]
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_a_section_is_paged_and_lists_each_address_once(client, monkeypatch):
    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    translated = ArticleFactory.create_batch(2, translated=True)  # nn, nb and en
    nynorsk = ArticleFactory.create_batch(2)
    ArticleFactory(draft=True, translated=True)
    news_pages = [address for address in section_addresses(client) if "-news" in address]
    # 2 × 3 + 2 addresses, two a page.
    assert news_pages == [
        "/sitemap-news.xml",
        "/sitemap-news.xml?p=2",
        "/sitemap-news.xml?p=3",
        "/sitemap-news.xml?p=4",
    ]
    listed = [loc for address in news_pages for loc in locations(client.get(address).content)]
    expected = [
        f"http://testserver{article.get_absolute_url(code)}"
        for article in translated
        for code in ("nn", "nb", "en")
    ] + [f"http://testserver{article.get_absolute_url('nn')}" for article in nynorsk]
    assert Counter(listed) == Counter(expected)
    assert client.get("/sitemap-news.xml?p=5").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_a_draft_is_in_no_section(client):
    draft = ArticleFactory(draft=True, translated=True, title_nn="Utkast om fisk")
    document = sitemap_document(client).decode()
    for code in ("nn", "nb", "en"):
        assert draft.get_absolute_url(code) not in document
