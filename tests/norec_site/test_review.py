"""Review: a writer submits, a publisher approves (now or at a time) or sends back."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from norec_site.drafts import awaiting_review, draft_for, drafts_by
from norec_site.models import Draft, ReviewEvent, Status
from norec_site.notifications import unread_for
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory
from tests.norec_site.test_drafts import published_article, publisher, save, writer

pytestmark = pytest.mark.django_db

QUEUE = "admin:review_queue"


@pytest.fixture
def people(client):
    boss = UserFactory(groups=["Communications"], email="boss@norec.no")
    return {"publisher": boss}


def submitted(client, article, **changes):
    author = writer(client)
    response = save(client, article, _submit_review="1", **changes)
    assert response.status_code == 302
    return author


def test_a_writer_submits_and_publishers_are_told(client, people):
    article = published_article(lead_nn="Gammal ingress.")
    author = submitted(client, article, lead_nn="Ingress til gjennomgang.")
    draft = draft_for(article)
    assert draft.state == Draft.State.SUBMITTED
    assert ReviewEvent.objects.get().action == "submitted"
    assert [n.text for n in unread_for(people["publisher"])] == [
        f"Siri Skribent sende «{article}» til gjennomgang."
    ]
    assert mail.outbox[0].to == ["boss@norec.no"]
    assert awaiting_review() == [(article, draft)]
    assert drafts_by(author) == [(article, draft)]
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."


def test_the_queue_shows_each_entry_with_its_diff_against_the_live_version(client, people):
    article = published_article(lead_nn="Gammal ingress.")
    submitted(client, article, lead_nn="Ny ingress.")
    client.force_login(people["publisher"])
    response = client.get(reverse(QUEUE))
    html = response.content.decode()
    assert str(article) in html
    assert "<ins>Ny</ins>" in html and "<del>Gammal</del>" in html
    assert reverse("admin:news_article_change", args=[article.pk]) in html


def test_writers_do_not_see_the_queue_entries_and_cannot_decide(client, people):
    article = published_article()
    submitted(client, article, lead_nn="Ny ingress.")
    draft = draft_for(article)
    assert f'id="review-{draft.pk}"' not in client.get(reverse(QUEUE)).content.decode()
    response = client.post(reverse("admin:review_decide", args=[draft.pk]), {"approve": "1"})
    assert response.status_code == 403


def test_sending_back_needs_a_comment_that_the_writer_then_sees(client, people):
    article = published_article()
    author = submitted(client, article, lead_nn="Ny ingress.")
    draft = draft_for(article)
    client.force_login(people["publisher"])
    url = reverse("admin:review_decide", args=[draft.pk])
    response = client.post(url, {"send_back": "1", "comment": "  "}, follow=True)
    assert "Skriv ein kommentar" in response.content.decode()
    assert draft_for(article).state == Draft.State.SUBMITTED

    client.post(url, {"send_back": "1", "comment": "Kort ned ingressen."})
    assert draft_for(article).state == Draft.State.SENT_BACK
    assert "Kort ned ingressen." in unread_for(author)[0].text
    client.force_login(author)
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Sendt tilbake frå gjennomgangen:" in page and "Kort ned ingressen." in page


def test_approving_now_publishes_and_records_who(client, people):
    article = published_article(lead_nn="Gammal ingress.")
    author = submitted(client, article, lead_nn="Godkjend ingress.")
    client.force_login(people["publisher"])
    client.post(reverse("admin:review_decide", args=[draft_for(article).pk]), {"approve": "1"})
    assert Article.objects.get(pk=article.pk).lead_nn == "Godkjend ingress."
    assert draft_for(article) is None
    events = list(ReviewEvent.objects.order_by("at").values_list("action", "actor"))
    assert events[1:] == [
        ("approved", people["publisher"].pk),
        ("published", people["publisher"].pk),
    ]
    assert "godkjende og publiserte" in unread_for(author)[0].text


def test_approving_for_later_leaves_the_live_version_until_then(client, people):
    article = published_article(lead_nn="Gammal ingress.")
    submitted(client, article, lead_nn="Seinare ingress.")
    client.force_login(people["publisher"])
    later = timezone.localtime() + datetime.timedelta(hours=2)
    client.post(
        reverse("admin:review_decide", args=[draft_for(article).pk]),
        {"approve": "1", "publish_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    draft = draft_for(article)
    assert draft.state == Draft.State.APPROVED and draft.publish_at is not None
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Godkjent; det blir publisert" in page


def test_a_never_published_item_goes_through_review_too(client, people):
    article = ArticleFactory(draft=True)
    submitted(client, article, lead_nn="Fyrste ingress.")
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    draft = draft_for(article)
    assert draft.state == Draft.State.SUBMITTED and draft.revision is None
    client.force_login(people["publisher"])
    assert "Aldri publisert" in client.get(reverse(QUEUE)).content.decode()
    client.post(reverse("admin:review_decide", args=[draft.pk]), {"approve": "1"})
    article.refresh_from_db()
    assert article.is_published() and article.lead_nn == "Fyrste ingress."
    assert draft_for(article) is None


def test_the_publisher_sees_no_submit_button_and_the_writer_no_publish_button(client, people):
    article = published_article()
    url = reverse("admin:news_article_change", args=[article.pk])
    writer(client)
    html = client.get(url).content.decode()
    assert 'name="_submit_review"' in html and 'name="_publish"' not in html
    publisher(client)
    html = client.get(url).content.decode()
    assert 'name="_submit_review"' not in html and 'name="_publish"' in html
