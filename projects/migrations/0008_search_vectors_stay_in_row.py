"""Search vectors stay in their row: toast_tuple_target 8160 on the searched tables.

A row of the searched tables holds every language's texts and
three search vectors, a little over PostgreSQL's default 2 kB toast target, so the
vectors (the largest values, which barely compress) were moved out to the TOAST
table. Search then fetched each matching item's vector from there twice, once to
match and once to rank: for a word in nearly every item, 40,000 TOAST look-ups at
20,000 articles, four fifths of the query's time. With the target at its maximum a
row stays whole up to 8 kB; only a long PDF text (and its report's vectors) still
goes out of line. VACUUM FULL rewrites the rows that are already stored, so it
cannot run in a transaction.
"""

from django.db import migrations


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("projects", "0007_public_in_language_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE projects_project SET (toast_tuple_target = 8160)",
            "ALTER TABLE projects_project RESET (toast_tuple_target)",
        ),
        migrations.RunSQL("VACUUM FULL projects_project", "VACUUM FULL projects_project"),
    ]
