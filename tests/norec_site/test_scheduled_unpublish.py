"""Scheduled unpublish: at its unpublish time an item leaves every public surface by itself."""

import datetime

import feedparser
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from news.models import Article
from norec_site.models import Status
from projects.models import Project
from reports.models import Report
from tests.conftest import log_in, url_in
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory
from tests.sitemaps import sitemap_document

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
UNPUBLISH_AT = NOW + datetime.timedelta(hours=2)
BEFORE = UNPUBLISH_AT - datetime.timedelta(seconds=1)
AFTER = UNPUBLISH_AT + datetime.timedelta(seconds=1)


@pytest.fixture(autouse=True)
def pinned_time():
    with time_machine.travel(NOW, tick=False):
        yield


def sitemap(client):
    return sitemap_document(client).decode()


def search_titles(client, query):
    response = client.get(url_in("nn", "search"), {"q": query})
    assert response.status_code == 200
    return [hit.title for hit in response.context["page_obj"].object_list]


@pytest.fixture
def article():
    return ArticleFactory(
        title_nn="Utveksling i Kampala",
        published_at=NOW - datetime.timedelta(days=1),
        unpublish_at=UNPUBLISH_AT,
    )


def test_published_leaves_an_item_out_once_its_unpublish_time_has_passed(article):
    with time_machine.travel(BEFORE, tick=False):
        assert list(Article.objects.published()) == [article]
        assert article.is_published()
        assert article.state_label == "Publisert"
    with time_machine.travel(AFTER, tick=False):
        assert not Article.objects.published().exists()
        assert not article.is_published()
        assert not article.is_scheduled()
        assert article.state_label == "Avpublisert"
        assert list(Article.objects.unpublished_by_time()) == [article]


def test_article_leaves_list_detail_feed_sitemap_and_search_at_its_time(client, article):
    detail = article.get_absolute_url()
    with time_machine.travel(BEFORE, tick=False):
        assert article.title_nn in client.get(url_in("nn", "news:index")).content.decode()
        assert client.get(detail).status_code == 200
        feed = feedparser.parse(client.get(url_in("nn", "news:feed")).content)
        assert [entry.title for entry in feed.entries] == [article.title_nn]
        assert detail in sitemap(client)
        assert search_titles(client, "Kampala")
    with time_machine.travel(AFTER, tick=False):
        assert article.title_nn not in client.get(url_in("nn", "news:index")).content.decode()
        assert client.get(detail).status_code == 404
        assert feedparser.parse(client.get(url_in("nn", "news:feed")).content).entries == []
        assert detail not in sitemap(client)
        assert search_titles(client, "Kampala") == []


def test_report_and_its_pdf_leave_the_site_at_their_time(client):
    report = ReportFactory(files=["en"], unpublish_at=UNPUBLISH_AT)
    pdf = report.files.get().get_absolute_url()
    with time_machine.travel(BEFORE, tick=False):
        assert client.get(report.get_absolute_url()).status_code == 200
        assert client.get(pdf).status_code == 200
        assert report.get_absolute_url() in sitemap(client)
    with time_machine.travel(AFTER, tick=False):
        assert client.get(report.get_absolute_url()).status_code == 404
        assert client.get(pdf).status_code == 404
        assert report.title_nn not in client.get(url_in("nn", "reports:index")).content.decode()
        assert report.get_absolute_url() not in sitemap(client)
        assert not Report.objects.published().exists()


def test_project_leaves_list_detail_and_open_data_at_its_time(client):
    project = ProjectFactory(unpublish_at=UNPUBLISH_AT)
    with time_machine.travel(BEFORE, tick=False):
        assert client.get(project.get_absolute_url()).status_code == 200
        assert project.title_nn in client.get(url_in("nn", "projects:csv")).content.decode()
        assert project.title_en in client.get(url_in("nn", "projects:iati")).content.decode()
    with time_machine.travel(AFTER, tick=False):
        assert client.get(project.get_absolute_url()).status_code == 404
        assert project.title_nn not in client.get(url_in("nn", "projects:csv")).content.decode()
        assert project.title_en not in client.get(url_in("nn", "projects:iati")).content.decode()
        assert project.title_nn not in client.get(url_in("nn", "projects:index")).content.decode()
        assert not Project.objects.published().exists()


def test_related_blocks_leave_out_an_unpublished_report(client):
    report = ReportFactory(unpublish_at=UNPUBLISH_AT)
    article = ArticleFactory()
    article.related_reports.add(report)
    with time_machine.travel(BEFORE, tick=False):
        assert report.title_nn in client.get(article.get_absolute_url()).content.decode()
    with time_machine.travel(AFTER, tick=False):
        assert report.title_nn not in client.get(article.get_absolute_url()).content.decode()


def test_an_editor_still_previews_an_unpublished_item(client, article):
    log_in(client, UserFactory(is_superuser=True))
    with time_machine.travel(AFTER, tick=False):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Avpublisert" in response.content.decode()


def test_unpublish_time_before_the_publication_time_is_a_form_error(english):
    article = ArticleFactory.build(
        published_at=NOW, unpublish_at=NOW - datetime.timedelta(minutes=1)
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict["unpublish_at"] == [
        "Choose an unpublish time after the publication time."
    ]


def test_unpublish_time_in_the_past_is_refused_when_publishing_now(english):
    article = ArticleFactory.build(
        status=Status.PUBLISHED, published_at=None, unpublish_at=NOW - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert error.value.message_dict["unpublish_at"] == ["Choose an unpublish time in the future."]


def test_unpublish_time_after_the_publication_time_is_accepted():
    article = ArticleFactory.build(published_at=NOW, unpublish_at=UNPUBLISH_AT)
    article.full_clean()


# The admin ----------------------------------------------------------------------


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_publisher_sets_the_unpublish_time_in_the_form(client):
    from tests.news.test_admin import editor, form_data

    editor(client)
    article = ArticleFactory(published_at=NOW - datetime.timedelta(days=1))
    response = client.post(
        change_url(article),
        form_data(article, unpublish_at_0="2026-03-10", unpublish_at_1="15:00:00", _publish="1"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    # 15:00 in Oslo (winter time) is 14:00 UTC.
    assert article.unpublish_at == datetime.datetime(2026, 3, 10, 14, 0, tzinfo=datetime.UTC)


def test_unpublish_time_before_publication_is_a_form_error_in_the_admin(client):
    from tests.news.test_admin import editor, form_data

    editor(client)
    article = ArticleFactory(published_at=NOW - datetime.timedelta(days=1))
    response = client.post(
        change_url(article),
        form_data(article, unpublish_at_0="2026-03-01", unpublish_at_1="09:00:00"),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["unpublish_at"] == [
        "Vel eit avpubliseringstidspunkt etter publiseringstidspunktet."
    ]
    article.refresh_from_db()
    assert article.unpublish_at is None


def test_writer_without_publish_permission_cannot_set_the_unpublish_time(client):
    from tests.news.test_admin import editor, form_data

    editor(client, groups=(), permissions=("view_article", "change_article"))
    article = ArticleFactory(published_at=NOW - datetime.timedelta(days=1))
    form = client.get(change_url(article)).context["adminform"].form
    assert "unpublish_at" not in form.fields
    client.post(
        change_url(article),
        form_data(article, unpublish_at_0="2026-03-10", unpublish_at_1="15:00:00"),
    )
    article.refresh_from_db()
    assert article.unpublish_at is None


def test_change_list_filters_and_labels_unpublished_items(client, article):
    from tests.news.test_admin import editor

    editor(client)
    live = ArticleFactory()
    changelist = reverse("admin:news_article_changelist")
    with time_machine.travel(AFTER, tick=False):
        response = client.get(changelist, {"state": "unpublished"})
        assert list(response.context["cl"].result_list) == [article]
        assert "Avpublisert" in response.content.decode()
        response = client.get(changelist, {"state": "published"})
        assert list(response.context["cl"].result_list) == [live]


def test_publish_action_refuses_a_draft_whose_unpublish_time_has_passed(client):
    """It would say "published" and show nothing (or publish after its own end)."""
    from django.contrib.messages import get_messages

    from tests.news.test_admin import editor

    editor(client)
    expired = ArticleFactory(
        draft=True,
        title_nn="Gamal nyheit",
        published_at=None,
        unpublish_at=NOW - datetime.timedelta(days=1),
    )
    ready = ArticleFactory(draft=True, published_at=None)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [expired.pk, ready.pk]},
    )
    assert response.status_code == 302
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert texts == [
        "1 element publisert.",
        "Ikkje publisert, fordi avpubliseringstidspunktet er passert: Gamal nyheit. "
        "Endra eller tøm avpubliseringstidspunktet på sida til elementet først.",
    ]
    expired.refresh_from_db()
    assert expired.status == Status.DRAFT and expired.published_at is None
    ready.refresh_from_db()
    assert ready.is_published()
