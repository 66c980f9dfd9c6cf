"""Full-text search: one stored, indexed vector per language on each content model."""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import F, Func, Value
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# PostgreSQL text-search configurations: Nynorsk and Bokmål share Norwegian stemming.
SEARCH_CONFIGS = {"nn": "norwegian", "nb": "norwegian", "en": "english"}


def search_vector_field(language, weighted_fields, shared_fields=()):
    """A generated column that PostgreSQL keeps current on every save.

    ``weighted_fields`` maps a weight (A is strongest) to translated field
    names; ``shared_fields`` are untranslated fields (such as a report's PDF
    text) that count in every language.
    """
    config = SEARCH_CONFIGS[language]
    vector = None
    for weight, names in weighted_fields.items():
        for name in names:
            column = name if name in shared_fields else f"{name}_{language}"
            part = SearchVector(column, config=config, weight=weight)
            vector = part if vector is None else vector + part
    return models.GeneratedField(
        expression=vector, output_field=SearchVectorField(), db_persist=True, editable=False
    )


def search_indexes(prefix):
    """GIN indexes for the search_nn, search_nb and search_en columns."""
    return [
        GinIndex(fields=[f"search_{code}"], name=f"{prefix}_search_{code}")
        for code in SEARCH_CONFIGS
    ]


# Searching ------------------------------------------------------------------

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
# Highlight markers: control characters never reach a snippet from the text
# (they are removed from it in SQL), so after escaping only these become <mark>.
START_SEL, STOP_SEL = "\x02", "\x03"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″", '"'))
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# A hyphen between two letters: "sør-sør", "South-South" (not "COVID-19" or "-word").
LETTER_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{HYPHENS}](?=[^\W\d_])")
HYPHENATED = re.compile(rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)+")
TAGS = r"<[^>]*>"


@dataclass
class ParsedQuery:
    """What the visitor typed, cleaned for echoing, and what goes to PostgreSQL."""

    text: str = ""
    websearch: str = ""
    notices: list = field(default_factory=list)
    problem: str = ""

    @property
    def searchable(self):
        return bool(self.websearch) and not self.problem


def parse_query(raw):
    """Clean a visitor's query; say what was wrong instead of failing.

    PostgreSQL's ``websearch_to_tsquery`` never raises on syntax, but NUL bytes
    would, so control characters go; curly quotes become straight ones, an
    unpaired quote is dropped, and hyphenated words become phrases so that
    ``sør-sør`` finds "sør-sør", "sør–sør" and "sør sør" alike.
    """
    text = CONTROL_CHARACTERS.sub(" ", unicodedata.normalize("NFC", raw or ""))
    text = " ".join(text.translate(QUOTES).split())
    parsed = ParsedQuery(text=text)
    if not text:
        parsed.problem = _("Type one or more words to search for.")
        return parsed
    if len(text) > MAX_QUERY_LENGTH:
        parsed.text = text = text[:MAX_QUERY_LENGTH].rstrip()
        parsed.notices.append(
            _(
                "Your search was longer than %(limit)s characters, "
                "so we searched for the first %(limit)s."
            )
            % {"limit": MAX_QUERY_LENGTH}
        )
    if not re.search(r"[^\W_]", text):
        parsed.problem = _("Your search has no letters or numbers in it. Type one or more words.")
        return parsed
    if text.count('"') % 2:
        position = text.rindex('"')
        text = text[:position] + " " + text[position + 1 :]
        parsed.notices.append(_("A quotation mark had no partner, so we searched without it."))
    parsed.websearch = _phrases_for_hyphens(text)
    return parsed


def _phrases_for_hyphens(text):
    parts = text.split('"')
    for index, part in enumerate(parts):
        if index % 2:
            parts[index] = LETTER_HYPHEN.sub(" ", part)
        else:
            parts[index] = HYPHENATED.sub(_hyphenated_phrase, part)
    return '"'.join(parts)


def _hyphenated_phrase(match):
    word = match.group(0)
    spaced = LETTER_HYPHEN.sub(" ", word)
    return f'"{spaced}"' if spaced != word else word


def strip_tags(expression):
    """Rich text as plain text, in SQL, so that ts_headline never sees markup."""
    return Func(
        expression,
        Value(TAGS),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


def plain(*expressions):
    """The texts joined by spaces, without the highlight markers."""
    parts = []
    for expression in expressions:
        parts += [Coalesce(expression, Value(""), output_field=models.TextField()), Value(" ")]
    parts = parts[:-1]
    joined = Concat(*parts, output_field=models.TextField()) if len(parts) > 1 else parts[0]
    return Func(
        joined,
        Value(START_SEL + STOP_SEL),
        Value(""),
        function="translate",
        output_field=models.TextField(),
    )


@dataclass(frozen=True)
class SearchType:
    """One kind of content in the results: its model and how to show it."""

    key: str
    model_label: str
    date: str
    label: object
    plural: object

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def date_expression(self):
        if self.date == "published_at":
            return TruncDate("published_at")
        return Cast(self.date, models.DateField())

    def snippet_text(self, language):
        """The plain text the snippet is cut from."""
        if self.key == "news":
            return plain(F(f"lead_{language}"), strip_tags(F(f"body_{language}")))
        if self.key == "reports":
            return plain(strip_tags(F(f"summary_{language}")), F("pdf_text"))
        return plain(F(f"summary_{language}"), strip_tags(F(f"description_{language}")))

    def end_date_expression(self):
        if self.key == "projects":
            return F("end_date")
        return Cast(Value(None), models.DateField())


SEARCH_TYPES = (
    SearchType("news", "news.Article", "published_at", gettext_lazy("News"), gettext_lazy("News")),
    SearchType(
        "reports",
        "reports.Report",
        "publication_date",
        gettext_lazy("Report"),
        gettext_lazy("Reports"),
    ),
    SearchType(
        "projects",
        "projects.Project",
        "start_date",
        gettext_lazy("Project"),
        gettext_lazy("Projects"),
    ),
)
TYPE_KEYS = tuple(search_type.key for search_type in SEARCH_TYPES)


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
    return mark_safe(escaped)


class Search:
    """One query over news, reports and projects, ranked together.

    Every branch reads through ``public(language)``: published, its time has
    come, and written in the page's language. A page costs three SQL queries
    whatever the number of results: the counts per type, the page of hits
    (ranked over the union of the three types), and the page's titles and
    snippets (``ts_headline`` runs only on those rows).
    """

    def __init__(self, parsed, language, types=None):
        self.parsed = parsed
        self.language = language
        self.types = [t for t in SEARCH_TYPES if not types or t.key in types]
        self.config = SEARCH_CONFIGS[language]
        self.query = SearchQuery(parsed.websearch, search_type="websearch", config=self.config)
        self.vector = f"search_{language}"

    def _matches(self, search_type):
        return (
            search_type.model.objects.public(self.language)
            .filter(**{self.vector: self.query})
            .order_by()
        )

    def _union(self, parts):
        first, *rest = parts
        return first.union(*rest, all=True) if rest else first

    def counts(self):
        """Hits per type key, for every type (the filter does not change them)."""
        parts = [
            self._matches(t).annotate(hit_kind=Value(t.key)).values("hit_kind")
            for t in SEARCH_TYPES
        ]
        union = self._union(parts)
        sql, params = union.query.sql_with_params()
        with connections[union.db].cursor() as cursor:
            cursor.execute(
                f"SELECT hit_kind, COUNT(*) FROM ({sql}) AS hits GROUP BY hit_kind", params
            )
            found = dict(cursor.fetchall())
        return {t.key: found.get(t.key, 0) for t in SEARCH_TYPES}

    def page(self, offset, limit):
        """The hits from ``offset``: rank, then newest first."""
        parts = [
            self._matches(t)
            .annotate(
                hit_kind=Value(t.key),
                hit_id=F("pk"),
                hit_rank=SearchRank(F(self.vector), self.query, normalization=1),
                hit_date=t.date_expression(),
            )
            .values("hit_kind", "hit_id", "hit_rank", "hit_date")
            for t in self.types
        ]
        union = self._union(parts).order_by("-hit_rank", "-hit_date", "hit_kind", "-hit_id")
        rows = list(union[offset : offset + limit])
        return self._details([(row["hit_kind"], row["hit_id"]) for row in rows])

    def _details(self, keys):
        if not keys:
            return []
        language = self.language
        parts = []
        for search_type in self.types:
            ids = [pk for kind, pk in keys if kind == search_type.key]
            if not ids:
                continue
            parts.append(
                search_type.model.objects.public(language)
                .filter(pk__in=ids)
                .order_by()
                .annotate(
                    hit_kind=Value(search_type.key),
                    hit_id=F("pk"),
                    hit_title=SearchHeadline(
                        plain(F(f"title_{language}")),
                        self.query,
                        config=self.config,
                        start_sel=START_SEL,
                        stop_sel=STOP_SEL,
                        highlight_all=True,
                    ),
                    hit_slug=F(f"slug_{language}"),
                    hit_date=search_type.date_expression(),
                    hit_end=search_type.end_date_expression(),
                    hit_snippet=SearchHeadline(
                        search_type.snippet_text(language),
                        self.query,
                        config=self.config,
                        start_sel=START_SEL,
                        stop_sel=STOP_SEL,
                        max_words=35,
                        min_words=15,
                        max_fragments=2,
                        fragment_delimiter=" … ",
                    ),
                )
                .values(
                    "hit_kind",
                    "hit_id",
                    "hit_title",
                    "hit_slug",
                    "hit_date",
                    "hit_end",
                    "hit_snippet",
                )
            )
        rows = {(row["hit_kind"], row["hit_id"]): row for row in self._union(parts)}
        types = {t.key: t for t in SEARCH_TYPES}
        hits = []
        for key in keys:
            row = rows.get(key)
            if row is None:  # unpublished between the two queries
                continue
            search_type = types[row["hit_kind"]]
            hits.append(
                Hit(
                    kind=search_type.key,
                    label=search_type.label,
                    title=highlight(row["hit_title"]),
                    # What get_absolute_url gives in the page's language: the item has it.
                    url=reverse(search_type.model.url_name, kwargs={"slug": row["hit_slug"]}),
                    date=row["hit_date"],
                    end_date=row["hit_end"],
                    snippet=highlight(row["hit_snippet"]),
                )
            )
        return hits


class SearchResults:
    """A lazy sequence for Django's Paginator: counted once, a page per slice."""

    def __init__(self, search, total):
        self.search = search
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        return self.search.page(window.start or 0, window.stop - (window.start or 0))
