"""The two compiled search queries, cached, and the runner that binds their parameters.

Django takes longer to compile these unions than PostgreSQL to run them, so each
is compiled once per language (and set of types) with stand-ins where the
visitor's values and the current time go. Compiling also makes a binding plan:
each parameter is either a constant or one named stand-in, and anything else
(a date or time that is not the stand-in "now", say from a new filter in
``public()``) stops the compile with ``UnexpectedParameter`` instead of being
replaced, or frozen, silently.
"""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchRank
from django.db import connections, models, router
from django.db.models import F, Value

from norec_site.search.expressions import AnyOf, SearchTerms, SearchType, plain
from norec_site.search.query import ParsedQuery

STANDIN_MARK = "\ufffe"
QUERY_STANDIN = f"{STANDIN_MARK}query{STANDIN_MARK}"
WORDS_STANDIN = f"{STANDIN_MARK}words{STANDIN_MARK}"
COMPOUNDS_STANDIN = f"{STANDIN_MARK}compounds{STANDIN_MARK}"
# A time no content is ever published at: where public() compares with now.
NOW_STANDIN = datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC)
TEXT_STANDINS = {QUERY_STANDIN: "query", COMPOUNDS_STANDIN: "compounds", WORDS_STANDIN: "words"}
# Kinds of value that vary between runs: bound only through a stand-in.
VARYING = (datetime.date, datetime.time, datetime.timedelta, Decimal, list, tuple, dict)


class UnexpectedParameter(Exception):
    """The compiled search SQL has a parameter the runner would not bind correctly."""


@dataclass(frozen=True)
class Bind:
    """A parameter slot filled on each run with the value of this name."""

    name: str


@dataclass(frozen=True)
class CompiledSearch:
    sql: str
    plan: tuple

    def bound(self, values):
        return [values[slot.name] if isinstance(slot, Bind) else slot for slot in self.plan]


def ids_standin(number):
    return [-number]


def binding_plan(params, standins, expected):
    """The plan for ``params``: ``standins`` maps a stand-in value to its name;
    ``expected`` says how many times each name must appear (None: at least once)."""
    plan, found = [], Counter()
    for position, param in enumerate(params):
        key = tuple(param) if isinstance(param, list) else param
        name = standins.get(key) if isinstance(key, str | tuple | datetime.datetime) else None
        if name is not None:
            plan.append(Bind(name))
            found[name] += 1
            continue
        if isinstance(param, VARYING) or (isinstance(param, str) and STANDIN_MARK in param):
            raise UnexpectedParameter(
                f"Parameter {position} of the search SQL is {param!r}, which is neither a "
                "constant nor a stand-in: a filter compares with a value that changes "
                "between runs. Compare with the `now` passed to public(), or add a stand-in."
            )
        plan.append(param)
    for name, count in expected.items():
        if (count is None and not found[name]) or (count is not None and found[name] != count):
            raise UnexpectedParameter(
                f"The search SQL binds “{name}” {found[name]} time(s), not "
                f"{'at least once' if count is None else count}: check what public() "
                "or the type declarations added, and the stand-ins."
            )
    return tuple(plan)


def _standin_terms(language):
    parsed = ParsedQuery(websearch=QUERY_STANDIN, compounds=COMPOUNDS_STANDIN, words=WORDS_STANDIN)
    return SearchTerms(parsed, language)


def _union(parts):
    first, *rest = parts
    return first.union(*rest, all=True) if rest else first


def _public(model, language):
    return model.objects.public(language, now=NOW_STANDIN).order_by()


def _expected_now(models_):
    return sum(model.objects.none().now_comparisons for model in models_)


@functools.cache
def hits_sql(language, models_):
    """The hits of every type, ranked, counted before the type filter, one page after it.

    The union is computed once (a materialized CTE). Parameters after the
    union's own: the type keys to show, the page size and the offset.
    """
    terms = _standin_terms(language)
    parts = [
        _public(model, language)
        .filter(**{terms.vector: terms.query})
        .annotate(
            hit_kind=Value(model.content.key),
            hit_id=F("pk"),
            hit_rank=SearchRank(F(terms.vector), terms.query, normalization=1),
            hit_date=SearchType(model).date_expression(),
        )
        .values("hit_kind", "hit_id", "hit_rank", "hit_date")
        for model in models_
    ]
    sql, params = _union(parts).query.sql_with_params()
    standins = {**TEXT_STANDINS, NOW_STANDIN: "now"}
    expected = {"now": _expected_now(models_), "query": None, "compounds": None}
    # Django's own compiled SQL with its parameters kept apart; no input is formatted in.
    sql = f"""WITH hits AS MATERIALIZED ({sql})
        (SELECT hit_kind, NULL::bigint, COUNT(*) FROM hits GROUP BY hit_kind)
        UNION ALL
        (SELECT hit_kind, hit_id, NULL FROM hits WHERE hit_kind = ANY(%s)
         ORDER BY hit_rank DESC, hit_date DESC, hit_kind, hit_id DESC
         LIMIT %s OFFSET %s)"""  # noqa: S608
    return CompiledSearch(sql, binding_plan(params, standins, expected))


@functools.cache
def details_sql(language, models_):
    """Title, slug, dates and snippet of given ids of each type (still only public ones)."""
    terms = _standin_terms(language)
    parts = []
    standins = {**TEXT_STANDINS, NOW_STANDIN: "now"}
    expected = {"now": _expected_now(models_), "query": None, "compounds": None}
    for number, model in enumerate(models_, 1):
        search_type = SearchType(model)
        standins[tuple(ids_standin(number))] = f"ids:{search_type.key}"
        expected[f"ids:{search_type.key}"] = 1
        ids = Value(ids_standin(number), output_field=ArrayField(models.BigIntegerField()))
        parts.append(
            _public(model, language)
            .filter(AnyOf(F("pk"), ids))
            .annotate(
                hit_kind=Value(search_type.key),
                hit_id=F("pk"),
                hit_title=terms.headline(plain(F(f"title_{language}")), highlight_all=True),
                hit_slug=F(f"{search_type.url_field}_{language}"),
                hit_date=search_type.date_expression(),
                hit_end=search_type.end_date_expression(),
                hit_snippet=search_type.snippet(terms),
            )
            .values(
                "hit_kind", "hit_id", "hit_title", "hit_slug", "hit_date", "hit_end", "hit_snippet"
            )
        )
    sql, params = _union(parts).query.sql_with_params()
    return CompiledSearch(sql, binding_plan(params, standins, expected))


def run(sql, params, model):
    """Rows of the SQL, and the names of its columns."""
    # A database router may send reads to a replica; every type lives in one database.
    with connections[router.db_for_read(model)].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return names, cursor.fetchall()
