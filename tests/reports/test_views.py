"""Public report pages: library, report page, downloads, citations, feeds, sitemap."""

import datetime
import json
import re

import feedparser
import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django.views.static import serve
from lxml import html

from norec_site.models import SustainableDevelopmentGoal
from reports.models import Report, ReportFile
from tests.factories import OrganisationFactory, PersonFactory, TopicFactory, UserFactory
from tests.sitemaps import sitemap_document

from .factories import ReportFactory, ReportSeriesFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


def detail_url(report, language="nn"):
    return report.get_absolute_url(language)


def titles(response):
    tree = html.fromstring(response.content)
    return [
        h.text_content().strip() for h in tree.xpath("//li[contains(@class, 'report-card')]//h2")
    ]


@pytest.fixture
def in_action():
    series = ReportSeriesFactory(name_en="South-South and Triangular Cooperation in Action")
    return ReportFactory(
        title_nn="Sør-sør-samarbeid i praksis: Norec",
        title_en="South-South and Triangular Cooperation in Action: Norec",
        subtitle_en="A special report & more",
        summary_en="<p>How exchanges of staff work.</p>",
        series=series,
        series_number="2019/1",
        publication_date=datetime.date(2019, 3, 20),
        launch_event_en="BAPA+40",
        launch_place="Buenos Aires, Argentina",
        isbn="978-92-1-004142-3",
        doi="10.5281/norec_2019.1",
        authors=[PersonFactory(name="Ingrid Haugland"), PersonFactory(name="Samuel Okello")],
        publishers=[OrganisationFactory(name="UNOSSC"), OrganisationFactory(name="Norec")],
        files=["en", "es"],
    )


# The library ------------------------------------------------------------------


def test_library_lists_published_reports_newest_first(client):
    ReportFactory(title_nn="Eldre", publication_date=datetime.date(2018, 1, 1))
    ReportFactory(title_nn="Nyare", publication_date=datetime.date(2023, 1, 1))
    ReportFactory(title_nn="Utkast", draft=True)

    response = client.get(reverse("reports:index"))

    assert response.status_code == 200
    assert titles(response) == ["Nyare", "Eldre"]


def test_library_leaves_out_reports_missing_the_page_language(client):
    ReportFactory(title_nn="Berre nynorsk", title_en="", summary_en="")
    with override("en"):
        response = client.get(reverse("reports:index"))
    assert titles(response) == []
    assert response.content.decode().count('lang="en"') >= 1


def test_library_filters_combine_in_the_address(client):
    series = ReportSeriesFactory(slug="in-action")
    health = TopicFactory(slug="health")
    goal = SustainableDevelopmentGoal.objects.get(number=17)
    match = ReportFactory(
        title_nn="Treff", series=series, publication_date=datetime.date(2019, 3, 1), files=["es"]
    )
    match.topics.add(health)
    match.sdgs.add(goal)
    other_year = ReportFactory(series=series, publication_date=datetime.date(2020, 1, 1))
    other_year.topics.add(health)
    ReportFactory(title_nn="Anna språk", series=series, files=["en"])

    response = client.get(
        reverse("reports:index"),
        {"series": "in-action", "year": "2019", "language": "es", "sdg": "17", "topic": "health"},
    )

    assert titles(response) == ["Treff"]
    tree = html.fromstring(response.content)
    assert tree.xpath("//select[@id='filter-year']/option[@selected]")[0].get("value") == "2019"
    assert tree.xpath("//select[@id='filter-language']/option[@selected]")[0].get("value") == "es"
    assert client.get(reverse("reports:index"), {"language": "en"}).status_code == 200
    assert titles(client.get(reverse("reports:index"), {"language": "en"})) == ["Anna språk"]


def test_library_ignores_nonsense_filters(client):
    ReportFactory(title_nn="Rapport")
    response = client.get(reverse("reports:index"), {"year": "abc", "sdg": "'; drop"})
    assert titles(response) == ["Rapport"]


@pytest.mark.parametrize("count", [1, 30])
def test_library_query_count_is_fixed(client, count, django_assert_max_num_queries):
    series = ReportSeriesFactory()
    topic = TopicFactory()
    for _number in range(count):
        report = ReportFactory(series=series)
        report.topics.add(topic)
    ReportFactory(files=["en"])  # one with a cover, so renditions are fetched

    # The budget is 8: count, page, renditions, 4 for the filters and 1 for the menus.
    with django_assert_max_num_queries(8):  # the site's budget, with the menus' query
        response = client.get(reverse("reports:index"))

    assert response.status_code == 200
    assert len(titles(response)) == min(count + 1, 12)


def test_library_cards_show_cover_series_and_date(client, in_action):
    response = client.get(reverse("reports:index"))
    card = html.fromstring(response.content).xpath("//li[contains(@class, 'report-card')]")[0]
    assert card.xpath(".//img")
    assert in_action.series.name_nn in card.text_content()
    assert card.xpath(".//time")[0].get("datetime") == "2019-03-20"


# The report page --------------------------------------------------------------


def test_report_page_shows_what_the_public_needs(client, in_action):
    with override("en"):
        response = client.get(detail_url(in_action, "en"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "South-South and Triangular Cooperation in Action: Norec" in page
    assert "Ingrid Haugland, Samuel Okello" in page
    assert "UNOSSC, Norec" in page
    assert "BAPA+40" in page and "Buenos Aires" in page
    tree = html.fromstring(response.content)
    downloads = tree.xpath("//ul[@class='report-files']/li")
    assert len(downloads) == 2
    assert "3 pages" in downloads[0].text_content()
    assert "KB" in downloads[0].text_content()
    assert tree.xpath("//div[@class='report__cover']//img")


def test_report_page_has_citation_meta_tags_and_json_ld(client, in_action):
    with override("en"):
        response = client.get(detail_url(in_action, "en"))
    tree = html.fromstring(response.content)

    def meta(name):
        return [m.get("content") for m in tree.xpath(f"//meta[@name='{name}']")]

    assert meta("citation_title") == [
        "South-South and Triangular Cooperation in Action: Norec: A special report & more"
    ]
    assert meta("citation_author") == ["Ingrid Haugland", "Samuel Okello"]
    assert meta("citation_publication_date") == ["2019/03/20"]
    assert "UNOSSC" in meta("citation_publisher")
    pdf_url = meta("citation_pdf_url")[0]
    assert pdf_url.startswith("http://testserver/en/") and pdf_url.endswith("-en.pdf")
    assert tree.xpath("//meta[@property='og:image']")
    assert tree.xpath("//meta[@property='og:locale']/@content") == ["en_GB"]
    assert tree.xpath("//meta[@property='og:locale:alternate']/@content") == ["nn_NO"]
    assert (
        tree.xpath("//link[@rel='canonical']")[0].get("href").endswith(detail_url(in_action, "en"))
    )
    hreflangs = {
        link.get("hreflang") for link in tree.xpath("//link[@rel='alternate'][@hreflang]")
    }
    assert hreflangs == {"nn", "en"}
    data = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "Report"
    assert [a["name"] for a in data["author"]] == ["Ingrid Haugland", "Samuel Okello"]
    assert data["isbn"] == "978-92-1-004142-3"
    assert len(data["encoding"]) == 2


def test_report_page_query_count_is_fixed(client, in_action, django_assert_max_num_queries):
    in_action.sdgs.add(*SustainableDevelopmentGoal.objects.filter(number__in=[5, 17]))
    in_action.topics.add(TopicFactory(), TopicFactory())
    with django_assert_max_num_queries(8):  # the site's budget, with the menus' query
        response = client.get(detail_url(in_action))
    assert response.status_code == 200


def test_report_page_in_a_missing_language_redirects(client):
    report = ReportFactory(title_en="", summary_en="")
    with override("en"):
        url = reverse("reports:detail", kwargs={"slug": report.slug_nn})
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == detail_url(report, "nn")


def test_draft_report_page_is_404_for_anonymous(client):
    report = ReportFactory(draft=True)
    assert client.get(detail_url(report)).status_code == 404


def test_related_news_and_projects_show_only_when_public(client):
    from tests.news.factories import ArticleFactory
    from tests.projects.factories import ProjectFactory

    report = ReportFactory()
    public_article = ArticleFactory(title_nn="Nyhende om rapporten")
    draft_article = ArticleFactory(title_nn="Hemmeleg utkast", draft=True)
    project = ProjectFactory(languages=("nn",), title_nn="Prosjekt som bygde på rapporten")
    for article in (public_article, draft_article):
        article.related_reports.add(report)
    project.related_reports.add(report)

    page = client.get(detail_url(report)).content.decode()

    assert "Nyhende om rapporten" in page
    assert "Prosjekt som bygde på rapporten" in page
    assert "Hemmeleg utkast" not in page
    assert '<h2 id="related-news-heading">Relaterte nyheiter</h2>' in page
    assert '<h2 id="related-projects-heading">Relaterte prosjekt</h2>' in page
    assert f'<a href="{project.get_absolute_url("nn")}">{project.title_nn}</a>' in page


# Downloads --------------------------------------------------------------------


def test_download_serves_the_pdf_inline_and_counts_it(client, in_action):
    report_file = in_action.files.get(language="en")
    response = client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{report_file.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    report_file.refresh_from_db()
    assert report_file.downloads == 1


@pytest.mark.parametrize(
    "agent",
    ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5", "", "facebookexternalhit/1.1"],
)
def test_download_by_a_bot_is_not_counted(client, in_action, agent):
    report_file = in_action.files.get(language="en")
    assert client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    report_file.refresh_from_db()
    assert report_file.downloads == 0


def test_draft_download_is_404(client):
    report = ReportFactory(draft=True, files=["en"])
    report_file = report.files.get()
    assert client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 404
    report_file.refresh_from_db()
    assert report_file.downloads == 0


def test_draft_pdf_cannot_be_reached_by_its_media_path(client, media_root, private_root):
    report = ReportFactory(draft=True, files=["en"])
    name = report.files.get().file.name

    assert (private_root / name).exists()
    assert not (media_root / name).exists()
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
    request = RequestFactory().get(f"/media/{name}")
    with pytest.raises(Http404):
        serve(request, name, document_root=media_root)


def test_editor_may_download_a_draft_without_counting_it(client):
    report = ReportFactory(draft=True, files=["en"])
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="change_report"))
    client.force_login(editor)
    report_file = report.files.get()

    response = client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    report_file.refresh_from_db()
    assert report_file.downloads == 0


def test_download_with_an_outdated_filename_redirects(client, in_action):
    report_file = in_action.files.get(language="en")
    url = reverse("reports:download", kwargs={"pk": report_file.pk, "filename": "old.pdf"})
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == report_file.get_absolute_url()


def test_downloads_are_counted_atomically(client, in_action):
    report_file = in_action.files.get(language="en")
    ReportFile.objects.filter(pk=report_file.pk).update(downloads=41)
    client.get(report_file.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    report_file.refresh_from_db()
    assert report_file.downloads == 42


# Citations --------------------------------------------------------------------


def test_bibtex_has_the_fields_and_escapes_special_characters(client, in_action):
    with override("en"):
        url = reverse("reports:bibtex", kwargs={"slug": in_action.slug_en})
    response = client.get(url)
    body = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert body.startswith("@techreport{haugland2019")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},$", body, re.MULTILINE))
    assert fields["title"].endswith(r"A special report \& more")
    assert fields["author"] == "Haugland, Ingrid and Okello, Samuel"
    assert fields["institution"] == "UNOSSC and Norec"
    assert fields["year"] == "2019"
    assert fields["doi"] == r"10.5281/norec\_2019.1"
    assert fields["isbn"] == "978-92-1-004142-3"
    assert "month = mar," in body
    assert body.count("{") == body.count("}")


def test_ris_has_one_tag_per_line_and_no_injected_lines(client, in_action):
    in_action.summary_en = "<p>First line.</p>\nER  - \nTY  - JOUR"
    in_action.save()
    with override("en"):
        url = reverse("reports:ris", kwargs={"slug": in_action.slug_en})
    response = client.get(url)
    lines = response.content.decode().split("\r\n")

    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Haugland, Ingrid" in lines and "AU  - Okello, Samuel" in lines
    assert "PY  - 2019" in lines and "DO  - 10.5281/norec_2019.1" in lines
    assert any(line.startswith("L1  - http://testserver/") for line in lines)
    assert [line for line in lines if line.startswith("ER  -")] == ["ER  - "]
    assert [line for line in lines if line.startswith("TY  -")] == ["TY  - RPRT"]


def test_citations_of_a_draft_are_404(client):
    report = ReportFactory(draft=True)
    assert (
        client.get(reverse("reports:bibtex", kwargs={"slug": report.slug_nn})).status_code == 404
    )
    assert client.get(reverse("reports:ris", kwargs={"slug": report.slug_nn})).status_code == 404


def test_cite_this_report_block_reads_as_a_reference(client, in_action):
    with override("en"):
        response = client.get(detail_url(in_action, "en"))
    citation = html.fromstring(response.content).xpath("//p[@class='citation']")[0].text_content()
    assert citation.startswith("Haugland, Ingrid; Okello, Samuel (2019).")
    assert "https://doi.org/10.5281/norec_2019.1" in citation


# Feeds and sitemap ------------------------------------------------------------


def test_feed_lists_public_reports_in_the_language_with_the_pdf(client, in_action):
    ReportFactory(title_nn="Utkast", draft=True)
    ReportFactory(title_nn="Berre nynorsk", title_en="", summary_en="")
    with override("en"):
        response = client.get(reverse("reports:feed"))
    feed = feedparser.parse(response.content)

    assert not feed.bozo
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == [in_action.title_en]
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "application/pdf" and enclosure.href.endswith("-en.pdf")


def test_atom_feed_parses(client, in_action):
    response = client.get(reverse("reports:feed_atom"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == [in_action.title_nn]


def test_sitemap_lists_public_reports_in_their_languages(client):
    public = ReportFactory(title_en="", summary_en="")
    draft = ReportFactory(draft=True)
    body = sitemap_document(client).decode()

    assert f"http://testserver{detail_url(public, 'nn')}" in body
    assert f"{public.slug_nn}" in body and "/en/reports/" in body  # the library in English
    assert draft.slug_nn not in body
    assert reverse("reports:index") in body


def test_editor_previews_a_draft_report_without_citation_tags(client):
    report = ReportFactory(draft=True, title_nn="Utkast til rapport")
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="change_report"))
    client.force_login(editor)

    response = client.get(detail_url(report))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Utkast til rapport" in page and 'class="preview-banner"' in page
    assert "citation_title" not in page and "noindex" in page
    assert "no-cache" in response["Cache-Control"]


def test_scheduled_report_stays_out_of_the_library_and_feed(client):
    ReportFactory(
        title_nn="Kjem seinare", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert titles(client.get(reverse("reports:index"))) == []
    assert feedparser.parse(client.get(reverse("reports:feed")).content).entries == []


def test_home_partial_shows_the_latest_reports():
    ReportFactory(title_nn="Ny rapport", files=["en"])
    latest = Report.objects.public("nn").for_cards()[:3]

    rendered = render_to_string(
        "reports/includes/home_reports.html",
        {"latest_reports": latest},
        request=RequestFactory().get("/nn/"),
    )

    assert "Ny rapport" in rendered and "Nyaste rapportar" in rendered
    assert reverse("reports:index") in rendered


def test_download_buttons_name_languages_in_lowercase_with_the_pages_own_first(client):
    report = ReportFactory(
        title_nn="Rapport om utveksling",
        summary_nn="<p>Samandrag.</p>",
        files=["en", "nn"],
    )
    page = client.get(report.get_absolute_url("nn")).content.decode()
    assert "Les rapporten (nynorsk)" in page and "Les rapporten (engelsk)" in page
    assert page.index("Les rapporten (nynorsk)") < page.index("Les rapporten (engelsk)")
    english = client.get(report.get_absolute_url("en")).content.decode()
    assert english.index("Read the report (English)") < english.index(
        "Read the report (Norwegian Nynorsk)"
    )


def test_bokmal_report_page_names_languages_in_lowercase_with_bokmal_first(client):
    report = ReportFactory(
        title_nb="Rapport om utveksling",
        summary_nb="<p>Sammendrag.</p>",
        files=["en", "nn", "nb"],
    )
    tree = html.fromstring(client.get(report.get_absolute_url("nb")).content)
    buttons = [a.text_content() for a in tree.xpath("//a[@type='application/pdf']")]
    assert buttons[0] == "Les rapporten (bokmål)"
    assert sorted(buttons[1:]) == ["Les rapporten (engelsk)", "Les rapporten (nynorsk)"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nn", ["Nynorsk", "Engelsk", "Bokmål"]),
        ("nb", ["Bokmål", "Engelsk", "Nynorsk"]),
        ("en", ["English", "Norwegian Bokmål", "Norwegian Nynorsk"]),
    ],
)
def test_library_language_filter_puts_the_pages_language_first(client, language, expected):
    ReportFactory(title_nb="Rapport", summary_nb="<p>Sammendrag.</p>", files=["nb", "en", "nn"])
    with override(language):
        tree = html.fromstring(client.get(reverse("reports:index")).content)
    options = tree.xpath("//select[@id='filter-language']/option[@value!='']")
    assert [option.text_content() for option in options] == expected


def test_a_loop_of_downloads_counts_once_per_visitor_file_and_hour(client, in_action):
    import datetime

    import time_machine

    from reports.models import DownloadSeen

    report_file = in_action.files.get(language="en")
    url = report_file.get_absolute_url()
    for _ in range(5):
        client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.5")
    report_file.refresh_from_db()
    assert report_file.downloads == 1
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.9")
    with time_machine.travel(datetime.timedelta(hours=1)):
        client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(datetime.timedelta(hours=3)):
        client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.5")
        assert DownloadSeen.objects.count() == 1  # older hours are forgotten
    report_file.refresh_from_db()
    assert report_file.downloads == 4
    stored = list(DownloadSeen.objects.values_list("visitor", flat=True))
    assert all(re.fullmatch(r"[0-9a-f]{64}", key) for key in stored)
    assert not any("203.0.113" in key for key in stored)


def test_the_library_filters_follow_a_publish_though_kept_per_content_version(client, settings):
    """The filters' options are made once per content version: a report published in a new
    year, series and topic is offered at the next request, with the page cache off."""
    from tests.norec_site.test_page_cache import committed

    settings.PAGE_CACHE_SECONDS = 0
    with committed():
        ReportFactory(publication_date=datetime.date(2019, 5, 1))
    library = reverse("reports:index")
    first = client.get(library).content.decode()
    assert '<option value="2019"' in first and '<option value="2011"' not in first
    series = ReportSeriesFactory(name_nn="Serien om vatn")
    topic = TopicFactory(name_nn="Vatn og sanitær")
    with committed():
        report = ReportFactory(publication_date=datetime.date(2011, 3, 1), series=series)
        report.topics.add(topic)
    again = client.get(library).content.decode()
    assert '<option value="2011"' in again
    assert "Serien om vatn" in again and "Vatn og sanitær" in again
    with committed():
        report.delete()
    assert '<option value="2011"' not in client.get(library).content.decode()
