"""Someone else has it open: heartbeats from change pages, stored in PostgreSQL."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from norec_site.groups import COMMUNICATIONS
from norec_site.models import EditingPresence
from norec_site.presence import others_editing, record_presence
from tests.factories import ImageFactory, UserFactory
from tests.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# 09:14 in Oslo (winter time).
NOW = datetime.datetime(2026, 3, 10, 8, 14, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def pinned_time():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def editor_client(name):
    first, last = name.split()
    user = UserFactory(first_name=first, last_name=last, groups=[COMMUNICATIONS])
    client = Client()
    client.force_login(user)
    return user, client


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def presence_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_presence", args=[item.pk])


def notices(response):
    return [str(m) for m in get_messages(response.wsgi_request) if "editing-presence" in m.tags]


def test_second_editor_is_told_who_has_the_article_open_and_since_when():
    _kari, kari_client = editor_client("Kari Nordmann")
    _ola, ola_client = editor_client("Ola Nordmann")
    article = ArticleFactory()
    assert notices(kari_client.get(change_url(article))) == []

    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        response = ola_client.get(change_url(article))
    assert response.status_code == 200
    [notice] = notices(response)
    assert notice.startswith("Kari Nordmann har hatt denne sida open sidan 09:14.")
    assert "Kari Nordmann har hatt denne sida open" in response.content.decode()


def test_heartbeat_keeps_the_visit_and_answers_with_the_others(pinned_time):
    kari, kari_client = editor_client("Kari Nordmann")
    ola, ola_client = editor_client("Ola Nordmann")
    article = ArticleFactory()
    kari_client.get(change_url(article))
    ola_client.get(change_url(article))

    pinned_time.shift(datetime.timedelta(seconds=90))
    response = kari_client.post(presence_url(article))
    assert response.status_code == 200
    [text] = response.json()["others"]
    assert text.startswith("Ola Nordmann har hatt denne sida open sidan 09:14.")

    # Kari keeps beating; Ola stopped 90 s ago and is gone after two minutes.
    pinned_time.shift(datetime.timedelta(seconds=40))
    assert kari_client.post(presence_url(article)).json()["others"] == []
    assert [p.user for p in others_editing(ola, article)] == [kari]
    opened = EditingPresence.objects.get(user=kari).opened_at
    assert opened == NOW


def test_a_visit_after_a_long_gap_starts_again(pinned_time):
    kari, _client = editor_client("Kari Nordmann")
    ola, _client = editor_client("Ola Nordmann")
    article = ArticleFactory()
    record_presence(kari, article)
    pinned_time.shift(datetime.timedelta(minutes=10))
    assert others_editing(ola, article) == []
    record_presence(kari, article)
    [presence] = others_editing(ola, article)
    assert presence.opened_at == NOW + datetime.timedelta(minutes=10)
    assert EditingPresence.objects.count() == 1  # one row per editor and item, upserted


def test_leaving_the_page_ends_the_visit_at_once():
    kari, kari_client = editor_client("Kari Nordmann")
    ola, _client = editor_client("Ola Nordmann")
    article = ArticleFactory()
    kari_client.get(change_url(article))
    assert kari_client.post(presence_url(article), {"leaving": "1"}).status_code == 204
    assert others_editing(ola, article) == []


def test_an_editor_never_sees_a_notice_about_themself():
    _kari, kari_client = editor_client("Kari Nordmann")
    article = ArticleFactory()
    kari_client.get(change_url(article))
    assert notices(kari_client.get(change_url(article))) == []
    assert kari_client.post(presence_url(article)).json() == {"others": []}


def test_image_change_pages_have_the_notice_too():
    _kari, kari_client = editor_client("Kari Nordmann")
    _ola, ola_client = editor_client("Ola Nordmann")
    image = ImageFactory()
    kari_client.post(presence_url(image))
    [notice] = notices(ola_client.get(change_url(image)))
    assert "Kari Nordmann" in notice


def test_heartbeat_needs_a_post_and_access_to_the_item(client):
    article = ArticleFactory()
    _kari, kari_client = editor_client("Kari Nordmann")
    assert kari_client.get(presence_url(article)).status_code == 405
    outsider = UserFactory()  # staff without access to articles
    client.force_login(outsider)
    assert client.post(presence_url(article)).status_code == 403
    missing = reverse("admin:news_article_presence", args=[article.pk + 100])
    assert kari_client.post(missing).status_code in (302, 404)
    assert not EditingPresence.objects.filter(user=outsider).exists()
