"""A content type that only declares itself (tests/extra_content, installed here alone)
appears in search, the sitemap and the home page, with no edit to norec_site."""

import datetime

import pytest
import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from norec_site import page_cache
from norec_site.registry import content_models, in_display_order
from tests.news.factories import ArticleFactory
from tests.norec_site.test_page_cache import committed
from tests.sitemaps import sitemap_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_model():
    """The events app installed and migrated, its URLs in front of the site's."""
    with override_settings(
        INSTALLED_APPS=[*settings.INSTALLED_APPS, "tests.extra_content"],
        ROOT_URLCONF="tests.extra_content.urls",
    ):
        call_command("migrate", "extra_content", verbosity=0)
        from tests.extra_content.models import Event

        yield Event
    # Installing it registered it for revisions; nothing else outlives the test.
    reversion.unregister(Event)
    ContentType.objects.clear_cache()
    assert "events" not in {model.content.key for model in content_models()}


def url(name, **kwargs):
    with translation.override("nn"):
        return reverse(name, kwargs=kwargs or None)


def test_a_declared_type_is_registered_last_in_the_display_order(event_model):
    assert in_display_order()[-1] is event_model
    assert content_models()[-1] is event_model


def test_a_declared_type_appears_in_search_sitemap_and_home(client, event_model):
    event = event_model.objects.create(
        title_nn="Partnarmøte i Nairobi",
        body_nn="<p>Partnarane møtest for å utveksle tilsette.</p>",
        starts_on=datetime.date(2026, 3, 1),
        status="published",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    ArticleFactory(title_nn="Partnarmøte i Dhaka")
    address = event.get_absolute_url("nn")
    assert address == "/nn/events/partnarmote-i-nairobi/"

    response = client.get(url("search"), {"q": "partnarmøte"})
    counts = {key: count for key, _label, count in response.context["type_counts"]}
    assert counts == {"news": 1, "reports": 0, "projects": 0, "pages": 0, "events": 1}
    html = response.content.decode()
    assert f'href="{address}"' in html
    assert '<span class="search-result__type">Event</span>' in html
    assert "Events (1)" in html
    response = client.get(url("search"), {"q": "partnarmøte", "type": "events"})
    assert [hit.url for hit in response.context["page_obj"].object_list] == [address]

    sitemap = sitemap_document(client).decode()
    assert f"http://testserver{address}" in sitemap
    assert f"http://testserver{url('events:index')}" in sitemap

    home = client.get(url("home")).content.decode()
    assert '<section class="home-events">' in home
    assert f'<a href="{address}">Partnarmøte i Nairobi</a>' in home
    # The types' sections keep their declared order: news first, events last.
    assert home.index("home-news") < home.index("home-events")


def test_saving_a_declared_type_changes_the_pages_version(event_model):
    before = page_cache.read_version()[0]
    with committed():
        event_model.objects.create(
            title_nn="Partnarmøte i Lusaka",
            body_nn="<p>Partnarane møtest.</p>",
            starts_on=datetime.date(2026, 4, 1),
            status="published",
            published_at=timezone.now() - datetime.timedelta(days=1),
        )
    assert page_cache.read_version()[0] == before + 1
