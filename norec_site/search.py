"""Full-text search: one stored, indexed vector per language on each content model."""

import datetime
import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connections, models, router
from django.db.models import Case, F, Func, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.urls import reverse
from django.utils import timezone
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
LETTERS = re.compile(r"[^\W\d_]+")
TAGS = r"<[^>]*>"
# Words left out (-word) and the "or" operator: not looked for in a snippet's window.
NOT_WANTED = re.compile(r"(?:(?<=\s)|^)-\S+|\bor\b", re.IGNORECASE)


@dataclass
class ParsedQuery:
    """What the visitor typed, cleaned for echoing, and what goes to PostgreSQL."""

    text: str = ""
    websearch: str = ""
    compounds: str = ""
    words: str = ""
    notices: list = field(default_factory=list)
    problem: str = ""

    @property
    def searchable(self):
        return bool(self.websearch or self.compounds) and not self.problem


def parse_query(raw):
    """Clean a visitor's query; say what was wrong instead of failing.

    PostgreSQL's ``websearch_to_tsquery`` never raises on syntax, but NUL bytes
    would, so control characters go; curly quotes become straight ones, an
    unpaired quote is dropped, and hyphenated words get their own clause (see
    ``_split_compounds``) so that ``sør-sør`` finds "sør-sør", "sør–sør" and
    "sør sør" alike.
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
    parsed.websearch, parsed.compounds = _split_compounds(text)
    parsed.words = " ".join(NOT_WANTED.sub(" ", text).replace('"', " ").split())
    if not re.search(r"[^\W_]", parsed.words):
        parsed.problem = _(
            "A minus only leaves words out. Add at least one word to search for, "
            "such as: exchange -Kenya."
        )
    return parsed


def _split_compounds(text):
    """The websearch text, and a to_tsquery clause for each hyphenated word.

    The parser indexes "sør-sør-samarbeid" as the whole word and its parts,
    "sør–sør-samarbeid" (a dash, then a hyphen) with the parts one place
    further apart, and "Sør-sør- og triangulært samarbeid" with the head word
    apart. So a plain hyphenated word of letters, such as ``sør-sør-samarbeid``,
    asks for its first parts next to each other (or one place apart) and for
    its last part anywhere; a two-part word for both parts next to each other.
    Inside quotes, after a minus or next to "or", a hyphenated word is a
    phrase in websearch syntax instead.
    """
    parts = text.split('"')
    clauses = []
    for index, part in enumerate(parts):
        if index % 2:
            parts[index] = LETTER_HYPHEN.sub(" ", part)
            continue

        def replace(match, part=part):
            word = match.group(0)
            pieces = re.split(f"[{HYPHENS}]", word)
            before = part[: match.start()].split()
            after = part[match.end() :].split()
            plain_term = (
                all(LETTERS.fullmatch(piece) for piece in pieces)
                and not part[: match.start()].endswith("-")
                and not (before and before[-1].lower() == "or")
                and not (after and after[0].lower() == "or")
            )
            if plain_term:
                clauses.append(_compound_clause(pieces))
                return " "
            spaced = LETTER_HYPHEN.sub(" ", word)
            return f'"{spaced}"' if spaced != word else word

        parts[index] = HYPHENATED.sub(replace, part)
    return " ".join('"'.join(parts).split()), " & ".join(clauses)


def _compound_clause(pieces):
    """``(a <-> b | a <2> b) & c`` for a-b-c; the pieces are letters only."""
    quoted = [f"'{piece}'" for piece in pieces]
    group, head = (quoted, None) if len(quoted) == 2 else (quoted[:-1], quoted[-1])
    near = " <-> ".join(group)
    apart = " <-> ".join([f"{group[0]} <2> {group[1]}", *group[2:]])
    clause = f"({near} | {apart})"
    return f"{clause} & {head}" if head else clause


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


class Window(Func):
    """About 3,000 characters of a long text around the first mention of a query word.

    Stems are the beginnings of the words they come from in nearly every
    inflection, so ``strpos`` of each lexeme (and of it capitalised) finds the
    place without parsing the whole text; the text is read from storage once.
    Without a mention the window is the start of the text.
    """

    output_field = models.TextField()
    template = (
        "(SELECT substr(doc.t, greatest(("
        "SELECT coalesce(min(least(nullif(strpos(doc.t, lexeme), 0), "
        "nullif(strpos(doc.t, initcap(lexeme)), 0))), 1) "
        "FROM unnest(tsvector_to_array(to_tsvector(%%s::regconfig, %%s))) AS lexeme"
        ") - %(before)d, 1), %(length)d) "
        "FROM (SELECT %(expressions)s || '' AS t OFFSET 0) AS doc)"
    )

    def __init__(self, expression, config, words, before=300, length=3000):
        super().__init__(expression, before=before, length=length)
        self.config, self.words = config, words

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        # The query's words come first in the SQL, the text after them.
        return sql, (self.config, self.words, *params)


@dataclass(frozen=True)
class SearchType:
    """One kind of content in the results: its model and how to show it."""

    key: str
    model_label: str
    date: str
    label: object
    plural: object
    # The detail URL's one argument, read from that field in the page's language.
    url_field: str = "slug"

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def date_expression(self):
        if self.date == "published_at":
            return TruncDate("published_at")
        return Cast(self.date, models.DateField())

    def snippet(self, search):
        """The ``ts_headline`` of the plain text the snippet is cut from.

        A report's snippet comes from its summary when the summary matches;
        otherwise from a window of its PDF text around the first mention, so
        that a 200-page PDF is never run through the headline parser whole.
        """
        language = search.language
        if self.key == "pages":
            return search.headline(plain(strip_tags(F(f"body_{language}"))))
        if self.key == "news":
            return search.headline(plain(F(f"lead_{language}"), strip_tags(F(f"body_{language}"))))
        if self.key == "projects":
            return search.headline(
                plain(F(f"summary_{language}"), strip_tags(F(f"description_{language}")))
            )
        summary = strip_tags(F(f"summary_{language}"))
        window = Window(F("pdf_text"), search.config, search.parsed.words)
        return Case(
            When(
                SearchVectorExact(SearchVector(summary, config=search.config), search.query),
                then=search.headline(plain(summary)),
            ),
            default=search.headline(plain(summary, window)),
        )

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
    SearchType(
        "pages",
        "norec_site.SitePage",
        "published_at",
        gettext_lazy("Page"),
        gettext_lazy("Pages"),
        url_field="path",
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
    return mark_safe(escaped)  # noqa: S308 - escaped above; only our markers become tags


class AnyOf(Func):
    """``column = ANY(array)``: one parameter, however many ids."""

    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, array = (compiler.compile(e) for e in self.source_expressions)
        return f"{column[0]} = ANY({array[0]}::bigint[])", (*column[1], *array[1])


# Stand-ins compiled into the cached SQL and swapped for the visitor's values on
# each run: Django takes longer to compile these unions than PostgreSQL to run them.
QUERY_STANDIN = "\ufffequery\ufffe"
WORDS_STANDIN = "\ufffewords\ufffe"
COMPOUNDS_STANDIN = "\ufffecompounds\ufffe"
IDS_STANDIN = {search_type.key: [-number] for number, search_type in enumerate(SEARCH_TYPES, 1)}


class Search:
    """One query over news, reports and projects, ranked together.

    Every branch reads through ``public(language)``: published, its time has
    come, and written in the page's language. A page costs two SQL queries
    whatever the number of results: the hits of the page (ranked over the
    union of the three types) with the counts per type, then the page's
    titles and snippets (``ts_headline`` runs only on those rows).
    """

    def __init__(self, parsed, language, types=None):
        self.parsed = parsed
        self.language = language
        self.types = [t for t in SEARCH_TYPES if not types or t.key in types]
        self.config = SEARCH_CONFIGS[language]
        self.vector = f"search_{language}"
        # Always both parts, so that the SQL has one shape (see hits_sql); an
        # empty part leaves the other as it is.
        self.query = SearchQuery(
            parsed.websearch, search_type="websearch", config=self.config
        ) & SearchQuery(parsed.compounds, search_type="raw", config=self.config)

    def headline(self, text, **options):
        options = options or {"max_words": 35, "min_words": 15, "max_fragments": 2}
        return SearchHeadline(
            text,
            self.query,
            config=self.config,
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            fragment_delimiter=" … ",
            **options,
        )

    def hits(self, offset, limit):
        """Hits per type (for every type) and the keys of one page, in one query."""
        sql, params = hits_sql(self.language)
        kinds = [t.key for t in self.types]
        _names, rows = self._run(sql, [*params, kinds, limit, offset])
        counts = {t.key: 0 for t in SEARCH_TYPES}
        counts.update({kind: count for kind, pk, count in rows if pk is None})
        keys = [(kind, pk) for kind, pk, _count in rows if pk is not None]
        return counts, keys

    def details(self, keys):
        """Titles, dates and snippets for the page's (type, id) keys, in their order."""
        if not keys:
            return []
        sql, params = details_sql(self.language)
        ids = {
            tuple(IDS_STANDIN[kind]): [pk for k, pk in keys if k == kind] for kind in IDS_STANDIN
        }
        names, rows = self._run(
            sql, [ids.get(tuple(p), p) if isinstance(p, list) else p for p in params]
        )
        rows = [dict(zip(names, row, strict=True)) for row in rows]
        found = {(row["hit_kind"], row["hit_id"]): row for row in rows}
        types = {t.key: t for t in SEARCH_TYPES}
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

    def _run(self, sql, params):
        """Run cached SQL with this search's query, words and the current time."""
        now = timezone.now()
        values = {
            QUERY_STANDIN: self.parsed.websearch,
            COMPOUNDS_STANDIN: self.parsed.compounds,
            WORDS_STANDIN: self.parsed.words,
        }
        bound = [
            now
            if isinstance(param, datetime.datetime)
            else values.get(param, param)
            if isinstance(param, str)
            else param
            for param in params
        ]
        # A database router may send reads to a replica; every type lives in one database.
        alias = router.db_for_read(SEARCH_TYPES[0].model)
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, bound)
            names = [column.name for column in cursor.description]
            return names, cursor.fetchall()


def _standin_search(language):
    parsed = ParsedQuery(websearch=QUERY_STANDIN, compounds=COMPOUNDS_STANDIN, words=WORDS_STANDIN)
    return Search(parsed, language)


def _union(parts):
    first, *rest = parts
    return first.union(*rest, all=True) if rest else first


@functools.cache
def hits_sql(language):
    """The hits of every type, ranked, counted before the type filter, one page after it.

    The union is computed once (a materialized CTE). Parameters after the
    union's own: the type keys to show, the page size and the offset.
    """
    search = _standin_search(language)
    parts = [
        t.model.objects.public(language)
        .filter(**{search.vector: search.query})
        .order_by()
        .annotate(
            hit_kind=Value(t.key),
            hit_id=F("pk"),
            hit_rank=SearchRank(F(search.vector), search.query, normalization=1),
            hit_date=t.date_expression(),
        )
        .values("hit_kind", "hit_id", "hit_rank", "hit_date")
        for t in SEARCH_TYPES
    ]
    sql, params = _union(parts).query.sql_with_params()
    # Django's own compiled SQL with its parameters kept apart; no input is formatted in.
    sql = f"""WITH hits AS MATERIALIZED ({sql})
        (SELECT hit_kind, NULL::bigint, COUNT(*) FROM hits GROUP BY hit_kind)
        UNION ALL
        (SELECT hit_kind, hit_id, NULL FROM hits WHERE hit_kind = ANY(%s)
         ORDER BY hit_rank DESC, hit_date DESC, hit_kind, hit_id DESC
         LIMIT %s OFFSET %s)"""  # noqa: S608
    return sql, params


@functools.cache
def details_sql(language):
    """Title, slug, dates and snippet of given ids of each type (still only public ones)."""
    search = _standin_search(language)
    parts = []
    for t in SEARCH_TYPES:
        ids = Value(IDS_STANDIN[t.key], output_field=ArrayField(models.BigIntegerField()))
        parts.append(
            t.model.objects.public(language)
            .filter(AnyOf(F("pk"), ids))
            .order_by()
            .annotate(
                hit_kind=Value(t.key),
                hit_id=F("pk"),
                hit_title=search.headline(plain(F(f"title_{language}")), highlight_all=True),
                hit_slug=F(f"{t.url_field}_{language}"),
                hit_date=t.date_expression(),
                hit_end=t.end_date_expression(),
                hit_snippet=t.snippet(search),
            )
            .values(
                "hit_kind", "hit_id", "hit_title", "hit_slug", "hit_date", "hit_end", "hit_snippet"
            )
        )
    return _union(parts).query.sql_with_params()


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
