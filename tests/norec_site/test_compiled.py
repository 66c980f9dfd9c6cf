"""Querysets compiled once (norec_site.compiled): each run binds its own time and
address, and gives what Django's own queryset gives."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from norec_site.compiled import NOW_STANDIN, TODAY_STANDIN, UnexpectedParameter, compiled
from norec_site.models import Status
from projects.models import Project
from tests.factories import ImageFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory

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
