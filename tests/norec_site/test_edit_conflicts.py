"""Two editors, one article: the version check and the write are one atomic step.

The races run against PostgreSQL with two threads, each posting the admin's form; the
row lock makes the second wait for the first and read its version.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from news.models import Article
from norec_site.groups import COMMUNICATIONS
from norec_site.history import recorded
from tests.factories import UserFactory
from tests.news.factories import ArticleFactory
from tests.news.test_admin import form_data
from tests.norec_site.test_races import committed_later, in_open_transaction

CHANGE = "admin:news_article_change"


def editor_client(username):
    client = Client()
    client.force_login(UserFactory(username=username, groups=[COMMUNICATIONS]))
    return client


def draft_article(**fields):
    # Never published: saved live, so the race is about the live row alone.
    with recorded(comment="first"):
        return ArticleFactory(draft=True, **fields)


def save_together(barrier, client, url, data, statuses, index):
    try:
        barrier.wait(10)
        statuses[index] = client.post(url, data).status_code
    finally:
        connection.close()


def post_together(clients, url, posts):
    """Both POSTs released at the same moment from two threads; their status codes."""
    barrier, statuses = threading.Barrier(2), [None, None]
    threads = [
        threading.Thread(
            target=save_together, args=(barrier, clients[i], url, posts[i], statuses, i)
        )
        for i in (0, 1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_released_together_never_both_succeed():
    for round_number in range(3):
        article = draft_article(lead_nn="Opphavleg ingress", lead_en="Original lead")
        url = reverse(CHANGE, args=[article.pk])
        clients = [editor_client(f"nn{round_number}"), editor_client(f"en{round_number}")]
        posts = [
            form_data(article, lead_nn="Ny ingress"),
            form_data(article, lead_en="New lead"),
        ]
        statuses = post_together(clients, url, posts)
        article.refresh_from_db()
        assert sorted(statuses) == [200, 302], statuses
        winner = statuses.index(302)
        if winner == 0:
            assert (article.lead_nn, article.lead_en) == ("Ny ingress", "Original lead")
        else:
            assert (article.lead_nn, article.lead_en) == ("Opphavleg ingress", "New lead")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_waits_for_the_other_to_commit_and_is_then_refused():
    article = draft_article(lead_nn="Opphavleg", lead_en="Original")
    url = reverse(CHANGE, args=[article.pk])
    first, second = editor_client("kari"), editor_client("ola")
    stale = form_data(article, lead_en="Ola's lead")

    def save_first():
        return first.post(url, form_data(article, lead_nn="Kari si ingress")).status_code

    thread, release, result = in_open_transaction(save_first)
    helper = committed_later(thread, release)
    response = second.post(url, stale)  # waits on the row lock until Kari's save commits
    thread.join()
    helper.join()
    assert result["value"] == 302
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nokon andre lagra dette medan du redigerte." in html
    assert "kari" in html
    article.refresh_from_db()
    assert (article.lead_nn, article.lead_en) == ("Kari si ingress", "Original")


@pytest.mark.django_db
def test_a_refused_save_keeps_the_input_and_shows_who_changed_what(client):
    article = draft_article(lead_nn="Opphavleg ingress")
    kari = UserFactory(username="kari", first_name="Kari", last_name="Nordmann")
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    url = reverse(CHANGE, args=[article.pk])
    opened = client.get(url).context["adminform"].form
    stale = form_data(article, lead_nn="Min eigen ingress")
    stale["opened_revision"] = opened["opened_revision"].value()
    with recorded(user=kari):
        article.lead_nn = "Kari si nye ingress"
        article.updated_by = kari
        article.save()
    response = client.post(url, stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kari Nordmann" in html
    assert "Min eigen ingress" in html  # the editor's input stays in the form
    conflict = response.context["edit_conflict_changes"]
    (lines,) = [lines for _name, code, lines in conflict if code == "nn"]
    assert [line.label for line in lines] == ["Ingress"]
    assert "<ins>Kari si nye</ins>" in lines[0].new
    # Having seen it, the editor saves again on purpose: the form now carries the new version.
    again = response.context["adminform"].form
    stale["expected_version"] = again["expected_version"].value()
    stale["opened_revision"] = again["opened_revision"].value()
    assert client.post(url, stale).status_code == 302
    article.refresh_from_db()
    assert article.lead_nn == "Min eigen ingress"


@pytest.mark.django_db
def test_a_save_without_the_version_is_refused(client):
    article = draft_article(lead_nn="Opphavleg")
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    data = form_data(article, lead_nn="Utan versjon")
    del data["expected_version"]
    response = client.post(reverse(CHANGE, args=[article.pk]), data)
    assert response.status_code == 200
    assert "Denne lagringa sa ikkje kva versjon" in response.content.decode()
    assert Article.objects.get(pk=article.pk).lead_nn == "Opphavleg"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_draft_saves_of_a_published_item_released_together_never_both_succeed():
    from norec_site.drafts import draft_for, showing_draft

    with recorded(comment="first"):
        article = ArticleFactory(lead_nn="Opphavleg ingress", lead_en="Original lead")
    url = reverse(CHANGE, args=[article.pk])
    clients = [editor_client("draft-nn"), editor_client("draft-en")]
    posts = []
    for client, changes in zip(
        clients, ({"lead_nn": "Ny ingress"}, {"lead_en": "New lead"}), strict=True
    ):
        form = client.get(url).context["adminform"].form
        data = form_data(article, **changes)
        data["expected_draft"] = form["expected_draft"].value()
        posts.append(data)
    statuses = post_together(clients, url, posts)
    assert sorted(statuses) == [200, 302], statuses
    assert Article.objects.get(pk=article.pk).lead_nn == "Opphavleg ingress"  # live unchanged
    assert draft_for(article).version == 1
    with showing_draft(article) as shown:
        kept = (shown.lead_nn, shown.lead_en)
    winner = statuses.index(302)
    assert kept == (("Ny ingress", "Original lead"), ("Opphavleg ingress", "New lead"))[winner]
