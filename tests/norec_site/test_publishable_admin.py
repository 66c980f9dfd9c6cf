"""The admin that every content type shares, seen through articles: the list's state and
language columns, the publish actions and permission, edit conflicts, who changed what."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from norec_site.models import Status
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory
from tests.news.test_admin import CHANGELIST, changelist, editor, form_data

pytestmark = pytest.mark.django_db

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def test_list_shows_languages_state_and_the_scheduled_time_in_oslo(client):
    editor(client)
    ArticleFactory(
        title_nn="Planlagd",
        title_en="Scheduled",
        lead_en="Lead",
        body_en="<p>Body</p>",
        published_at=datetime.datetime(2030, 1, 15, 9, 0, tzinfo=datetime.UTC),
    )
    text = changelist(client).content.decode()
    assert "15.01.2030 10:00" in text
    assert "Planlagd" in text
    assert text.count('class="lang-yes"') == 2
    assert text.count('class="lang-no"') == 1
    assert "Førehandsvis" in text


def test_communications_editor_publishes_and_unpublishes_in_bulk(client):
    editor(client)
    drafts = ArticleFactory.create_batch(2, draft=True)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "publish", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert "2 element publiserte." in response.content.decode()
    assert set(Article.objects.published()) == set(drafts)
    client.post(reverse(CHANGELIST), {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.DRAFT


def test_editor_without_publish_permission_has_no_publish_actions(client):
    permissions = ("view_article", "change_article", "add_article", "delete_article")
    editor(client, groups=(), permissions=permissions)
    draft = ArticleFactory(draft=True)
    response = changelist(client)
    actions = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert "delete_selected" in actions
    assert "publish" not in actions and "unpublish" not in actions
    client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_editor_without_publish_permission_cannot_publish_through_the_form(client):
    editor(client, groups=(), permissions=("view_article", "change_article", "add_article"))
    draft = ArticleFactory(draft=True)
    form = client.get(reverse("admin:news_article_change", args=[draft.pk])).context["adminform"]
    assert "status" not in form.form.fields and "published_at" not in form.form.fields
    response = client.post(
        reverse("admin:news_article_change", args=[draft.pk]),
        form_data(draft, status=Status.PUBLISHED, title_nn="Endra tittel"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_nn == "Endra tittel"
    assert draft.status == Status.DRAFT


def test_saving_over_someone_elses_change_is_refused(client):
    editor(client)
    article = ArticleFactory(title_nn="Opphavleg")
    stale = form_data(article, title_nn="Mi endring")
    article.title_nn = "Nokon andre si endring"
    article.save()
    response = client.post(reverse("admin:news_article_change", args=[article.pk]), stale)
    assert response.status_code == 200
    assert "Nokon andre lagra dette medan du redigerte." in response.content.decode()
    article.refresh_from_db()
    assert article.title_nn == "Nokon andre si endring"


def test_change_form_shows_when_and_by_whom_it_was_last_changed(client):
    someone = UserFactory(username="kari")
    article = ArticleFactory()
    article.updated_by = someone
    article.save()
    editor(client)
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    text = response.content.decode()
    assert "kari" in text
    local = timezone.localtime(article.updated_at, OSLO)
    assert local.strftime("%H:%M") in text
    assert article.get_absolute_url("nn") in text
