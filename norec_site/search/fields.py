"""The stored search vectors: one generated, indexed column per language."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import migrations, models

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


def vectors_stay_in_row(table):
    """Migration operations that keep ``table``'s search vectors in its rows.

    A row in every language with its three vectors is a little over PostgreSQL's
    default 2 kB toast target, so the vectors (the largest values, which barely
    compress) went out to the TOAST table, and a search for a word in nearly every item
    fetched each one from there twice, to match and to rank: four fifths of its time at
    20,000 articles. With the target at its maximum a row stays whole up to 8 kB; only a
    long PDF text (and its report's vectors) still goes out of line. VACUUM FULL
    rewrites the rows already stored (a short exclusive lock), so the migration that
    runs these must say ``atomic = False``."""
    return [
        migrations.RunSQL(
            f"ALTER TABLE {table} SET (toast_tuple_target = 8160)",
            f"ALTER TABLE {table} RESET (toast_tuple_target)",
        ),
        migrations.RunSQL(f"VACUUM FULL {table}", f"VACUUM FULL {table}"),
    ]
