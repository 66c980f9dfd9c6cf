from django.db import migrations

from norec_site.groups import REPORT_ADMINISTRATORS, grant

EDIT = ("add", "change", "delete", "view")


def give_permissions(apps, schema_editor):
    grant(apps, REPORT_ADMINISTRATORS, "reports", ["report"], (*EDIT, "publish"))
    grant(apps, REPORT_ADMINISTRATORS, "reports", ["reportfile", "reportseries", "reportauthor", "reportpublisher"], EDIT)
    # Choosing authors, publishers, topics and covers needs to see them.
    grant(apps, REPORT_ADMINISTRATORS, "norec_site", ["organisation", "person", "topic", "image"], ("view",))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("norec_site", "0002_goals_and_groups"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
