"""The counts kept per content version (norec_site.figures, the project facets): the news
list's pages, the sitemap's sections and the facet counts follow every publish,
unpublish, delete and scheduled time on the next request, and the kept facet
selections stay bounded.

These tests commit for real (transactional_db): the content version's raise waits
for the commit, as it does on the site."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from norec_site import page_cache
from norec_site.models import SiteSettings, Status
from norec_site.sitemaps import PublishableSitemap
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.sitemaps import section_addresses

# serialized_rollback keeps the goals, groups and settings that migrations made.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PAGE = 12  # the news list's page size


@pytest.fixture(autouse=True, params=[0, 300], ids=["cache-off", "cache-on"])
def cache_seconds(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    page_cache.page_cache().clear()
    page_cache.forget_fragments()
    SiteSettings.load()
    yield request.param
    page_cache.page_cache().clear()
    page_cache.forget_fragments()


def second_page(client):
    return client.get(f"{reverse('news:index')}?page=2")


def test_the_news_lists_pages_follow_a_publish_an_unpublish_and_a_delete(client):
    ArticleFactory.create_batch(PAGE)
    assert second_page(client).status_code == 404
    assert second_page(client).status_code == 404  # now from what was kept
    newest = ArticleFactory(title_nn="Den trettande")
    response = second_page(client)
    assert response.status_code == 200
    assert "Den trettande" not in response.content.decode()  # newest first: on page one
    newest.status = Status.DRAFT
    newest.save()
    assert second_page(client).status_code == 404
    newest.status = Status.PUBLISHED
    newest.save()
    assert second_page(client).status_code == 200
    newest.delete()
    assert second_page(client).status_code == 404


def test_a_scheduled_article_counts_from_its_time(client):
    ArticleFactory.create_batch(PAGE)
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(minutes=10))
    assert second_page(client).status_code == 404
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert second_page(client).status_code == 200


def test_a_deep_page_shows_the_same_items_in_the_same_order(client):
    ArticleFactory.create_batch(PAGE * 2 + 3)
    expected = [a.title for a in Article.objects.public("nn")[PAGE : PAGE * 2]]
    content = second_page(client).content.decode()
    positions = [content.index(title) for title in expected]
    assert positions == sorted(positions)
    others = Article.objects.public("nn").exclude(title__in=expected)
    assert not any(article.title in content for article in others)


def test_the_sitemap_sections_follow_a_publish_and_an_unpublish(client, monkeypatch):
    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    ArticleFactory(translated=True)  # nn, nb and en: two pages of two
    news = [address for address in section_addresses(client) if "-news" in address]
    assert len(news) == 2
    second = ArticleFactory(translated=True)
    news = [address for address in section_addresses(client) if "-news" in address]
    assert len(news) == 3
    second.status = Status.DRAFT
    second.save()
    news = [address for address in section_addresses(client) if "-news" in address]
    assert len(news) == 2


def facet_count(client, query, facet_key, value):
    """(projects listed, the count of ``value``): rendered, from what the facets kept."""
    page_cache.page_cache().clear()
    response = client.get(f"{reverse('projects:index')}?{query}")
    facet = next(f for f in response.context["facets"] if f["key"] == facet_key)
    option = next((o for o in facet["options"] if o["value"] == value), None)
    return response.context["paginator"].count, option["count"] if option else 0


def test_facet_counts_and_the_filtered_list_follow_a_publish(client):
    ProjectFactory(sdgs=[17])
    ProjectFactory(sdgs=[5])
    assert facet_count(client, "sdg=17", "sdg", "17") == (1, 1)
    assert facet_count(client, "sdg=17", "sdg", "5") == (1, 1)
    later = ProjectFactory(sdgs=[5, 17])
    assert facet_count(client, "sdg=17", "sdg", "17") == (2, 2)
    assert facet_count(client, "sdg=17", "sdg", "5") == (2, 2)
    later.delete()
    assert facet_count(client, "sdg=17", "sdg", "17") == (1, 1)


def test_kept_facet_selections_stay_bounded_and_right(client, monkeypatch):
    monkeypatch.setattr(page_cache, "FRAGMENT_LIMIT", 3)
    ProjectFactory(sdgs=[17])
    for number in range(1, 18):
        assert facet_count(client, f"sdg={number}", "sdg", "17") == (int(number == 17), 1)
    version, kept = page_cache._fragments
    assert len(kept) <= 3
    # The first selection was dropped, and is made again right.
    assert facet_count(client, "sdg=1", "sdg", "17") == (0, 1)
