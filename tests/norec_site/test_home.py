import pytest

from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_home_shows_the_latest_published_items_of_each_app(client):
    ArticleFactory(title_nn="Nyhende om utveksling")
    ReportFactory(title_nn="Rapport om sør-sør-samarbeid")
    ProjectFactory(title_nn="Helsearbeidarar mellom Kenya og Uganda")
    ArticleFactory(title_nn="Utkast som ikkje skal synast", draft=True)
    ArticleFactory(title_nn="Planlagd nyhende", scheduled=True)

    html = client.get("/nn/").content.decode()

    assert "Nyhende om utveksling" in html
    assert "Rapport om sør-sør-samarbeid" in html
    assert "Helsearbeidarar mellom Kenya og Uganda" in html
    assert "Utkast som ikkje skal synast" not in html
    assert "Planlagd nyhende" not in html


def test_home_lists_only_items_written_in_the_page_language(client):
    ArticleFactory(title_nn="Berre på nynorsk")
    ArticleFactory(translated=True, title_en="Also in English")
    html = client.get("/en/").content.decode()
    assert "Also in English" in html
    assert "Berre på nynorsk" not in html


@pytest.mark.parametrize("count", [1, 12])
def test_home_runs_a_fixed_number_of_queries(client, count, django_assert_max_num_queries):
    for _ in range(count):
        ArticleFactory()
        ReportFactory()
        ProjectFactory()
    with django_assert_max_num_queries(8):
        assert client.get("/nn/").status_code == 200


def test_home_without_content_shows_no_placeholder_sections(client):
    html = client.get("/nn/").content.decode()
    assert 'id="home-news-title"' not in html
    assert 'id="home-reports-heading"' not in html
    assert 'id="home-projects-heading"' not in html
