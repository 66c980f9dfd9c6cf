"""``manage.py publish_scheduled``: approved changes go live when their time comes."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from news.models import Article
from norec_site.drafts import draft_for
from norec_site.models import Draft, Notification, ReviewEvent
from norec_site.review import approve
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory
from tests.norec_site.test_drafts import published_article, save, writer

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def approved_for_later(client, article, hours=2, **changes):
    author = writer(client)
    assert save(client, article, _submit_review="1", **changes).status_code == 302
    boss = UserFactory(groups=["Communications"])
    when = timezone.now() + datetime.timedelta(hours=hours)
    approve(article, boss, publish_at=when)
    return author, when


def test_an_approved_change_goes_live_at_its_time_and_only_once(client):
    article = published_article(lead_nn="Gammal ingress.")
    _author, when = approved_for_later(client, article, lead_nn="Ingress frå i morgon.")

    assert "Published 0" in run()
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."

    with time_machine.travel(when + datetime.timedelta(minutes=1)):
        assert "Published 1" in run()
        assert "Published 0" in run()  # safe every minute: nothing twice
    article.refresh_from_db()
    assert article.lead_nn == "Ingress frå i morgon." and article.is_published()
    assert draft_for(article) is None
    assert ReviewEvent.objects.filter(action="published").count() == 1


def test_a_slug_taken_in_the_meantime_leaves_the_change_unpublished_and_tells_the_author(
    client,
):
    article = published_article(title_nn="Gammal tittel")
    author, when = approved_for_later(client, article, slug_nn="ny-adresse")
    ArticleFactory(title_nn="Ein annan", slug_nn="ny-adresse")

    with time_machine.travel(when + datetime.timedelta(minutes=1)):
        output = run()
        assert "Not published" in output and "ny-adresse" in output
        run()
    assert Article.objects.get(pk=article.pk).slug_nn != "ny-adresse"
    draft = draft_for(article)
    assert draft.state == Draft.State.SENT_BACK and "ny-adresse" in draft.review_comment
    notes = Notification.objects.filter(user=author, text__contains="ny-adresse")
    assert notes.count() == 1  # told once, not every minute
    assert ReviewEvent.objects.filter(action="failed").count() == 1
