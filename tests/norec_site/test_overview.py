"""The editors' overview on the admin's front page: scheduled, recently published and
missing translations, across content types, for what the editor may change."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from norec_site import overview, review
from norec_site.groups import COMMUNICATIONS
from norec_site.models import Status
from norec_site.notifications import notify
from norec_site.registry import content_models
from reports.models import Report
from tests.conftest import log_in
from tests.factories import SitePageFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("NOREC_SCREENSHOTS", ROOT / "test-screenshots")) / "editorial"


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, admin_language="en")


def titles(section, user):
    return [str(entry.item) for entry in section(user)]


def test_scheduled_lists_what_publishes_or_unpublishes_within_14_days(superuser, english):
    now = timezone.now()
    ArticleFactory(title_nn="Kjem om tre dagar", published_at=now + 3 * DAY)
    ArticleFactory(title_nn="Kjem om tjue dagar", published_at=now + 20 * DAY)
    ProjectFactory(title_nn="Går ut om fem dagar", unpublish_at=now + 5 * DAY)
    ReportFactory(title_nn="Utkast med tid", draft=True, published_at=now + 2 * DAY)
    ArticleFactory(title_nn="Ute i går", published_at=now - 9 * DAY, unpublish_at=now - DAY)

    entries = overview.scheduled(superuser)

    assert [e.item.title_nn for e in entries] == ["Kjem om tre dagar", "Går ut om fem dagar"]
    assert [e.note for e in entries] == ["Publishes", "Unpublishes"]
    assert entries[0].date == entries[0].item.published_at
    assert entries[1].date == entries[1].item.unpublish_at


def test_recently_published_is_newest_first_and_leaves_out_drafts_and_old_items(superuser):
    now = timezone.now()
    ArticleFactory(title_nn="Gammal", published_at=now - 60 * DAY)
    ArticleFactory(title_nn="Utkast", draft=True)
    ArticleFactory(title_nn="Planlagd", published_at=now + DAY)
    ReportFactory(title_nn="Rapport i går", published_at=now - DAY)
    SitePageFactory(title_nn="Side i dag", published_at=now - datetime.timedelta(hours=1))

    assert titles(overview.recently_published, superuser) == ["Side i dag", "Rapport i går"]


def test_missing_translation_lists_items_with_a_title_but_not_the_texts(superuser, english):
    ArticleFactory(title_nn="Berre nynorsk")  # no Bokmål title: nothing is missing
    article = ArticleFactory(title_nn="Bokmål utan ingress", title_nb="Bokmål uten ingress")
    report = ReportFactory(title_nn="Engelsk utan samandrag", summary_en="")
    ArticleFactory(title_nn="Komplett", translated=True)

    entries = {e.item: e.note for e in overview.missing_translation(superuser)}

    assert entries == {
        article: "Incomplete in Norwegian Bokmål",
        report: "Incomplete in English",
    }


def test_missing_translation_names_the_languages_in_lowercase_in_nynorsk(superuser):
    ArticleFactory(title_nb="Berre tittel", title_en="Only a title")
    (entry,) = overview.missing_translation(superuser)
    assert entry.note == "Ikkje ferdig på bokmål, engelsk"


def test_an_editor_sees_only_the_content_types_they_may_change():
    now = timezone.now()
    ArticleFactory(title_nn="Artikkel snart", published_at=now + DAY)
    ReportFactory(title_nn="Rapport snart", published_at=now + DAY)
    writer = UserFactory(groups=[COMMUNICATIONS])

    assert titles(overview.scheduled, writer) == ["Artikkel snart"]
    assert overview.recently_published(UserFactory()) == []


def test_every_entry_links_to_its_change_page(superuser, english):
    article = ArticleFactory(published_at=timezone.now() - DAY)
    (entry,) = overview.recently_published(superuser)
    assert entry.url == reverse("admin:news_article_change", args=[article.pk])
    assert entry.type_name == "Article"


@pytest.mark.parametrize("section", overview.SECTIONS, ids=lambda s: s.entries.__name__)
def test_each_section_costs_one_query_per_content_type_however_many_items(
    django_assert_max_num_queries, superuser, section
):
    now = timezone.now()
    for number in range(15):
        ArticleFactory(title_nb=f"Berre tittel {number}", published_at=now + DAY)
        ReportFactory(published_at=now - DAY, unpublish_at=now + 2 * DAY, summary_en="")
        unpublished = ArticleFactory(status=Status.DRAFT, published_at=None)
        review.submit_for_review(unpublished, superuser)
        notify([superuser], lambda number=number: f"Note {number}", link="/admin/")
    with django_assert_max_num_queries(len(content_models())):
        entries = section.entries(superuser)
        [str(entry.item) for entry in entries]
    assert 0 < len(entries) <= overview.LIMIT


def test_adding_a_section_is_one_line_in_the_registry(client, superuser, monkeypatch):
    def mine(user):
        return [overview.entry(item, item.updated_at) for item in Report.objects.all()]

    ReportFactory(title_en="Report of my own", status=Status.DRAFT, published_at=None)
    monkeypatch.setattr(overview, "SECTIONS", [*overview.SECTIONS, overview.Section("Mine", mine)])
    log_in(client, superuser)
    html = client.get(reverse("admin:index")).content.decode()
    assert "<caption>Mine</caption>" in html
    assert "Report of my own" in html


def test_front_page_shows_the_overview_with_links_in_the_editors_language(client):
    now = timezone.now()
    article = ArticleFactory(title_nn="Snart ute", published_at=now + DAY)
    editor = UserFactory(groups=[COMMUNICATIONS], admin_language="nb")
    log_in(client, editor)

    response = client.get(reverse("admin:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Planlagt publisert eller avpublisert de neste 14 dagene" in html
    assert "Nylig publisert" in html
    assert "Mangler en oversettelse" in html
    change = reverse("admin:news_article_change", args=[article.pk])
    assert f'<a href="{change}">Snart ute</a>' in html


def test_front_page_query_count_does_not_grow_with_the_content(
    client, django_assert_max_num_queries
):
    editor = UserFactory(is_superuser=True)
    log_in(client, editor)
    client.get(reverse("admin:index"))  # sessions and first-use lookups
    now = timezone.now()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("admin:index")).status_code == 200
        return len(queries)

    ArticleFactory(published_at=now + DAY)
    few = count()
    for _number in range(12):
        ArticleFactory(published_at=now + DAY, title_en="Only a title")
        ReportFactory(published_at=now - DAY)
        ProjectFactory(unpublish_at=now + 3 * DAY)
        SitePageFactory(body_en="")
    assert count() == few
    with django_assert_max_num_queries(few):
        client.get(reverse("admin:index"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_opens_an_item_from_the_overview(page, live_server, log_in_as):
    now = timezone.now()
    ArticleFactory(title_nn="Utveksling i Kampala", published_at=now + 3 * DAY)
    ArticleFactory(title_nn="Ny avtale med Malawi", published_at=now - 2 * DAY)
    ArticleFactory(title_nn="Sør-sør-samarbeid", title_en="South–south cooperation")
    ReportFactory(title_nn="Rapporten som ikkje skal visast", published_at=now + DAY)
    log_in_as(page, COMMUNICATIONS)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/")

    overview_box = page.locator(".editors-overview")
    assert overview_box.locator("caption").all_text_contents() == [
        "Varsel",
        "Utkasta mine",
        "Ventar på gjennomgang",
        "Planlagd publisert eller avpublisert dei neste 14 dagane",
        "Nyleg publisert",
        "Manglar ei omsetjing",
    ]
    assert overview_box.get_by_text("Rapporten som ikkje skal visast").count() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "overview.png", full_page=True)

    overview_box.get_by_role("link", name="Utveksling i Kampala").click()
    page.wait_for_url("**/admin/news/article/*/change/")
    assert page.input_value("#id_title_nn") == "Utveksling i Kampala"


def test_drafts_and_review_show_to_their_author_and_to_those_who_may_publish():
    writer = UserFactory(admin_language="en")
    writer.user_permissions.add(Permission.objects.get(codename="change_article"))
    publisher = UserFactory(groups=[COMMUNICATIONS], admin_language="en")
    article = ArticleFactory(title_nn="Til gjennomgang", status=Status.DRAFT, published_at=None)
    review.submit_for_review(article, writer)

    assert titles(overview.my_drafts, writer) == ["Til gjennomgang"]
    assert titles(overview.my_drafts, publisher) == []
    assert titles(overview.awaiting_review, publisher) == ["Til gjennomgang"]
    assert titles(overview.awaiting_review, writer) == []
    assert [entry.url for entry in overview.notifications(publisher)] == [
        reverse("admin:review_queue")
    ]
    assert overview.notifications(writer) == []
