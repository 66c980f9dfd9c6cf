"""Two gunicorn processes, each keeping the public figures and the project facets: a
publish, an unpublish or a delete written by a third (here, the test) shows in both
processes' page counts, sitemap and facet counts at the next request."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from norec_site.models import Status
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.servers import HOST, database_url, gunicorn, production_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PAGE = 12


@pytest.mark.parametrize("seconds", ["0", "300"])
def test_counts_follow_a_change_in_every_process(tmp_path, seconds):
    ArticleFactory.create_batch(PAGE)
    project = ProjectFactory(sdgs=[5], title_nn="Prosjekt om likestilling")
    environ = production_env(database_url(connection), tmp_path, PAGE_CACHE_SECONDS=seconds)
    environ.update(
        DJANGO_SETTINGS_MODULE="tests.norec_site.server_settings",
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
    )
    second_page = f"{reverse('news:index')}?page=2"
    projects = f"{reverse('projects:index')}?sdg=5"
    with gunicorn(environ, tmp_path) as first, gunicorn(environ, tmp_path) as second:
        for server in (first, second):
            for _ in range(2):  # the second from what the process kept
                assert server(second_page).status == 404
                assert "Prosjekt om likestilling" in server(projects).text
        article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
        project.status = Status.DRAFT
        project.save()
        for server in (first, second):
            response = server(second_page)
            assert response.status == 200
            assert article.title in response.text  # the oldest: on page two
            assert "Prosjekt om likestilling" not in server(projects).text
            assert article.get_absolute_url() in server("/sitemap.xml").text
        article.delete()
        for server in (first, second):
            assert server(second_page).status == 404
            assert article.get_absolute_url() not in server("/sitemap.xml").text
