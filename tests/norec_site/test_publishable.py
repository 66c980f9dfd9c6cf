"""The rules every content type shares, shown on news articles."""

import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from news.models import Article
from norec_site.models import Status
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts_and_scheduled_items():
    public = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    assert list(Article.objects.published()) == [public]


def test_scheduled_item_becomes_public_when_its_time_comes():
    publish_at = timezone.now() + datetime.timedelta(hours=3)
    article = ArticleFactory(published_at=publish_at)
    assert not Article.objects.published().exists()
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1)):
        assert list(Article.objects.published()) == [article]
        assert article.is_published()


def test_publishing_without_a_time_means_now():
    article = ArticleFactory(draft=True)
    before = timezone.now()
    article.status = Status.PUBLISHED
    article.save()
    assert before <= article.published_at <= timezone.now()
    assert Article.objects.published().get() == article


def test_each_save_raises_the_version():
    article = ArticleFactory()
    version = article.version
    article.save()
    article.refresh_from_db()
    assert article.version == version + 1


def test_an_item_exists_in_a_language_only_with_title_and_main_text():
    both = ArticleFactory(translated=True)
    nynorsk_only = ArticleFactory()
    half = ArticleFactory(title_en="Only a title in English")
    assert set(Article.objects.in_language("nn")) == {both, nynorsk_only, half}
    assert list(Article.objects.in_language("en")) == [both]
    assert nynorsk_only.available_languages() == ["nn"]
    assert half.available_languages() == ["nn"]
    assert both.available_languages() == ["nn", "nb", "en"]


def test_an_item_without_any_title_is_refused_with_a_clear_error(english):
    from django.core.exceptions import ValidationError

    article = ArticleFactory.build(title_nn="", lead_nn="Ingress", body_nn="<p>Tekst</p>")
    with pytest.raises(ValidationError, match="Write a title in at least one language"):
        article.full_clean()


def test_str_falls_back_to_a_title_in_another_language():
    article = ArticleFactory(title_nn="Berre nynorsk")
    with translation.override("en"):
        assert str(article) == "Berre nynorsk"


def test_content_never_falls_back_to_another_language():
    article = ArticleFactory(title_nn="Berre nynorsk")
    with translation.override("en"):
        assert article.title == ""
