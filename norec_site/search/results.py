"""One search over every content type, ranked together, a page at a time."""

import html
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from norec_site.page_cache import fragment
from norec_site.search import sql
from norec_site.search.expressions import START_SEL, STOP_SEL, SearchTerms, search_types

PAGE_SIZE = 20
# Ranking every match of a word that nearly every item has costs more than all the rest
# of its page; from this many hits, a page's ranking is kept for the content version.
KEEP_RANKING_FROM = 1000
# The first part of a kept ranking's key (page_cache.forget_fragments(RANKINGS)).
RANKINGS = "search"


@dataclass
class Hit:
    kind: str
    label: str
    title: str
    url: str
    date: object
    end_date: object
    snippet: str


def highlight(headline):
    """Escape the whole snippet, then turn only the markers into <mark>."""
    text = " ".join(html.unescape(headline or "").split())
    escaped = escape(text).replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our markers become tags


class Search(SearchTerms):
    """One query over every content type, ranked together.

    Every branch reads through ``public(language)``: published, its time has
    come, and written in the page's language. A page costs two SQL queries
    whatever the number of results: the hits of the page (ranked over the
    union of the types) with the counts per type, then the page's titles and
    snippets (``ts_headline`` runs only on those rows).
    """

    def __init__(self, parsed, language, types=None, request=None):
        super().__init__(parsed, language)
        self.all_types = search_types()
        self.types = [t for t in self.all_types if not types or t.key in types]
        self.models = tuple(t.model for t in self.all_types)
        # A visitor's request: where a costly ranking may be kept (see hits()).
        self.request = request

    def values(self, **more):
        return {
            "now": timezone.now(),
            "query": self.parsed.websearch,
            "compounds": self.parsed.compounds,
            "words": self.parsed.words,
            **more,
        }

    def hits(self, offset, limit):
        """Hits per type (for every type) and the keys of one page, in one query.

        With a request and at least ``KEEP_RANKING_FROM`` hits, the result is kept in
        this process until the content version changes, as a publish, an unpublish or
        a scheduled time does: the next page for the same words costs no ranking.
        """
        kinds = tuple(t.key for t in self.types)
        if self.request is None:
            counts, keys = self.ranked(kinds, offset, limit)
        else:
            key = (RANKINGS, self.language, self.parsed.websearch, self.parsed.compounds)
            counts, keys = fragment(
                self.request,
                (*key, kinds, offset, limit),
                lambda: self.ranked(kinds, offset, limit),
                keep_if=lambda found: sum(found[0].values()) >= KEEP_RANKING_FROM,
            )
        return dict(counts), list(keys)

    def ranked(self, kinds, offset, limit):
        compiled = sql.hits_sql(self.language, self.models)
        params = [*compiled.bound(self.values()), list(kinds), limit, offset]
        _names, rows = sql.run(compiled.sql, params, self.models[0])
        counts = {t.key: 0 for t in self.all_types}
        counts.update({kind: count for kind, pk, count in rows if pk is None})
        keys = tuple((kind, pk) for kind, pk, _count in rows if pk is not None)
        return counts, keys

    def details(self, keys):
        """Titles, dates and snippets for the page's (type, id) keys, in their order."""
        if not keys:
            return []
        compiled = sql.details_sql(self.language, self.models)
        ids = {f"ids:{t.key}": [pk for kind, pk in keys if kind == t.key] for t in self.all_types}
        names, rows = sql.run(compiled.sql, compiled.bound(self.values(**ids)), self.models[0])
        rows = [dict(zip(names, row, strict=True)) for row in rows]
        found = {(row["hit_kind"], row["hit_id"]): row for row in rows}
        types = {t.key: t for t in self.all_types}
        hits = []
        for key in keys:
            row = found.get(key)
            if row is None:  # unpublished between the two queries
                continue
            search_type = types[row["hit_kind"]]
            hits.append(
                Hit(
                    kind=search_type.key,
                    label=search_type.label,
                    title=highlight(row["hit_title"]),
                    # What get_absolute_url gives in the page's language: the item has it.
                    url=reverse(
                        search_type.model.url_name,
                        kwargs={search_type.url_field: row["hit_slug"]},
                    ),
                    date=row["hit_date"],
                    end_date=row["hit_end"],
                    snippet=highlight(row["hit_snippet"]),
                )
            )
        return hits


def page_number(value, last=100_000):
    """The page asked for in the URL; anything odd is page 1 (Paginator decides the rest)."""
    try:
        return min(max(int(value), 1), last)
    except (TypeError, ValueError):
        return 1


class SearchResults:
    """A lazy sequence for Django's Paginator.

    The query for the page asked for also brings the counts, so a page that
    exists costs two queries: hits with counts, then titles and snippets.
    """

    def __init__(self, search, page_number):
        self.search = search
        self.offset = (page_number - 1) * PAGE_SIZE
        self.counts, self.keys = search.hits(self.offset, PAGE_SIZE)
        self.total = sum(self.counts[t.key] for t in search.types)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        start = window.start or 0
        keys = self.keys
        if start != self.offset:  # a page number out of range: Paginator chose another
            keys = self.search.hits(start, window.stop - start)[1]
        return self.search.details(keys)
