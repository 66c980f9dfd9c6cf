"""The search vectors stay in their row, so that ranking every match reads no TOAST.

A row in every language with its three vectors is a little over PostgreSQL's
default 2 kB toast target; at that target the vectors go out of line and a search
for a common word fetches each one from the TOAST table, twice.
"""

import pytest
from django.db import connection

from news.models import Article
from norec_site.search import search_types

pytestmark = pytest.mark.django_db

# Distinct words, as in real text: neither the texts nor the vectors compress much.
WORDS = " ".join(f"utveksling{number} partnar{number * 7}" for number in range(40))


def toasted_values(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = %s::regclass", [table]
        )
        (toast,) = cursor.fetchone()
        cursor.execute(f"SELECT count(DISTINCT chunk_id) FROM {toast}")  # noqa: S608 - a catalogue name
        return cursor.fetchone()[0]


def article_in_every_language():
    fields = {}
    for code in ("nn", "nb", "en"):
        fields |= {
            f"title_{code}": f"Sjukepleiarar lærer om berekraftig fiske ({code})",
            f"slug_{code}": f"sjukepleiarar-{code}",
            f"lead_{code}": WORDS[:200],
            f"body_{code}": f"<p>{WORDS}</p>",
        }
    return Article.objects.create(status="published", **fields)


def test_every_searched_table_keeps_rows_whole_up_to_8_kb():
    with connection.cursor() as cursor:
        for search_type in search_types():
            table = search_type.model._meta.db_table
            cursor.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass", [table])
            assert "toast_tuple_target=8160" in (cursor.fetchone()[0] or []), table


def test_an_article_in_every_language_keeps_its_vectors_in_the_row():
    with connection.cursor() as cursor:
        # The same row in a table with the default target: its vectors go out of line.
        cursor.execute("CREATE TEMPORARY TABLE default_target (LIKE news_article INCLUDING ALL)")
        article = article_in_every_language()
        cursor.execute(
            "SELECT string_agg(quote_ident(attname), ', ') FROM pg_attribute WHERE attrelid = "
            "'news_article'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
        )
        (columns,) = cursor.fetchone()
        cursor.execute(
            f"INSERT INTO default_target ({columns}) "  # noqa: S608 - the catalogue's names
            f"SELECT {columns} FROM news_article WHERE id = %s",
            [article.pk],
        )
    assert toasted_values("default_target") > 0
    assert toasted_values(Article._meta.db_table) == 0
