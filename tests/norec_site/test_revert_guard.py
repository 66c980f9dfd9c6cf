"""Restoring an old revision brings back content, not its publishing state."""

import datetime

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import Article
from norec_site.models import Status
from tests.news.factories import ArticleFactory
from tests.news.test_admin import editor, form_data

pytestmark = pytest.mark.django_db

WRITER = ("view_article", "change_article", "add_article", "delete_article")


def saved(article, **changes):
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(article, name, value)
        article.save()
    return Version.objects.get_for_object(article).order_by("-pk").first()


def restore(client, url):
    """Restore the revision as the editor does: the history's revision page, on POST."""
    assert client.get(url).status_code == 200
    return client.post(url)


def revert(client, article, version):
    url = reverse("admin:news_article_revision", args=[article.pk, version.pk])
    return restore(client, url)


def test_a_writer_reverting_cannot_put_an_unpublished_article_back_on_the_site(client):
    now = timezone.now()
    article = ArticleFactory(published_at=now - datetime.timedelta(days=1))
    live = saved(article, unpublish_at=now + datetime.timedelta(days=5))
    saved(article, status=Status.DRAFT, unpublish_at=None)  # a publisher took it off

    editor(client, groups=(), permissions=WRITER)
    assert revert(client, article, live).status_code == 302
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.unpublish_at is None
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_after_a_revert_a_form_opened_before_it_is_refused(client):
    # A draft: restoring reverts it in place (a live item's restore becomes its draft).
    article = ArticleFactory(title_nn="Fyrste tittel", draft=True)
    first = saved(article)
    # Ola opens the article now; two saves later his form is two versions behind.
    stale = form_data(Article.objects.get(pk=article.pk), lead_nn="Ola sin ingress")
    saved(article, title_nn="Andre tittel")

    editor(client)
    assert revert(client, article, first).status_code == 302
    article.refresh_from_db()
    assert article.title_nn == "Fyrste tittel"

    ola = Client()
    editor(ola)
    response = ola.post(reverse("admin:news_article_change", args=[article.pk]), stale)
    assert response.status_code == 200
    assert "Nokon andre lagra dette" in str(response.context["adminform"].form.non_field_errors())
    assert Article.objects.get(pk=article.pk).title_nn == "Fyrste tittel"


def test_a_writer_recovering_a_deleted_published_article_gets_a_draft(client):
    article = ArticleFactory()
    with reversion.create_revision():
        article.save()
    pk = article.pk
    article.delete()
    version = Version.objects.get_deleted(Article).get()

    editor(client, groups=(), permissions=WRITER)
    url = reverse("admin:news_article_recover", args=[version.pk])
    assert restore(client, url).status_code == 302
    recovered = Article.objects.get(pk=pk)
    assert recovered.status == Status.DRAFT
    assert not recovered.is_published()
