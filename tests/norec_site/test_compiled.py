"""Querysets compiled once (norec_site.compiled): each run binds its own time and
address, and gives what Django's own queryset gives."""

import datetime
import sys
import threading
from urllib.parse import urlencode

import pytest
import time_machine
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from lxml import html

from news.models import Article
from norec_site import compiled as compiled_module
from norec_site.compiled import NOW_STANDIN, TODAY_STANDIN, UnexpectedParameter, compiled
from norec_site.models import Status
from projects.facets import filter_projects, selected_from
from projects.models import Project
from tests.factories import ImageFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_each_run_binds_its_own_time(client):
    """A page compiled before an article's time comes shows it once it has, and an
    article that leaves at a set time leaves every page compiled before."""
    soon = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(title_nn="Kjem om ein time", status=Status.PUBLISHED, published_at=soon)
    going = ArticleFactory(title_nn="Går om ein time", unpublish_at=soon)
    assert "Kjem om ein time" not in client.get("/nn/").content.decode()
    assert "Går om ein time" in client.get(going.get_absolute_url("nn")).content.decode()

    with time_machine.travel(soon + datetime.timedelta(minutes=1)):
        assert "Kjem om ein time" in client.get("/nn/").content.decode()
        assert client.get(going.get_absolute_url("nn")).status_code == 404


def test_a_run_gives_what_the_queryset_gives_with_its_annotations():
    first, second = ProjectFactory(), ProjectFactory()
    later, picture = ImageFactory(), ImageFactory()
    first.gallery.create(image=later, position=1)
    first.gallery.create(image=picture, position=0)
    now = timezone.now()

    def make(now, today):
        return Project.objects.public("nn", now=now).for_cards(today=today).order_by("pk")

    run = compiled(("test: project cards", "nn"), lambda: make(NOW_STANDIN, TODAY_STANDIN)).run
    found = run(now=now, today=now.date())
    expected = list(make(now, now.date()))

    assert [p.pk for p in found] == [p.pk for p in expected] == [first.pk, second.pk]
    for got, wanted in zip(found, expected, strict=True):
        assert got.phase == wanted.phase
        assert got.card_picture == wanted.card_picture
    assert found[0].card_picture == picture and found[1].card_picture is None
    renditions = picture.renditions.filter(ratio="16x9").order_by("width")
    assert found[0].card_picture.renditions_for("16x9") == list(renditions)
    assert found[0].card_picture.alt_for("en") == (picture.alt_en, "en")


def test_a_prefetch_of_a_reverse_foreign_key_is_compiled_too():
    """A project's gallery (a foreign key to the project's id) is fetched by compiled SQL,
    in the gallery's order, each picture pointing to its project."""
    project = ProjectFactory()
    second, first = ImageFactory(), ImageFactory()
    project.gallery.create(image=second, position=1)
    project.gallery.create(image=first, position=0)
    other = ProjectFactory()

    query = compiled(
        ("test: project galleries", "nn"),
        lambda: Project.objects.order_by("pk").prefetch_related("gallery"),
    )
    assert [relation.name for relation, _query in query.prefetches] == ["gallery"]
    assert query.other_lookups == ()

    found = query.run()
    assert [p.pk for p in found] == [project.pk, other.pk]
    assert [item.image_id for item in found[0].gallery.all()] == [first.pk, second.pk]
    assert all(item.project is found[0] for item in found[0].gallery.all())
    assert list(found[1].gallery.all()) == []


def test_a_time_that_would_be_kept_stops_the_compile():
    with pytest.raises(UnexpectedParameter):
        compiled(("test: a kept time",), lambda: Project.objects.published(timezone.now()))


# Lists: each page's rows by one query compiled per view, language and facet selection.


def listed_titles(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    page = html.fromstring(response.content)
    return [
        heading.text_content().strip()
        for heading in page.xpath("//li[contains(@class, 'card')]//h2")
    ]


@pytest.mark.parametrize(
    ("name", "factory", "params"),
    [
        ("news:index", ArticleFactory, {}),
        ("reports:index", ReportFactory, {}),
        ("projects:index", ProjectFactory, {}),
        ("projects:index", ProjectFactory, {"sdg": "17"}),
    ],
)
def test_a_compiled_list_shows_an_item_at_its_time_and_hides_it_at_its_end(
    client, name, factory, params
):
    soon = timezone.now() + datetime.timedelta(hours=1)
    extra = {"sdgs": [17]} if factory is ProjectFactory else {}
    factory(title_nn="Kjem om ein time", published_at=soon, **extra)
    factory(title_nn="Går om ein time", unpublish_at=soon, **extra)
    factory(title_nn="Eit utkast", status=Status.DRAFT, **extra)
    shown = listed_titles(client, name, **params)
    assert "Går om ein time" in shown
    assert "Kjem om ein time" not in shown and "Eit utkast" not in shown

    with time_machine.travel(soon + datetime.timedelta(minutes=1)):
        shown = listed_titles(client, name, **params)
        assert "Kjem om ein time" in shown
        assert "Går om ein time" not in shown and "Eit utkast" not in shown


def test_every_page_of_a_compiled_list_is_djangos_own_page(client):
    ArticleFactory.create_batch(30)
    ArticleFactory.create_batch(3, published_at=timezone.now() - datetime.timedelta(days=3))
    newest_first = Article.objects.public("nn").order_by(*Article._meta.ordering)
    expected = [article.title_nn for article in newest_first]
    shown = []
    for page in (1, 2, 3):
        shown += listed_titles(client, "news:index", page=page)
    assert shown == expected
    assert len(expected) == 33


def test_a_compiled_facet_selection_lists_what_djangos_own_filter_lists(client):
    for number in range(1, 6):
        ProjectFactory(sdgs=[number % 3 + 1], partners=(("KE" if number % 2 else "VN", "public"),))
    today = timezone.localdate()
    for params in ({"sdg": "1"}, {"sdg": "2", "region": "africa"}, {"region": "asia"}, {}):
        selection = selected_from(QueryDict(urlencode(params)))
        wanted = filter_projects(Project.objects.public("nn"), selection, today)
        wanted = [project.title_nn for project in wanted.order_by("-start_date", "pk")]
        assert listed_titles(client, "projects:index", **params) == wanted


def test_compiled_lists_stay_bounded(client, monkeypatch):
    monkeypatch.setattr(compiled_module, "COMPILED_LIMIT", 2)
    ProjectFactory(sdgs=[17], title_nn="Mål sytten")
    for number in (15, 16, 17):
        assert listed_titles(client, "projects:index", sdg=str(number)) == (
            ["Mål sytten"] if number == 17 else []
        )
    assert len(compiled_module._compiled) <= 2
    assert listed_titles(client, "projects:index", sdg="17") == ["Mål sytten"]


def test_compiled_lists_stay_bounded_under_threads(monkeypatch):
    """gunicorn --threads: several threads compile new lists (a flood of facet selections)
    at once, each past the bound; none may fail for another's eviction (a KeyError, or
    the dict changing size while the oldest key is read)."""
    monkeypatch.setattr(compiled_module, "COMPILED_LIMIT", 4)
    monkeypatch.setattr(compiled_module, "_compiled", {})
    failures = []

    def compile_many(thread):
        try:
            for number in range(300):
                compiled(("test: threads", thread, number), lambda: Article.objects.all())
        except Exception as error:  # any failure is the finding
            failures.append(repr(error))

    threads = [threading.Thread(target=compile_many, args=(n,)) for n in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy server does
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert len(compiled_module._compiled) <= 4


def test_a_filter_a_visitor_types_is_never_compiled(client):
    ArticleFactory(title_nn="Ei sak")
    before = set(compiled_module._compiled)
    assert listed_titles(client, "news:index", topic="x" * 90) == []
    assert listed_titles(client, "reports:index", series="y" * 90) == []
    assert set(compiled_module._compiled) == before
