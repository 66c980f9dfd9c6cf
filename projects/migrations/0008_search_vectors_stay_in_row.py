"""Search vectors stay in their row (norec_site.search.fields.vectors_stay_in_row)."""

from django.db import migrations

from norec_site.search.fields import vectors_stay_in_row


class Migration(migrations.Migration):
    atomic = False  # VACUUM FULL cannot run in a transaction

    dependencies = [
        ("projects", "0007_public_in_language_indexes"),
    ]

    operations = vectors_stay_in_row("projects_project")
