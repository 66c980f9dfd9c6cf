import datetime
import json
import zoneinfo

import feedparser
import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from lxml import etree, html

from news.home import home_news
from news.models import Article, ArticleAuthor
from norec_site.groups import COMMUNICATIONS
from norec_site.models import Status
from tests.conftest import url_in
from tests.factories import ImageFactory, PersonFactory, TopicFactory, UserFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory
from tests.sitemaps import sitemap_document

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["nn", "nb", "en"]
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def article_url(article, language):
    return article.get_absolute_url(language)


def page_text(response):
    return response.content.decode()


def feed_entries(client, language, name="news:feed"):
    response = client.get(url_in(language, name))
    assert response.status_code == 200
    return feedparser.parse(response.content)


def sitemap_locations(client):
    tree = etree.fromstring(sitemap_document(client))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return tree, [loc.text for loc in tree.findall("s:url/s:loc", ns)]


# The list --------------------------------------------------------------------


def test_list_shows_newest_first_twelve_a_page(client):
    articles = ArticleFactory.create_batch(13)
    response = client.get(url_in("nn", "news:index"))
    shown = list(response.context["page_obj"].object_list)
    assert shown == list(reversed(articles))[:12]
    second = client.get(url_in("nn", "news:index") + "?page=2")
    assert list(second.context["page_obj"].object_list) == [articles[0]]
    assert 'rel="next"' in page_text(response)


def test_list_filters_by_topic(client):
    gender = TopicFactory(slug="gender", name_nn="Likestilling")
    on_topic = ArticleFactory(topics=[gender])
    off_topic = ArticleFactory()
    response = client.get(url_in("nn", "news:index") + "?topic=gender")
    assert list(response.context["page_obj"].object_list) == [on_topic]
    text = page_text(response)
    assert off_topic.title_nn not in text
    assert "Likestilling" in text
    assert '<a href="?topic=gender" aria-current="page">' in text


def test_list_with_unknown_topic_says_so(client):
    ArticleFactory()
    response = client.get(url_in("nn", "news:index") + "?topic=nothing-here")
    assert response.status_code == 200
    assert "Ingen nyhende om dette temaet enno." in page_text(response)


def test_list_item_has_picture_date_and_lead(client):
    published = datetime.datetime(2019, 3, 20, 10, 0, tzinfo=OSLO)
    ArticleFactory(image=ImageFactory(), published_at=published, lead_nn="Ei kort ingress.")
    text = page_text(client.get(url_in("nn", "news:index")))
    assert "/media/images/renditions/" in text and "srcset=" in text
    assert '<time datetime="2019-03-20T10:00:00+01:00">20. mars 2019</time>' in text
    assert "Ei kort ingress." in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nn", "20. mars 2019"), ("nb", "20. mars 2019"), ("en", "20 March 2019")],
)
def test_dates_read_as_each_language_writes_them(client, language, expected):
    published = datetime.datetime(2019, 3, 20, 0, 30, tzinfo=OSLO)
    article = ArticleFactory(translated=True, published_at=published)
    assert expected in page_text(client.get(url_in(language, "news:index")))
    assert expected in page_text(client.get(article_url(article, language)))


def test_list_shows_an_article_only_in_languages_it_is_complete_in(client):
    article = ArticleFactory(title_en="Half translated", lead_en="Lead only")
    assert article in client.get(url_in("nn", "news:index")).context["page_obj"].object_list
    assert list(client.get(url_in("en", "news:index")).context["page_obj"].object_list) == []
    assert list(client.get(url_in("nb", "news:index")).context["page_obj"].object_list) == []


def test_list_links_to_the_feeds(client):
    text = page_text(client.get(url_in("nn", "news:index")))
    assert 'type="application/rss+xml"' in text and "http://testserver/nn/nyhende/rss.xml" in text
    assert 'type="application/atom+xml"' in text


# The article page --------------------------------------------------------------


def make_full_article(**kwargs):
    adviser = PersonFactory(name="Ingrid Haugland")
    photographer = PersonFactory(name="Jonas Vik", job_title_nn="Kommunikasjonsrådgjevar")
    image = ImageFactory(caption_nn="Lanseringa i Buenos Aires", credit="Norec/Jonas Vik")
    article = ArticleFactory(
        translated=True,
        title_nn="Norec lanserer rapport på BAPA+40",
        lead_nn="Rapporten vart lagd fram i Buenos Aires.",
        body_nn="<p>Brødtekst med <strong>utheving</strong>.</p>",
        image=image,
        topics=[TopicFactory(slug="south-south", name_nn="Sør-sør-samarbeid")],
        **kwargs,
    )
    ArticleAuthor.objects.create(article=article, person=adviser, position=0, role="text")
    ArticleAuthor.objects.create(article=article, person=photographer, position=1, role="photo")
    return article


def test_article_page_shows_everything_an_article_has(client):
    article = make_full_article()
    report = ReportFactory(title_nn="Sør-sør-samarbeid i praksis")
    project = ProjectFactory(languages=("nn",), title_nn="Helseutveksling i Aust-Afrika")
    article.related_reports.add(report)
    article.related_projects.add(project)
    response = client.get(article_url(article, "nn"))
    assert response.status_code == 200
    doc = html.fromstring(response.content)
    assert doc.findtext(".//h1") == "Norec lanserer rapport på BAPA+40"
    assert "Rapporten vart lagd fram i Buenos Aires." in doc.findtext(".//p[@class='lead']")
    assert doc.find(".//figure/img") is not None
    caption = doc.find(".//figcaption").text_content()
    assert "Lanseringa i Buenos Aires" in caption and "Foto: Norec/Jonas Vik" in caption
    byline = [li.text_content().split() for li in doc.findall(".//ul[@class='byline']/li")]
    assert byline[0][:3] == ["Tekst:", "Ingrid", "Haugland,"]
    assert byline[1][:3] == ["Foto:", "Jonas", "Vik,"]
    assert "<strong>utheving</strong>" in page_text(response)
    assert doc.xpath("//a[@href='/nn/nyhende/?topic=south-south']")[0].text == "Sør-sør-samarbeid"
    assert doc.xpath(f"//a[@href='{report.get_absolute_url('nn')}']")[0].text == report.title_nn
    assert doc.xpath(f"//a[@href='{project.get_absolute_url('nn')}']")[0].text == project.title_nn
    others = {a.get("hreflang") for a in doc.xpath("//aside//a[@hreflang]")}
    assert others == {"nb", "en"}


def test_related_reports_and_projects_show_only_when_public_in_the_language(client):
    article = make_full_article()
    draft_report = ReportFactory(title_nn="Utkast til rapport", status=Status.DRAFT)
    nynorsk_only_project = ProjectFactory(languages=("nn",), title_nn="Berre på nynorsk")
    article.related_reports.add(draft_report)
    article.related_projects.add(nynorsk_only_project)
    nn = page_text(client.get(article_url(article, "nn")))
    assert "Utkast til rapport" not in nn
    assert "Berre på nynorsk" in nn
    en = page_text(client.get(article_url(article, "en")))
    assert "Berre på nynorsk" not in en
    assert "Related projects" not in en


def test_article_reports_are_read_back_from_the_report():
    article = make_full_article()
    report = ReportFactory()
    article.related_reports.add(report)
    assert list(report.articles.all()) == [article]


def test_article_page_has_canonical_hreflang_description_and_social_cards(client):
    article = make_full_article()
    response = client.get(article_url(article, "en"))
    doc = html.fromstring(response.content)
    head = doc.find("head")
    canonical = head.xpath("link[@rel='canonical']")[0].get("href")
    assert canonical == f"http://testserver{article_url(article, 'en')}"
    hreflangs = {link.get("hreflang"): link.get("href") for link in head.xpath("link[@hreflang]")}
    expected = {code: f"http://testserver{article_url(article, code)}" for code in LANGUAGES}
    assert hreflangs == expected
    assert head.xpath("meta[@name='description']")[0].get("content") == article.lead_en
    meta = {m.get("property") or m.get("name"): m.get("content") for m in head.xpath("meta")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == article.title_en
    assert meta["og:url"] == canonical
    assert meta["og:locale"] == "en_GB"
    assert meta["og:image"].startswith("http://testserver/media/images/renditions/")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]


def test_seo_fields_replace_title_and_description(client):
    article = ArticleFactory(seo_title_nn="Kort tittel", seo_description_nn="Kort skildring")
    doc = html.fromstring(client.get(article_url(article, "nn")).content)
    assert doc.findtext(".//title") == "Kort tittel – Norec"
    assert doc.xpath("//meta[@name='description']")[0].get("content") == "Kort skildring"


def test_article_page_has_news_article_structured_data(client):
    article = make_full_article()
    doc = html.fromstring(client.get(article_url(article, "nn")).content)
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title_nn
    assert data["inLanguage"] == "nn"
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["author"][0] == {"@type": "Person", "name": "Ingrid Haugland"}
    assert data["image"][0].startswith("http://testserver/media/")
    assert data["publisher"]["name"] == "Norec"


PLAIN_TEXT_PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
]


@pytest.mark.parametrize("payload", PLAIN_TEXT_PAYLOADS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_text_fields_are_escaped_on_every_surface(client, language, payload):
    fields = ("title", "lead", "seo_title", "seo_description", "image_caption")
    article = ArticleFactory(
        translated=True,
        featured=True,
        image=ImageFactory(),
        **{f"{name}_{language}": f"{name} {payload}" for name in fields},
    )
    raw_markup = ("<script>alert", "<img src=x", "<svg onload")
    with translation.override(language):
        for url in (
            article_url(article, language),
            url_in(language, "news:index"),
            f"/{language}/",
        ):
            text = page_text(client.get(url))
            assert not any(marker in text for marker in raw_markup), url
            assert "&lt;" in text
        doc = html.fromstring(client.get(article_url(article, language)).content)
        data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        assert data["headline"] == f"title {payload}"  # escaped as JSON, read back intact
        assert doc.findtext(".//title") == f"seo_title {payload} – Norec"
        home = render_to_string("news/includes/home_news.html", {"home_news": home_news()})
        assert not any(marker in home for marker in raw_markup)
        for name in ("news:feed", "news:feed_atom"):
            raw = client.get(url_in(language, name)).content.decode()
            assert not any(marker in raw for marker in raw_markup)
            entry = feedparser.parse(raw).entries[0]
            assert entry.title == f"title {payload}"
            assert not any(marker in entry.summary for marker in raw_markup)


def test_page_in_a_language_the_article_lacks_redirects_to_one_it_has(client):
    article = ArticleFactory(title_en="Half translated")
    en_url = url_in("en", "news:detail", slug=article.slug_nn)
    response = client.get(en_url)
    assert response.status_code in (301, 302)
    assert response["Location"] == article_url(article, "nn")


def test_switcher_and_hreflang_list_only_the_articles_languages(client):
    article = ArticleFactory(title_en="English", lead_en="Lead", body_en="<p>Body</p>")
    doc = html.fromstring(client.get(article_url(article, "nn")).content)
    switcher = doc.xpath("//nav[contains(@class, 'language-switcher')]//li")
    assert [li.text_content().strip() for li in switcher] == ["Nynorsk", "English"]
    assert sorted(doc.xpath("//head/link[@hreflang]/@hreflang")) == ["en", "nn"]


def test_other_languages_slug_redirects_to_this_languages_slug(client):
    article = ArticleFactory(translated=True)
    response = client.get(url_in("en", "news:detail", slug=article.slug_nn))
    assert response.status_code == 301
    assert response["Location"] == article_url(article, "en")


def test_old_slug_of_a_published_article_answers_301(client):
    article = ArticleFactory(title_nn="Gammal tittel")
    old_url = article_url(article, "nn")
    article.slug_nn = "ny-tittel"
    article.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == url_in("nn", "news:detail", slug="ny-tittel")
    assert client.get(response["Location"]).status_code == 200


def test_unknown_slug_is_404(client):
    assert client.get(url_in("nn", "news:detail", slug="finst-ikkje")).status_code == 404


# Drafts and scheduled articles never leak ------------------------------------


@pytest.fixture
def hidden_articles():
    """A draft and a scheduled article, complete in all three languages."""
    return [
        ArticleFactory(translated=True, draft=True, title_nn="Hemmeleg utkast"),
        ArticleFactory(translated=True, scheduled=True, title_nn="Planlagd sak", featured=True),
    ]


@pytest.fixture(params=["anonymous", "staff_without_permission"])
def outsider(request, client):
    if request.param == "staff_without_permission":
        client.force_login(UserFactory())
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_and_scheduled_articles_are_absent_from_every_public_surface(
    outsider, hidden_articles, language
):
    listed = outsider.get(url_in(language, "news:index")).context["page_obj"].object_list
    assert list(listed) == []
    for article in hidden_articles:
        assert outsider.get(article_url(article, language)).status_code == 404
        for name in ("news:feed", "news:feed_atom"):
            assert feed_entries(outsider, language, name).entries == []
        _tree, locations = sitemap_locations(outsider)
        assert not any(getattr(article, f"slug_{language}") in loc for loc in locations)
        home = outsider.get(f"/{language}/")
        assert getattr(article, f"title_{language}") not in page_text(home)
        with translation.override(language):
            assert home_news(language) == {"featured": None, "latest": []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_editor_with_permission_previews_drafts_and_scheduled_articles(
    client, hidden_articles, language
):
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    for article in hidden_articles:
        response = client.get(article_url(article, language))
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        doc = html.fromstring(response.content)
        assert doc.xpath("//p[@class='preview-banner']")
        assert doc.xpath("//meta[@name='robots']")[0].get("content") == "noindex, nofollow"
    listed = client.get(url_in(language, "news:index")).context["page_obj"].object_list
    assert list(listed) == []


def test_published_page_is_not_marked_as_preview(client):
    article = ArticleFactory()
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    response = client.get(article_url(article, "nn"))
    assert b"preview-banner" not in response.content
    assert "no-store" not in response.get("Cache-Control", "")


def test_scheduled_article_appears_at_its_time_on_every_surface(client):
    publish_at = timezone.now() + datetime.timedelta(days=2)
    article = ArticleFactory(
        published_at=publish_at, title_en="Scheduled", lead_en="Lead", body_en="<p>Body</p>"
    )
    assert client.get(article_url(article, "nn")).status_code == 404
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        for language in ("nn", "en"):
            assert client.get(article_url(article, language)).status_code == 200
            listed = client.get(url_in(language, "news:index")).context["page_obj"].object_list
            assert list(listed) == [article]
            titles = [e.title for e in feed_entries(client, language).entries]
            assert titles == [getattr(article, f"title_{language}")]
            assert home_news(language)["latest"] == [article]
        assert list(client.get(url_in("nb", "news:index")).context["page_obj"].object_list) == []
        _tree, locations = sitemap_locations(client)
        assert f"http://testserver{article_url(article, 'nn')}" in locations
        assert f"http://testserver{article_url(article, 'en')}" in locations


# Feeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "version"), [("news:feed", "rss20"), ("news:feed_atom", "atom10")]
)
def test_feeds_parse_with_absolute_links_and_the_lead_as_summary(client, language, name, version):
    ArticleFactory(
        title_en="Not complete in English",
        published_at=timezone.now() - datetime.timedelta(days=5),
    )
    article = make_full_article()
    feed = feed_entries(client, language, name)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.link == f"http://testserver{url_in(language, 'news:index')}"
    expected_count = 2 if language == "nn" else 1
    assert len(feed.entries) == expected_count
    entry = feed.entries[0]
    assert entry.title == getattr(article, f"title_{language}")
    assert entry.link == f"http://testserver{article_url(article, language)}"
    assert entry.summary == getattr(article, f"lead_{language}")
    assert entry.author == "Ingrid Haugland, Jonas Vik"
    assert [tag.term for tag in entry.tags] == [article.topics.get().name]


def test_feed_guid_stays_when_the_slug_changes(client):
    article = ArticleFactory()
    before = feed_entries(client, "nn").entries[0].id
    article.slug_nn = "ny-adresse"
    article.save()
    assert feed_entries(client, "nn").entries[0].id == before


@pytest.mark.parametrize("name", ["news:feed", "news:feed_atom"])
def test_a_feed_says_when_it_last_changed_and_is_all_utf8(client, name):
    older = ArticleFactory(
        title_nn="Eldre", published_at=timezone.now() - datetime.timedelta(days=3)
    )
    ArticleFactory(title_nn="Blåbærsommar på Vestlandet – «først»")
    Article.objects.filter(pk=older.pk).update(
        updated_at=datetime.datetime(2031, 5, 4, 3, 2, 1, tzinfo=datetime.UTC)
    )
    response = client.get(url_in("nn", name))
    assert response["Last-Modified"] == "Sun, 04 May 2031 03:02:01 GMT"
    assert response["Content-Type"].endswith("charset=utf-8")
    text = response.content.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert "Blåbærsommar på Vestlandet – «først»" in text
    assert len(feedparser.parse(response.content).entries) == 2


# Sitemap ---------------------------------------------------------------------


def test_sitemap_lists_each_article_in_each_of_its_languages_with_alternates(client):
    full = ArticleFactory(translated=True)
    nynorsk_only = ArticleFactory()
    ArticleFactory(draft=True, translated=True)
    tree, locations = sitemap_locations(client)
    expected = [f"http://testserver{article_url(full, code)}" for code in LANGUAGES]
    expected.append(f"http://testserver{article_url(nynorsk_only, 'nn')}")
    article_locations = [loc for loc in locations if "/nyhende/" in loc or "/nyheter/" in loc
                         or "/news/" in loc]  # fmt: skip
    index_urls = {f"http://testserver{url_in(code, 'news:index')}" for code in LANGUAGES}
    assert index_urls <= set(locations)
    assert sorted(set(article_locations) - index_urls) == sorted(expected)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entry = tree.xpath(f"s:url[s:loc='{expected[0]}']", namespaces=ns)[0]
    alternates = {link.get("hreflang") for link in entry.findall("x:link", ns)}
    assert alternates == set(LANGUAGES)


# Home page partial ---------------------------------------------------------------


def test_home_partial_shows_the_featured_and_the_latest_articles():
    ArticleFactory(title_en="Only a title in English")
    older_featured = ArticleFactory(featured=True, image=ImageFactory())
    latest = ArticleFactory.create_batch(7)
    news = home_news("nn")
    assert news["featured"] == older_featured
    assert news["latest"] == list(reversed(latest))[:6]
    text = render_to_string(
        "news/includes/home_news.html",
        {"home_news": news, "request": RequestFactory().get("/nn/")},
    )
    assert older_featured.title_nn in text
    assert text.index(older_featured.title_nn) < text.index(latest[-1].title_nn)
    assert "Alle nyhende" in text
    assert home_news("en") == {"featured": None, "latest": []}


def test_home_partial_is_empty_without_news():
    text = render_to_string("news/includes/home_news.html", {"home_news": home_news("nn")})
    assert text.strip() == ""


# Query budgets -----------------------------------------------------------------------


def many_articles(count):
    people = PersonFactory.create_batch(3)
    topics = TopicFactory.create_batch(3)
    image = ImageFactory()
    return [
        ArticleFactory(translated=True, image=image, authors=people, topics=topics)
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [1, 30])
def test_list_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    many_articles(count)
    for language in LANGUAGES:
        with django_assert_max_num_queries(8):
            response = client.get(url_in(language, "news:index"))
        assert len(response.context["page_obj"].object_list) == min(count, 12)
    topic = Article.objects.first().topics.first()
    with django_assert_max_num_queries(8):
        client.get(url_in("nn", "news:index") + f"?topic={topic.slug}")


@pytest.mark.parametrize("count", [1, 30])
def test_article_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    article = many_articles(1)[0]
    people = PersonFactory.create_batch(count)
    for position, person in enumerate(people, start=10):
        ArticleAuthor.objects.create(article=article, person=person, position=position)
    article.topics.add(*TopicFactory.create_batch(count))
    article.related_reports.add(*ReportFactory.create_batch(count))
    article.related_projects.add(*(ProjectFactory(languages=("nn",)) for _ in range(count)))
    ArticleFactory.create_batch(count)
    for language in LANGUAGES:
        with django_assert_max_num_queries(8):
            response = client.get(article_url(article, language))
        assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_feeds_and_home_partial_use_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    many_articles(count)
    for name in ("news:feed", "news:feed_atom"):
        with django_assert_max_num_queries(4):
            client.get(url_in("nn", name))
    with django_assert_max_num_queries(4):
        home_news("nn")


def test_article_complete_in_no_language_is_404_not_a_redirect_loop(client):
    article = ArticleFactory(lead_nn="", title_nn="Berre ein tittel")
    assert client.get(url_in("nn", "news:detail", slug=article.slug_nn)).status_code == 404


def test_editor_previews_an_article_complete_in_no_language_yet(client):
    article = ArticleFactory(lead_nn="", title_nn="Berre ein tittel")
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    response = client.get(url_in("nn", "news:detail", slug=article.slug_nn))
    assert response.status_code == 200
    assert "Berre ein tittel" in response.content.decode()


def test_home_page_shows_the_news_in_each_language_it_is_written_in(client):
    featured = ArticleFactory(featured=True, title_en="Featured", lead_en="L", body_en="<p>B</p>")
    nynorsk_only = ArticleFactory(title_nn="Berre på nynorsk")
    nn = page_text(client.get("/nn/"))
    assert featured.title_nn in nn and "Berre på nynorsk" in nn
    assert featured.get_absolute_url("nn") in nn and nynorsk_only.get_absolute_url("nn") in nn
    en = page_text(client.get("/en/"))
    assert "Featured" in en and "Berre på nynorsk" not in en
    assert "Berre på nynorsk" not in page_text(client.get("/nb/"))


def test_seo_fields_and_caption_never_show_another_languages_text(client):
    image = ImageFactory(caption_nn="Bilettekst frå biletbanken", caption_en="")
    article = ArticleFactory(
        translated=True,
        image=image,
        seo_title_nn="Nynorsk søkjetittel",
        seo_description_nn="Nynorsk skildring",
        image_caption_nn="Eigen nynorsk bilettekst",
    )
    doc = html.fromstring(client.get(article_url(article, "en")).content)
    assert doc.findtext(".//title") == f"{article.title_en} – Norec"
    assert doc.xpath("//meta[@name='description']")[0].get("content") == article.lead_en
    assert "bilettekst" not in doc.find(".//figcaption").text_content().lower()
    nn = html.fromstring(client.get(article_url(article, "nn")).content)
    assert "Eigen nynorsk bilettekst" in nn.find(".//figcaption").text_content()
