"""SQL expressions of search: the query, headlines, plain text, and each type's columns.

What a type contributes (its snippet fields, long text and dates) is read from its
model's ``content`` declaration (see ``norec_site.registry``), never from field names.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchVector,
    SearchVectorExact,
)
from django.db import models
from django.db.models import Case, F, Func, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate

from norec_site import registry
from norec_site.search.fields import SEARCH_CONFIGS

# Highlight markers: control characters never reach a snippet from the text
# (they are removed from it in SQL), so after escaping only these become <mark>.
START_SEL, STOP_SEL = "\x02", "\x03"
TAGS = r"<[^>]*>"


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


class AnyOf(Func):
    """``column = ANY(array)``: one parameter, however many ids."""

    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, array = (compiler.compile(e) for e in self.source_expressions)
        return f"{column[0]} = ANY({array[0]}::bigint[])", (*column[1], *array[1])


class SearchTerms:
    """The visitor's query in one language, as SQL: matching and headlines."""

    def __init__(self, parsed, language):
        self.parsed = parsed
        self.language = language
        self.config = SEARCH_CONFIGS[language]
        self.vector = f"search_{language}"
        # Always both parts, so that the SQL has one shape (see sql.hits_sql); an
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


@dataclass(frozen=True)
class SearchType:
    """One kind of content in the results: its model and how to show it."""

    model: type

    @property
    def content(self):
        return self.model.content

    @property
    def key(self):
        return self.content.key

    @property
    def label(self):
        return self.content.label

    @property
    def plural(self):
        return self.content.plural

    @property
    def url_field(self):
        return self.model.url_field

    def date_expression(self):
        if self.content.search_date == "published_at":
            return TruncDate("published_at")
        return Cast(self.content.search_date, models.DateField())

    def end_date_expression(self):
        if self.content.search_end_date:
            return F(self.content.search_end_date)
        return Cast(Value(None), models.DateField())

    def snippet(self, terms):
        """The ``ts_headline`` of the plain text the snippet is cut from.

        With a long text, the snippet comes from the snippet fields when they
        match; otherwise from them and a window of the long text around the first
        mention, so that a 200-page PDF is never run through the headline parser whole.
        """
        texts = [
            strip_tags(F(f"{name}_{terms.language}"))
            if name in self.model.rich_text_fields
            else F(f"{name}_{terms.language}")
            for name in self.content.snippet_fields
        ]
        if not self.content.long_text:
            return terms.headline(plain(*texts))
        window = Window(F(self.content.long_text), terms.config, terms.parsed.words)
        return Case(
            When(
                SearchVectorExact(SearchVector(*texts, config=terms.config), terms.query),
                then=terms.headline(plain(*texts)),
            ),
            default=terms.headline(plain(*texts, window)),
        )


def search_types():
    """The types in the results' tabs, in display order."""
    return tuple(SearchType(model) for model in registry.in_display_order())
