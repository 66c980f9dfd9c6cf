"""The compiled search SQL binds every parameter on purpose: each is a constant or a
named stand-in, and a filter that compares with a value of its own stops the compile."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from norec_site.models.publishable import PublishableQuerySet
from norec_site.search import search_types, sql

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def freshly_compiled():
    sql.hits_sql.cache_clear()
    sql.details_sql.cache_clear()
    yield
    sql.hits_sql.cache_clear()
    sql.details_sql.cache_clear()


def content():
    return tuple(search_type.model for search_type in search_types())


def bound_names(compiled):
    return Counter(slot.name for slot in compiled.plan if isinstance(slot, sql.Bind))


def test_each_type_binds_the_time_twice_and_its_own_ids_once():
    models = content()
    hits = bound_names(sql.hits_sql("nn", models))
    assert hits["now"] == 2 * len(models)
    assert hits["query"] == hits["compounds"] > 0
    details = bound_names(sql.details_sql("nn", models))
    assert details["now"] == 2 * len(models)
    assert all(details[f"ids:{model.content.key}"] == 1 for model in models)
    # Only the types with a long text (reports' PDF text) look for the words in it.
    assert details["words"] == sum(1 for model in models if model.content.long_text)
    everything = [*sql.hits_sql("nn", models).plan, *sql.details_sql("nn", models).plan]
    constants = [slot for slot in everything if not isinstance(slot, sql.Bind)]
    assert not [value for value in constants if isinstance(value, datetime.date | list)]


def test_the_plan_binds_the_visitor_values_and_the_time_of_each_run():
    compiled = sql.hits_sql("en", content())
    now = timezone.now()
    bound = compiled.bound({"now": now, "query": "water", "compounds": "", "words": "water"})
    assert bound.count(now) == 2 * len(content())
    assert "water" in bound
    assert sql.NOW_STANDIN not in bound
    assert not [value for value in bound if isinstance(value, str) and sql.STANDIN_MARK in value]


def test_a_filter_with_a_time_of_its_own_stops_the_compile(monkeypatch):
    public = PublishableQuerySet.public
    year_ago = timezone.now() - datetime.timedelta(days=365)

    def recent_only(self, language=None, now=None):
        return public(self, language, now).filter(created_at__gte=year_ago)

    monkeypatch.setattr(PublishableQuerySet, "public", recent_only)
    with pytest.raises(sql.UnexpectedParameter, match="neither a constant nor a stand-in"):
        sql.hits_sql("nn", content())
    with pytest.raises(sql.UnexpectedParameter, match="neither a constant nor a stand-in"):
        sql.details_sql("nn", content())


def test_a_date_of_today_stops_the_compile(monkeypatch):
    public = PublishableQuerySet.public

    def started(self, language=None, now=None):
        return public(self, language, now).filter(created_at__date__lte=timezone.localdate())

    monkeypatch.setattr(PublishableQuerySet, "public", started)
    with pytest.raises(sql.UnexpectedParameter, match="neither a constant nor a stand-in"):
        sql.hits_sql("nb", content())


def test_another_comparison_with_now_must_be_counted_where_published_says_so(monkeypatch):
    published = PublishableQuerySet.published

    def also_created(self, now=None):
        now = now or timezone.now()
        return published(self, now).filter(created_at__lte=now)

    monkeypatch.setattr(PublishableQuerySet, "published", also_created)
    with pytest.raises(sql.UnexpectedParameter, match=f"binds “now” {3 * len(content())} time"):
        sql.hits_sql("nn", content())
    monkeypatch.setattr(PublishableQuerySet, "now_comparisons", 3)
    assert bound_names(sql.hits_sql("nn", content()))["now"] == 3 * len(content())
