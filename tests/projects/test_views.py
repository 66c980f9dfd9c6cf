"""Project list and project page: what visitors see, in which language, in how many queries."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from norec_site.models import Status
from projects.demo import seed_scale
from projects.models import Project
from tests.conftest import url_in
from tests.factories import ImageFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.reports.factories import ReportFactory
from tests.sitemaps import sitemap_document

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


def page_url(project, language="nn"):
    with translation.override(language):
        return project.get_absolute_url(language)


@pytest.fixture
def many_projects(db):
    """Sixty published projects made in bulk, as the benchmark makes them, a few with pictures."""
    seed_scale(None, 60)
    for project in Project.objects.order_by("pk")[:6]:
        project.gallery.create(image=ImageFactory(), position=0)
    return Project.objects.count()


# The list ---------------------------------------------------------------------------


def test_list_shows_published_projects_in_the_page_language(client, portfolio):
    response = client.get(url_in("nn", "projects:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nn">' in html
    for key in "ABCDE":
        assert portfolio[key].title_nn in html
    assert "5 prosjekt" in html


def test_draft_and_scheduled_projects_are_not_listed(client, portfolio):
    scheduled = ProjectFactory(sdgs=[5])
    Project.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() + datetime.timedelta(days=1)
    )
    response = client.get(url_in("nn", "projects:index"))
    titles = [project.title for project in response.context["project_list"]]
    assert portfolio["F"].title_nn not in titles
    assert scheduled.title_nn not in titles


def test_project_only_in_english_is_listed_only_in_english(client, portfolio):
    english_only = portfolio["G"]
    assert english_only.title_en not in client.get(url_in("nn", "projects:index")).content.decode()
    assert english_only.title_en not in client.get(url_in("nb", "projects:index")).content.decode()
    assert english_only.title_en in client.get(url_in("en", "projects:index")).content.decode()


def test_filtered_list_links_to_csv_and_json_with_the_same_filters(client, portfolio):
    response = client.get(url_in("nn", "projects:index"), {"type": "triangular", "sdg": "5"})
    html = response.content.decode()
    csv_url = url_in("nn", "projects:csv")
    assert re.search(rf'href="{re.escape(csv_url)}\?type=triangular&amp;sdg=5"', html)
    assert url_in("nn", "projects:iati") in html


def test_chart_is_inline_svg_with_a_table_of_the_same_numbers(client, portfolio):
    html = client.get(url_in("nn", "projects:index")).content.decode()
    assert html.count("<svg") == 2
    assert 'role="img"' in html
    assert '<th scope="row">Afrika</th><td>3</td>' in html
    assert '<th scope="row">17. ' in html


def test_active_filter_can_be_removed_by_a_link(client, portfolio):
    response = client.get(url_in("nn", "projects:index"), {"type": "triangular", "sdg": "5"})
    html = response.content.decode()
    assert f'href="{url_in("nn", "projects:index")}?sdg=5"' in html


def test_empty_result_says_what_to_do(client, portfolio):
    response = client.get(url_in("nn", "projects:index"), {"country": "NO", "type": "south-south"})
    assert "Ingen prosjekt passar med alle desse filtera" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{}, {"type": "triangular", "subregion": "eastern-africa", "sdg": "5", "phase": "ongoing"}],
)
def test_list_with_facets_needs_at_most_10_queries_with_few_projects(
    client, portfolio, django_assert_max_num_queries, params
):
    with django_assert_max_num_queries(10):
        response = client.get(url_in("nn", "projects:index"), params)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [{}, {"region": "africa", "sector": "public", "year": "2020"}, {"page": "3"}],
)
def test_list_with_facets_needs_at_most_10_queries_with_many_projects(
    client, many_projects, django_assert_max_num_queries, params
):
    assert many_projects >= 60
    with django_assert_max_num_queries(10):
        response = client.get(url_in("nn", "projects:index"), params)
    assert response.status_code == 200
    assert len(response.context["project_list"]) > 0


# The project page -------------------------------------------------------------------


def test_project_page_shows_partners_period_status_goals_and_description(client, portfolio):
    project = portfolio["A"]
    response = client.get(page_url(project))
    html = response.content.decode()
    assert response.status_code == 200
    assert project.title_nn in html
    assert "<p>Skildring" in html
    assert "Organisation NO civil_society" in html
    assert "Koordinerande partnar" in html
    assert "Noreg" in html and "Kenya" in html and "Etiopia" in html
    assert "Pågåande" in html
    assert f'href="{url_in("nn", "projects:index")}?phase=ongoing"' in html
    assert "januar 2024" in html and "desember 2026" in html
    assert "Likestilling mellom kjønna" in html
    assert "Aust-Afrika" in html


def test_project_page_has_canonical_hreflang_and_open_graph(client):
    project = ProjectFactory(languages=("nn", "en"))
    html = client.get(page_url(project)).content.decode()
    assert f'<link rel="canonical" href="http://testserver{page_url(project)}">' in html
    assert f'hreflang="en" href="http://testserver{page_url(project, "en")}"' in html
    assert 'hreflang="nb"' not in html
    assert f'<meta property="og:title" content="{project.title_nn}">' in html
    assert '<meta property="og:type" content="article">' in html


def test_project_page_redirects_to_a_language_it_has(client, portfolio):
    english_only = portfolio["G"]
    response = client.get(url_in("nn", "projects:detail", slug=english_only.slug_en))
    assert response.status_code == 301
    assert response["Location"] == page_url(english_only, "en")


def test_old_slug_answers_301_to_the_new_address(client):
    project = ProjectFactory()
    old = page_url(project)
    project.title_nn = "Nytt namn på prosjektet"
    project.slug_nn = ""
    project.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == page_url(project)


def test_draft_project_page_is_404_for_anonymous(client, portfolio):
    response = client.get(url_in("nn", "projects:detail", slug=portfolio["F"].slug_nn))
    assert response.status_code == 404


def test_project_editor_can_preview_a_draft_never_cached(client, portfolio):
    client.force_login(UserFactory(groups=["Project editors"]))
    response = client.get(url_in("nn", "projects:detail", slug=portfolio["F"].slug_nn))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert 'name="robots" content="noindex' in response.content.decode()


def test_related_news_and_reports_show_only_when_public_in_the_language(client):
    project = ProjectFactory()
    article = ArticleFactory(title_nn="Nyhende om prosjektet")
    article.related_projects.add(project)
    draft = ArticleFactory(title_nn="Utkast om prosjektet", draft=True)
    draft.related_projects.add(project)
    report = ReportFactory(title_nn="Rapport om prosjektet")
    project.related_reports.add(report)
    html = client.get(page_url(project)).content.decode()
    assert "Nyhende om prosjektet" in html
    assert "Utkast om prosjektet" not in html
    assert "Rapport om prosjektet" in html
    assert f'{article.title_nn}</a> <time class="meta" datetime="' in html
    assert '<h2 id="related-reports-heading">Relaterte rapportar</h2>' in html


def test_project_page_queries_stay_fixed_with_many_partners_and_pictures(
    client, django_assert_max_num_queries
):
    partners = [(code, "civil_society") for code in ("KE", "UG", "TZ", "RW", "ET", "NO", "VN")]
    project = ProjectFactory(partners=partners, sdgs=[3, 4, 5, 8])
    images = [ImageFactory() for _ in range(4)]
    for position, image in enumerate(images):
        project.gallery.create(image=image, position=position)
    for _ in range(3):
        ArticleFactory().related_projects.add(project)
        project.related_reports.add(ReportFactory())
    with django_assert_max_num_queries(8):
        response = client.get(page_url(project))
    assert response.status_code == 200
    html = response.content.decode()
    lead = images[0].renditions_for("16x9")
    assert lead
    assert f'srcset="{", ".join(f"{r.file.url} {r.width}w" for r in lead)}"' in html
    for image in images[1:]:
        assert all(r.file.url in html for r in image.renditions_for("1x1"))
        assert image.alt_nn in html


def test_draft_is_missing_from_the_sitemap(client, portfolio):
    xml = sitemap_document(client).decode()
    assert page_url(portfolio["A"]) in xml
    assert portfolio["F"].slug_nn not in xml
    assert url_in("nn", "projects:index") in xml


def test_home_page_shows_published_projects_only(client, portfolio):
    html = client.get("/nn/").content.decode()
    assert portfolio["C"].title_nn in html
    assert portfolio["F"].title_nn not in html


def test_drafts_stay_drafts_even_when_published_at_is_set(client):
    project = ProjectFactory(status=Status.DRAFT, published_at=timezone.now())
    assert client.get(page_url(project)).status_code == 404


def test_language_switcher_keeps_the_filters(client, portfolio):
    params = {"type": "triangular", "subregion": "eastern-africa", "sdg": "5"}
    html = client.get(url_in("nn", "projects:index"), params).content.decode()
    query = "type=triangular&amp;subregion=eastern-africa&amp;sdg=5"
    assert f'href="{url_in("en", "projects:index")}?{query}" hreflang="en"' in html
    assert (
        f'<link rel="canonical" href="http://testserver{url_in("nn", "projects:index")}?{query}">'
        in html
    )
