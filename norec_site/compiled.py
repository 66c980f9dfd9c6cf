"""Querysets that public pages run on every request, compiled to SQL once per process.

Django builds and compiles a queryset anew on each request, and for the home page and
the detail pages that takes longer than PostgreSQL takes to answer. ``compiled()``
compiles a queryset once, with stand-ins for what changes between runs (the current
time, today's date, an address), and each run binds the values and fills the rows
through the queryset's own iterable: the same instances, annotations and
``select_related`` objects as Django's, nothing of the results kept.

Any other parameter that is not a constant (a date, a time) stops the compile, so that
no value of one moment is kept for later runs. A prefetch of a reverse foreign key
(a project's gallery, a report's files) is compiled too, binding the rows' ids; any
other prefetch runs as Django runs it.
"""

import copy
import datetime
import threading
from dataclasses import dataclass

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models
from django.db.models import F, Func, Prefetch, Value, prefetch_related_objects

from norec_site.search.expressions import AnyOf
from norec_site.search.sql import NOW_STANDIN, Bind, UnexpectedParameter

# What the compiled SQL holds where each run binds today's date or an address.
TODAY_STANDIN = datetime.date(1901, 1, 2)
SLUG_STANDIN = "norec-compiled-slug-standin"
# Where a compiled prefetch binds the ids of the rows it fetches for.
IDS_STANDIN = [-987_654_321]
STANDINS = {NOW_STANDIN: "now", TODAY_STANDIN: "today", SLUG_STANDIN: "slug"}
VARYING = (datetime.date, datetime.time, datetime.timedelta)
# key -> CompiledQuery, for the life of the process (the SQL only, never rows). Keys of
# lists may come from a query string (a facet selection): past this many, the oldest goes
# (a compiled project list keeps some 90 kB of Django's query objects).
_compiled = {}
COMPILED_LIMIT = 128
# Held while the dict changes: threads of one process (gunicorn --threads) would else
# evict the same oldest key at once (a KeyError) or read it while another adds one.
_compiled_lock = threading.Lock()


@dataclass(frozen=True)
class CompiledQuery:
    queryset: object
    compiler: object
    sql: str
    plan: tuple

    # (reverse relation, CompiledQuery of its rows) of each compiled prefetch
    prefetches: tuple = ()
    # the other prefetch lookups, left to Django
    other_lookups: tuple = ()

    def run(self, **values):
        """The rows of the queryset, with ``values`` (``now``, ``today``, ``slug``) bound."""
        params = tuple(values[slot.name] if isinstance(slot, Bind) else slot for slot in self.plan)
        queryset = self.queryset
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[queryset.db]
        sql = self.sql
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        rows = list(queryset._iterable_class(_Run(queryset, compiler)))
        if rows:
            for relation, query in self.prefetches:
                attach(rows, relation, query.run(ids=[row.pk for row in rows]))
            if self.other_lookups:
                prefetch_related_objects(rows, *self.other_lookups)
        return rows


def attach(rows, relation, found):
    """``found`` (rows of ``relation``'s model) as each row's prefetched ``relation``,
    as Django's prefetch leaves them: in their query's order, each pointing to its row."""
    field = relation.field
    by_row = {}
    for item in found:
        by_row.setdefault(getattr(item, field.attname), []).append(item)
    accessor, cache_name = relation.get_accessor_name(), field.remote_field.cache_name
    for row in rows:
        items = by_row.get(row.pk, [])
        for item in items:
            field.set_cached_value(item, row)
        prefetched = getattr(row, accessor).get_queryset()
        prefetched._result_cache, prefetched._prefetch_done = items, True
        if not hasattr(row, "_prefetched_objects_cache"):
            row._prefetched_objects_cache = {}
        row._prefetched_objects_cache[cache_name] = prefetched


def reverse_foreign_key(model, lookup):
    """The reverse relation a one-level prefetch ``lookup`` follows, if it is one."""
    name = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    if "__" in name or (isinstance(lookup, Prefetch) and lookup.to_attr):
        return None
    try:
        relation = model._meta.get_field(name)
    except FieldDoesNotExist:  # a property or a generic relation
        return None
    if not (relation.one_to_many and relation.auto_created and not relation.concrete):
        return None
    # The foreign key must point to the primary key (``to_fields`` names it once the
    # model is ready, whether or not ``to_field`` was given), which the rows' ids bind.
    field = relation.field
    if field.attname != f"{field.name}_id" or not field.target_field.primary_key:
        return None
    return relation


def compiled_prefetches(queryset):
    """(compiled prefetches, other lookups) of ``queryset``."""
    compiled_ones, others = [], []
    for lookup in queryset._prefetch_related_lookups:
        relation = reverse_foreign_key(queryset.model, lookup)
        if relation is None:
            others.append(lookup)
            continue
        items = getattr(lookup, "queryset", None)
        if items is None:
            items = relation.related_model._default_manager.all()
        ids = Value(IDS_STANDIN, output_field=ArrayField(models.BigIntegerField()))
        items = items.filter(AnyOf(F(relation.field.attname), ids))
        compiled_ones.append((relation, compile_queryset(items)))
    return tuple(compiled_ones), tuple(others)


class _Query:
    def __init__(self, compiler):
        self.compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self.compiler


class _Run:
    """What a model iterable reads of its queryset, with the compiled compiler."""

    _known_related_objects = {}  # read, never changed

    def __init__(self, queryset, compiler):
        self.model = queryset.model
        self.db = queryset.db
        self.query = _Query(compiler)


def plan_for(params):
    """Each parameter kept as it is, or the name of the value bound in its place."""
    plan = []
    for position, param in enumerate(params):
        name = STANDINS.get(param) if isinstance(param, str | datetime.date) else None
        if isinstance(param, Bind):  # an expression's own slot (``PageOfIds``)
            plan.append(param)
        elif name is not None:
            plan.append(Bind(name))
        elif isinstance(param, list) and param == IDS_STANDIN:
            plan.append(Bind("ids"))
        elif isinstance(param, VARYING):
            raise UnexpectedParameter(
                f"Parameter {position} of a compiled query is {param!r}: compare with the "
                "`now` or `today` stand-in instead, so that no run keeps another's time."
            )
        else:
            plan.append(param)
    return tuple(plan)


def compiled(key, make):
    """The queryset ``make()`` gives, compiled once per process for ``key`` (which must
    name everything the SQL depends on: model, language, count...)."""
    found = _compiled.get(key)
    if found is None:
        found = compile_queryset(make())
        with _compiled_lock:
            while len(_compiled) >= COMPILED_LIMIT:
                del _compiled[next(iter(_compiled))]
            _compiled[key] = found
    return found


def compile_queryset(queryset):
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    prefetches, others = compiled_prefetches(queryset)
    return CompiledQuery(queryset, compiler, sql, plan_for(params), prefetches, others)


class PageOfIds(Func):
    """``pk IN (the ids of a queryset's rows, LIMIT %s OFFSET %s)``: one page of a list,
    its bounds as parameters (Django writes a slice's into the SQL), so that a compiled
    list serves every page. ``limit`` and ``offset`` are numbers, or ``Bind`` slots that
    each run of the compiled query fills."""

    output_field = models.BooleanField()

    def __init__(self, queryset, limit, offset):
        super().__init__(F("pk"))
        self.ids, self.limit, self.offset = queryset.values("pk"), limit, offset

    def as_sql(self, compiler, connection, **extra_context):
        column, column_params = compiler.compile(self.source_expressions[0])
        sql, params = self.ids.query.get_compiler(connection=connection).as_sql()
        return (
            f"{column} IN ({sql} LIMIT %s OFFSET %s)",
            (*column_params, *params, self.limit, self.offset),
        )
