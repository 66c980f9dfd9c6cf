import pytest

from tests.sitemaps import sitemap_document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("nb-NO,nb;q=0.9", "/nb/"), ("nn", "/nn/"), ("de-DE", "/nn/")],
)
def test_root_redirects_to_the_preferred_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_without_preference_is_nynorsk(client):
    assert client.get("/")["Location"] == "/nn/"


@pytest.mark.parametrize("language", ["nn", "nb", "en"])
def test_home_page_has_the_right_lang_and_switcher(client, language):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for code in ("nn", "nb", "en"):
        assert f'hreflang="{code}"' in html
    assert 'aria-current="true"' in html


def test_home_page_speaks_nynorsk(client):
    html = client.get("/nn/").content.decode()
    assert "Gå til innhaldet" in html
    assert "Norsk senter for utvekslingssamarbeid" in html


def test_unknown_page_is_a_friendly_404_in_the_language(client):
    response = client.get("/nb/finst-ikkje/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Fant ikke siden" in html
    assert '<html lang="nb">' in html


def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_without_details_when_the_database_is_down(client):
    from django.db import connection

    saved = connection.settings_dict.copy()
    connection.close()
    # Nothing listens on port 9 of this machine: a real refused connection.
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9", CONN_MAX_AGE=0)
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_home_in_every_language(client):
    body = sitemap_document(client).decode()
    for code in ("nn", "nb", "en"):
        assert f"<loc>http://testserver/{code}/</loc>" in body
        assert f'hreflang="{code}"' in body


def test_static_files_are_served_by_the_site(client, settings):
    from django.contrib.staticfiles import finders

    assert finders.find("css/site.css")
    assert finders.find("img/favicon.svg")


@pytest.mark.parametrize(
    "path",
    ["/en/news/?topic=%00", "/nb/rapporter/?series=%00x", "/nn/prosjekt/?%00=1", "/nn/sok/?q=%00"],
)
def test_nul_character_in_the_query_is_dropped_not_a_server_error(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/reports/?year=%C2%B2",
        "/en/reports/?sdg=%C2%B2",
        "/en/reports/?year=0",
        "/en/reports/?year=99999999",
        "/en/projects/?sdg=%C2%B2",
        "/en/projects/?year=%C2%B2",
        "/en/projects/projects.csv?sdg=%C2%B2",
        "/en/news/?page=abc",
        "/en/news/?page=999",
    ],
)
def test_odd_filter_values_never_give_a_server_error(client, path):
    assert client.get(path).status_code in (200, 404)


def test_an_article_complete_in_no_language_is_404_in_every_language(client):
    from tests.news.factories import ArticleFactory

    article = ArticleFactory(title_nn="Berre ein tittel", lead_nn="")
    for prefix in ("/nn/nyhende/", "/nb/nyheter/", "/en/news/"):
        assert client.get(f"{prefix}{article.slug_nn}/").status_code == 404


def test_vocabulary_names_fall_back_to_nynorsk_on_other_pages(client):
    from norec_site.models import Topic
    from tests.news.factories import ArticleFactory

    topic = Topic.objects.create(slug="berre-nn", name_nn="Berre nynorsk")
    ArticleFactory(translated=True, topics=[topic])
    html = client.get("/en/news/").content.decode()
    assert ">Berre nynorsk</a>" in html


def test_favicon_ico_points_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
