"""What a hostile or unlucky visitor might try against the faster pages: the compiled
related links, the home page's union of article ids and the facet counts' single scan."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from news.home import home_news
from projects.facets import FACETS, count_facets, filter_projects, selected_from
from projects.models import Project
from tests.news.factories import ArticleFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def titles(item, language="nn", **kwargs):
    return [link.title for link in item.related_public(language, **kwargs)["article"]]


def linked(report, **fields):
    article = ArticleFactory(**fields)
    article.related_reports.add(report)
    return article


# Related links: the UNION compiled once, the time and the item bound on each run ----


def test_related_links_never_show_drafts_scheduled_or_expired_items_whatever_was_compiled():
    report = ReportFactory()
    linked(report, title_nn="Offentleg")
    linked(report, title_nn="Utkast", draft=True)
    linked(report, title_nn="Planlagd", published_at=timezone.now() + HOUR)
    linked(report, title_nn="Gått ut", unpublish_at=timezone.now() - datetime.timedelta(seconds=1))
    linked(report, title_nn="Går ut snart", unpublish_at=timezone.now() + HOUR)
    assert sorted(titles(report)) == ["Går ut snart", "Offentleg"]
    assert sorted(titles(report, limit=3)) == ["Går ut snart", "Offentleg"]
    with time_machine.travel(timezone.now() + 2 * HOUR, tick=False):
        # The same compiled SQL, a later time: the schedule moves with it.
        assert sorted(titles(report)) == ["Offentleg", "Planlagd"]
        assert sorted(titles(report, limit=3)) == ["Offentleg", "Planlagd"]


def test_related_links_of_another_item_and_language_use_their_own_values():
    report, other = ReportFactory(), ReportFactory()
    linked(report, title_nn="Berre nynorsk")
    linked(other, translated=True, title_nn="Tre språk", title_en="Three languages")
    assert titles(report) == ["Berre nynorsk"]
    assert titles(other) == ["Tre språk"]  # the item's id is bound, not compiled in
    assert titles(report, "en") == []
    assert titles(other, "en") == ["Three languages"]
    assert titles(other, "nb") != ["Three languages"]


def test_the_related_links_limit_holds_for_each_kind_and_changes_with_the_limit():
    report = ReportFactory()
    for number in range(5):
        linked(report, title_nn=f"Nyhende {number}")
    assert len(titles(report, limit=2)) == 2
    assert len(titles(report)) == 5
    assert len(titles(report, limit=3)) == 3
    assert titles(report, limit=2) == ["Nyhende 4", "Nyhende 3"]


# Home: the featured and latest articles by a union of their ids --------------------


def test_home_never_features_a_draft_or_scheduled_article():
    ArticleFactory(title_nn="Vanleg")
    ArticleFactory(title_nn="Utkast framheva", featured=True, draft=True)
    ArticleFactory(title_nn="Planlagd framheva", featured=True, scheduled=True)
    ArticleFactory(
        title_nn="Utgått framheva",
        featured=True,
        unpublish_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    news = home_news("nn")
    shown = [news["featured"].title_nn] if news.get("featured") else []
    shown += [article.title_nn for article in news["latest"]]
    assert shown == ["Vanleg"]
    content = reverse_and_get_home()
    for title in ("Utkast framheva", "Planlagd framheva", "Utgått framheva"):
        assert title not in content


def test_home_features_the_newest_featured_article_even_when_older_than_the_latest():
    old = timezone.now() - datetime.timedelta(days=30)
    ArticleFactory(title_nn="Eldre framheva", featured=True, published_at=old)
    ArticleFactory(title_nn="Eldst framheva", featured=True, published_at=old - HOUR)
    for number in range(8):
        ArticleFactory(title_nn=f"Ny {number}")
    news = home_news("nn")
    assert news["featured"].title_nn == "Eldre framheva"
    assert len(news["latest"]) == 6
    assert "Eldst framheva" not in [article.title_nn for article in news["latest"]]


def reverse_and_get_home():
    from django.test import Client

    with translation.override("nn"):
        url = reverse("home")
    return Client().get(url).content.decode()


# The facet counts: one scan, odd addresses ------------------------------------------


ODD_QUERIES = [
    "region=africa&region=asia",
    "region=%00",
    "country=%00%27",
    "sdg=0",
    "sdg=18",
    "sdg=-1",
    "sdg=1e3",
    "sdg=" + "9" * 5000,
    "year=99999999999999999999",
    "phase=" + "x" * 10000,
    "phase=ongoing&phase=completed",
    "type=%E2%80%AE",
    "status=nonsense",
    "page=0",
    "page=-1",
    "page=99999999999999999999",
    "page=abc",
    "q=%00",
    "unknown=1&region=",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_facet_queries_never_end_in_a_server_error(client, query):
    from tests.projects.factories import ProjectFactory

    ProjectFactory()
    with translation.override("nn"):
        url = reverse("projects:index")
    response = client.get(f"{url}?{query}", follow=True)
    assert response.status_code in (200, 400, 404)


def test_the_facet_counts_equal_the_list_they_would_show():
    from tests.projects.factories import ProjectFactory

    ProjectFactory(sdgs=(17, 4), partners=(("KE", "civil_society"), ("VN", "public")))
    ProjectFactory(sdgs=(17,), cooperation_type="triangular", partners=(("BR", "private"),))
    ProjectFactory(sdgs=(5,), start=datetime.date(2015, 1, 1), end=datetime.date(2018, 1, 1))
    ProjectFactory(
        cooperation_type="triangular",
        start=datetime.date(2099, 1, 1),
        end=datetime.date(2100, 1, 1),
    )
    ProjectFactory(languages=("en",), sdgs=(17,))
    ProjectFactory(status="draft", sdgs=(17,))
    base = Project.objects.public("nn")
    for params in (
        {},
        {"type": "south-south"},
        {"sdg": "17"},
        {"phase": "ongoing"},
        {"phase": "ongoing", "type": "triangular"},
        {"sdg": "17", "type": "triangular", "region": "africa"},
        {"sdg": "5", "phase": "completed", "year": "2016"},
    ):
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        query.update(params)
        selection = selected_from(query)
        counts = count_facets(base, selection)
        for facet in FACETS:
            others = {k: v for k, v in selection.items() if k != facet.key}
            assert sum(counts[facet.key].values()) or not filter_projects(base, others).exists()
            for value, count in counts[facet.key].items():
                chosen = filter_projects(base, {**others, facet.key: facet.parse(value)})
                assert chosen.count() == count, (params, facet.key, value)


# shown_in(): no page in any language reads a column it left out --------------------


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_public_page_in_another_language_stays_within_the_budget(
    client, settings, language, django_assert_max_num_queries
):
    from django.core.cache import caches

    from news.models import Article
    from norec_site.models import MenuItem
    from projects.models import Project
    from reports.models import Report
    from tests.factories import ImageFactory, PersonFactory, SitePageFactory, TopicFactory
    from tests.projects.factories import ProjectFactory

    settings.PAGE_CACHE_SECONDS = 300
    picture = ImageFactory()
    topics = [TopicFactory() for _ in range(2)]
    about = SitePageFactory(title_nn="Om Norec", image=picture)
    for _child in range(4):
        SitePageFactory(parent=about)
    MenuItem.objects.create(menu=MenuItem.Menu.MAIN, language=language, page=about)
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language=language, section="search")
    for number in range(4):
        report = ReportFactory(
            files=["nn", "en"],
            cover=picture,
            subtitle_nn=f"Undertittel {number}",
            title_nb=f"Rapport {number} bokmål",
            summary_nb="<p>Samandrag.</p>",
        )
        report.topics.add(*topics)
        project = ProjectFactory(sdgs=[5, 17])
        project.related_reports.add(report)
        article = ArticleFactory(
            translated=True,
            image=picture,
            topics=topics,
            authors=[PersonFactory()],
            seo_title_nn=f"Nynorsk SEO {number}",
            image_caption_nn=f"Nynorsk bilettekst {number}",
        )
        article.related_reports.add(report)
        article.related_projects.add(project)
    with translation.override(language):
        article = Article.objects.public(language).first()
        report = Report.objects.public(language).first()
        project = Project.objects.public(language).first()
        urls = [
            reverse("home"),
            reverse("news:index"),
            article.get_absolute_url(),
            reverse("reports:index"),
            report.get_absolute_url(),
            reverse("projects:index"),
            f"{reverse('projects:index')}?sdg=17",
            project.get_absolute_url(),
            f"{reverse('search')}?q=prosjekt",
            reverse("news:feed"),
            about.get_absolute_url(),
        ]
    client.get(urls[0])
    for url in urls:
        caches["pages"].clear()
        with django_assert_max_num_queries(8, info=url):
            response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "Nynorsk SEO" not in text and "Nynorsk bilettekst" not in text, url
        assert "Undertittel" not in text, url
