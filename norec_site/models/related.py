"""Links between pieces of content, read in both directions.

A link is declared once, as a many-to-many field on the pointing side (an
article names related reports and projects, a project names related reports);
the other side reads it through Django's reverse relation. No app needs to
know which others point to it.
"""

import datetime
import functools
from typing import NamedTuple

from django.db import connections, router
from django.db.models import F, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override


class RelatedLink(NamedTuple):
    title: str
    url: str
    published_at: object


def link_url(model, language, value):
    """The detail address of a ``model`` item whose URL field in ``language`` is ``value``."""
    from norec_site.models.publishable import detail_url  # publishable imports this module

    if model.url_field == "slug":
        return detail_url(model.url_name, language, value)
    with override(language):
        return reverse(model.url_name, kwargs={model.url_field: value})


class Related:
    """Mixin of ``Publishable``: the content this item links to and that links to it."""

    @classmethod
    def content_relations(cls, pointing_here_only=False):
        """(accessor, model) of each many-to-many link between this model and other content,
        both the fields it declares and the reverse relations of those that point to it."""
        relations = []
        for field in cls._meta.get_fields():
            if not field.many_to_many or not issubclass(field.related_model, Related):
                continue
            pointing_here = field.auto_created and not field.concrete
            if pointing_here:
                relations.append((field.get_accessor_name(), field.related_model))
            elif not pointing_here_only:
                relations.append((field.name, field.related_model))
        return relations

    def linked_from(self):
        """Every item, in any state, whose links point to this one: what deleting it breaks."""
        return [
            item
            for accessor, _model in self.content_relations(pointing_here_only=True)
            for item in getattr(self, accessor).all()
        ]

    def related_public(self, language, limit=None):
        """{model name: [RelatedLink, newest first]} of the public items in ``language`` linked
        to this one either way; at most ``limit`` of each kind.

        One query whatever the number of relations (a UNION) or of items, compiled once
        per type, language and limit (see ``related_sql``)."""
        relations = self.content_relations()
        found = {model._meta.model_name: [] for _accessor, model in relations}
        if not relations:
            return found
        compiled = related_sql(type(self), tuple(relations), language, limit)
        now = timezone.now()
        # A database router may send reads to a replica; the links live with the item.
        with connections[router.db_for_read(type(self))].cursor() as cursor:
            cursor.execute(compiled.sql, compiled.bound({"now": now, "pk": self.pk}))
            names = [column.name for column in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            model = relations[row["link_kind"]][1]
            url = link_url(model, language, row["link_address"])
            link = RelatedLink(row["link_title"], url, row["link_date"])
            found[model._meta.model_name].append(link)
        for links in found.values():
            links.sort(key=lambda link: link.published_at, reverse=True)
        return found


# An id no item has: where the item's own id goes in the compiled links query.
PK_STANDIN = -987_654_321


@functools.cache
def related_sql(model, relations, language, limit):
    """The UNION of ``related_public`` for ``model`` (and its ``content_relations()``) in
    ``language``, compiled once, with a plan that binds the item's id and the current
    time on each run.

    Django takes longer to compile the union than PostgreSQL to run it. Any parameter
    that is neither a constant nor one of the two stand-ins stops the compile (see
    norec_site.search.sql.binding_plan)."""
    from norec_site.search.sql import NOW_STANDIN, Bind, CompiledSearch, UnexpectedParameter

    item = model(pk=PK_STANDIN)
    parts = []
    for kind, (accessor, other) in enumerate(relations):
        items = (
            getattr(item, accessor)
            .public(language, now=NOW_STANDIN)
            .annotate(
                link_kind=Value(kind),
                link_date=F("published_at"),
                link_title=F(f"title_{language}"),
                link_address=F(f"{other.url_field}_{language}"),
            )
        )
        items = items.order_by("-published_at") if limit else items.order_by()
        parts.append(items.values("link_kind", "link_date", "link_title", "link_address")[:limit])
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    sql, params = union.query.sql_with_params()
    plan, found = [], {"now": 0, "pk": 0}
    for param in params:
        if isinstance(param, datetime.datetime) and param == NOW_STANDIN:
            plan.append(Bind("now"))
        elif type(param) is int and param == PK_STANDIN:
            plan.append(Bind("pk"))
        elif isinstance(param, int | str | bool):
            plan.append(param)
            continue
        else:
            raise UnexpectedParameter(f"The related links' SQL has the parameter {param!r}.")
        found[plan[-1].name] += 1
    expected_now = sum(other.objects.none().now_comparisons for _accessor, other in relations)
    if found["now"] != expected_now or found["pk"] < len(parts):
        raise UnexpectedParameter(f"The related links' SQL binds {found}; now {expected_now}×.")
    return CompiledSearch(sql, tuple(plan))
