"""The counts kept per content version (norec_site.figures, the project facets): the news
list's pages, the sitemap's sections and the facet counts follow every publish,
unpublish, delete and scheduled time on the next request, and the kept facet
selections stay bounded.

These tests commit for real (transactional_db): the content version's raise waits
for the commit, as it does on the site."""

import datetime
import random
from urllib.parse import urlencode

import pytest
import time_machine
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from news.models import Article
from norec_site import page_cache
from norec_site.models import Status
from norec_site.sitemaps import PublishableSitemap
from projects.facets import filter_projects, selected_from
from projects.models import Project
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.sitemaps import NAMESPACES, section_addresses, sitemap_document

# serialized_rollback keeps the goals, groups and settings that migrations made.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("page_cache_off_and_on"),
]
PAGE = 12  # the news list's page size


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
    expected = list(Article.objects.public("nn")[PAGE : PAGE * 2])
    response = second_page(client)
    assert list(response.context["page_obj"]) == expected
    content = response.content.decode()
    positions = [content.index(f">{article.title}<") for article in expected]
    assert positions == sorted(positions)
    others = Article.objects.public("nn").exclude(pk__in=[a.pk for a in expected])
    # Whole titles: "Utveksling nummer 1" is the start of "Utveksling nummer 12".
    assert not any(f">{article.title}<" in content for article in others)


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


# What a hostile or unlucky visitor may try ---------------------------------------


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["paginator"].count, [item.pk for item in response.context["page_obj"]]


def test_every_language_counts_only_what_is_public_in_it(client):
    ArticleFactory.create_batch(2)  # nn only
    ArticleFactory.create_batch(3, translated=True)
    ArticleFactory(
        title_nn="",
        lead_nn="",
        body_nn="",
        title_en="Only English",
        lead_en="L.",
        body_en="<p>B.</p>",
    )
    ArticleFactory(body_nn="")  # untranslated: a title and a lead, no body
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    ArticleFactory(unpublish_at=timezone.now() - datetime.timedelta(minutes=1))
    for code, expected in (("nn", 5), ("nb", 3), ("en", 4)):
        with translation.override(code):
            url = reverse("news:index")
        count, shown = listed(client, url)
        assert count == expected == Article.objects.public(code).count(), code
        assert sorted(shown) == sorted(Article.objects.public(code).values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("page", "status"),
    [
        ("last", 200),
        ("3", 200),
        ("0", 404),
        ("-1", 404),
        ("4", 404),
        ("99999", 404),
        ("abc", 404),
        ("1.5", 404),
        ("", 200),
        ("%00", 200),  # NUL characters are dropped: page one
    ],
)
def test_page_numbers_a_visitor_may_type(client, page, status):
    ArticleFactory.create_batch(PAGE * 2 + 1)
    response = client.get(f"{reverse('news:index')}?page={page}")
    assert response.status_code == status
    if page in ("last", "3"):
        assert len(response.context["page_obj"]) == 1


def test_a_full_last_page_has_no_page_after_it(client):
    ArticleFactory.create_batch(PAGE * 2)
    assert client.get(f"{reverse('news:index')}?page=2").status_code == 200
    assert client.get(f"{reverse('news:index')}?page=3").status_code == 404
    response = client.get(f"{reverse('news:index')}?page=last")
    assert response.context["page_obj"].number == 2


def walk(client, url):
    """Every item the pages of ``url`` show, page after page."""
    first = client.get(url)
    shown = [item.pk for item in first.context["page_obj"]]
    for number in range(2, first.context["paginator"].num_pages + 1):
        response = client.get(f"{url}?page={number}")
        shown += [item.pk for item in response.context["page_obj"]]
    return shown


def test_items_published_at_the_same_moment_show_once_each_across_the_pages(client):
    moment = timezone.now() - datetime.timedelta(hours=1)
    ArticleFactory.create_batch(PAGE * 3 - 1, published_at=moment)
    Article.objects.update(created_at=moment)  # made in one import
    shown = walk(client, reverse("news:index"))
    assert sorted(shown) == sorted(Article.objects.values_list("pk", flat=True))


def test_reports_of_the_same_day_show_once_each_across_the_pages(client):
    from reports.models import Report
    from tests.reports.factories import ReportFactory

    moment = timezone.now() - datetime.timedelta(hours=1)
    ReportFactory.create_batch(PAGE * 3 - 1, published_at=moment, publication_date=moment.date())
    shown = walk(client, reverse("reports:index"))
    assert sorted(shown) == sorted(Report.objects.values_list("pk", flat=True))


def test_the_news_topics_follow_a_rename_and_a_repeated_topic_filter(client):
    from tests.factories import TopicFactory

    topic, other = TopicFactory(name_nn="Klima"), TopicFactory(name_nn="Helse")
    ArticleFactory.create_batch(PAGE + 1, topics=[topic])
    ArticleFactory(topics=[other])
    response = client.get(reverse("news:index"))
    assert [t.name for t in response.context["topics"]] == ["Helse", "Klima"]
    topic.name_nn = "Berekraft"
    topic.save()
    response = client.get(reverse("news:index"))
    assert [t.name for t in response.context["topics"]] == ["Berekraft", "Helse"]
    assert response.context["paginator"].count == PAGE + 2
    for query in (
        f"topic={topic.slug}&topic={topic.slug}",
        f"topic={other.slug}&topic={topic.slug}",
    ):
        count, _shown = listed(client, f"{reverse('news:index')}?{query}")
        assert count == PAGE + 1, query
    count, _shown = listed(client, f"{reverse('news:index')}?topic={topic.slug}&page=2")
    assert count == PAGE + 1
    other.delete()
    response = client.get(reverse("news:index"))
    assert [t.name for t in response.context["topics"]] == ["Berekraft"]


def test_an_unpublish_time_takes_the_item_off_the_count_at_its_time(client):
    ArticleFactory.create_batch(PAGE)
    ArticleFactory(unpublish_at=timezone.now() + datetime.timedelta(minutes=10))
    assert second_page(client).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert second_page(client).status_code == 404


def test_a_rolled_back_publish_is_never_counted(client):
    ArticleFactory.create_batch(PAGE)
    assert second_page(client).status_code == 404
    try:
        with transaction.atomic():
            ArticleFactory()
            assert second_page(client).status_code == 200  # inside, it is there
            raise RuntimeError
    except RuntimeError:
        pass
    # The page cache stores what a request inside such a transaction rendered (only a
    # test renders there); what is under test here is the kept figures.
    page_cache.page_cache().clear()
    assert second_page(client).status_code == 404
    assert client.get(reverse("news:index")).context["paginator"].count == PAGE


def test_the_sitemap_lists_each_public_address_once_in_every_language(client, monkeypatch):
    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    ArticleFactory.create_batch(2)
    ArticleFactory.create_batch(2, translated=True)
    ArticleFactory(
        title_nn="",
        lead_nn="",
        body_nn="",
        title_en="Only English",
        lead_en="L.",
        body_en="<p>B.</p>",
    )
    ArticleFactory(draft=True, translated=True)
    ArticleFactory(scheduled=True, translated=True)
    ArticleFactory(unpublish_at=timezone.now() - datetime.timedelta(minutes=1))
    expected = sorted(
        f"http://testserver{article.get_absolute_url(code)}"
        for code in ("nn", "nb", "en")
        for article in Article.objects.public(code)
    )
    for _twice in range(2):  # made, then kept
        document = etree.fromstring(sitemap_document(client))
        every = {
            f"http://testserver{article.get_absolute_url(code)}"
            for code in ("nn", "nb", "en")
            for article in Article.objects.all()
        }
        locs = [loc.text for loc in document.findall("s:url/s:loc", NAMESPACES)]
        found = sorted(loc for loc in locs if loc in every)
        assert found == expected


COUNTRIES = ("KE", "UG", "NO", "BR", "VN", "IN", "ZA", "MX", "NP", "TZ")
KINDS = ("civil_society", "public", "private", "multilateral")


def random_projects(rng, number):
    from projects.models import CooperationType

    today = timezone.localdate()
    for _ in range(number):
        start = today + datetime.timedelta(days=rng.randint(-3000, 600))
        languages = rng.choice([("nn",), ("nn", "nb", "en"), ("en",), ("nb", "en")])
        extra = rng.choice(
            [
                {},
                {},
                {"status": Status.DRAFT},
                {"published_at": timezone.now() + datetime.timedelta(days=3)},
                {"expired": True},
            ]
        )
        expired = extra.pop("expired", False)
        project = ProjectFactory(
            partners=rng.sample(
                [(country, kind) for country in COUNTRIES for kind in KINDS], rng.randint(1, 3)
            ),
            sdgs=rng.sample(range(1, 18), rng.randint(0, 3)),
            start=start,
            end=start + datetime.timedelta(days=rng.randint(30, 2000)),
            cooperation_type=rng.choice(CooperationType.values),
            languages=languages,
            **extra,
        )
        if expired:  # past its unpublish time (which the admin only takes in the future)
            project.unpublish_at = timezone.now() - datetime.timedelta(days=1)
            project.save(update_fields=["unpublish_at"])


def random_query(rng):
    """A facet selection as a visitor may type it: known values, unknown ones, repeats."""
    today = timezone.localdate()
    choices = {
        "region": ["africa", "asia", "latin-america", "europe", "mars", ""],
        "subregion": ["eastern-africa", "southern-asia", "northern-europe", "nowhere"],
        "country": [*COUNTRIES, "no", "XX", "NOR"],
        "sector": [*KINDS, "army"],
        "type": ["south_south", "triangular", "north_south", "other"],
        "sdg": ["1", "5", "17", "18", "0", "x"],
        "phase": ["planned", "ongoing", "completed", "over"],
        "year": [str(today.year + d) for d in (-8, -3, -1, 0, 1, 2)] + ["1899", "abcd"],
    }
    keys = rng.sample(sorted(choices), rng.randint(1, 4))
    pairs = [(key, rng.choice(choices[key])) for key in keys]
    if rng.random() < 0.2:
        pairs.append((pairs[0][0], rng.choice(choices[pairs[0][0]])))  # a repeated key
    return pairs


def test_random_facet_selections_count_what_the_list_shows(client):
    rng = random.Random(20261207)  # noqa: S311 - test data, the same every run
    random_projects(rng, 40)
    today = timezone.localdate()
    for _ in range(60):
        code = rng.choice(["nn", "nb", "en"])
        query = urlencode(random_query(rng))
        with translation.override(code):
            url = f"{reverse('projects:index')}?{query}"
        response = client.get(url)
        assert response.status_code == 200, url
        selection = selected_from(QueryDict(query))
        public = Project.objects.public(code)
        expected = filter_projects(public, selection, today)
        assert response.context["paginator"].count == expected.count(), url
        assert {p.pk for p in response.context["page_obj"]} <= set(
            expected.values_list("pk", flat=True)
        ), url
        for facet in response.context["facets"]:
            for option in facet["options"]:
                picked = {**selection, facet["key"]: option["value"]}
                picked = selected_from(QueryDict(urlencode(picked)))
                assert option["count"] == filter_projects(public, picked, today).count(), (
                    url,
                    facet["key"],
                    option["value"],
                )
        assert len(page_cache._fragments[1]) <= page_cache.FRAGMENT_LIMIT


def test_tied_articles_of_one_topic_show_once_each_across_the_pages(client):
    from tests.factories import TopicFactory

    topic = TopicFactory()
    moment = timezone.now() - datetime.timedelta(hours=1)
    ArticleFactory.create_batch(PAGE * 4 - 1, published_at=moment, topics=[topic])
    Article.objects.update(created_at=moment)
    url = f"{reverse('news:index')}?topic={topic.slug}"
    first = client.get(url)
    shown = [item.pk for item in first.context["page_obj"]]
    for number in range(2, 5):
        shown += [item.pk for item in client.get(f"{url}&page={number}").context["page_obj"]]
    assert sorted(shown) == sorted(Article.objects.values_list("pk", flat=True))


def test_unknown_facet_values_keep_nothing_more(client):
    ProjectFactory(sdgs=[5])
    client.get(reverse("projects:index"))
    client.get(f"{reverse('projects:index')}?sdg=5")
    kept = len(page_cache._fragments[1])
    for junk in (
        "sdg=99",
        "sdg=5x",
        "country=XX",
        "region=mars",
        "year=1899",
        "phase=over",
        "type=none",
        "sector=army",
        "subregion=moon",
        "sdg=",
        "nonsense=1",
    ):
        page_cache.page_cache().clear()
        response = client.get(f"{reverse('projects:index')}?{junk}")
        assert response.status_code == 200, junk
        assert response.context["paginator"].count == 1, junk
    for same in ("sdg=05", "sdg=5&sdg=5", "sdg=%205%20"):
        page_cache.page_cache().clear()
        assert client.get(f"{reverse('projects:index')}?{same}").context["paginator"].count == 1
    assert len(page_cache._fragments[1]) == kept


@pytest.mark.parametrize("orphans", [0, 3, 11])
def test_the_ids_first_paginator_pages_as_djangos_own(orphans):
    from django.core.paginator import Paginator

    from norec_site.views import IdsFirstPaginator

    ArticleFactory.create_batch(PAGE * 2 + 3)
    ArticleFactory(draft=True)
    items = Article.objects.public("nn")
    ours, django = (
        IdsFirstPaginator(items, PAGE, orphans=orphans),
        Paginator(items, PAGE, orphans=orphans),
    )
    assert ours.num_pages == django.num_pages
    for number in ours.page_range:
        assert list(ours.page(number)) == list(django.page(number)), number


def test_sitemap_page_numbers_a_visitor_may_type(client, monkeypatch):
    monkeypatch.setattr(PublishableSitemap, "limit", 2)
    ArticleFactory.create_batch(2, translated=True)  # six addresses: three pages
    assert [a for a in section_addresses(client) if "-news" in a][-1].endswith("p=3")
    for p, status in (
        ("1", 200),
        ("3", 200),
        ("4", 404),
        ("0", 404),
        ("-1", 404),
        ("abc", 404),
        ("99999", 404),
    ):
        response = client.get(f"/sitemap-news.xml?p={p}")
        assert response.status_code == status, p
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_facet_columns_written_outside_a_transaction_raise_the_version(client):
    from projects.services import refresh_facets

    project = ProjectFactory(sdgs=[17])
    assert facet_count(client, "sdg=17", "sdg", "17") == (1, 1)
    before = page_cache.read_version()[0]
    Project.objects.filter(pk=project.pk).update(sdg_numbers=[5])  # as a script might
    refresh_facets(project.pk)  # puts 17 back from the project's goals, and says so
    assert page_cache.read_version()[0] > before
