from django.db import migrations

from norec_site.groups import COMMUNICATIONS, grant


def grant_communications(apps, schema_editor):
    grant(apps, COMMUNICATIONS, "news", ["article"], ("add", "change", "delete", "view", "publish"))
    grant(apps, COMMUNICATIONS, "news", ["articleauthor"])
    # To pick related reports and projects in an article's form.
    grant(apps, COMMUNICATIONS, "reports", ["report"], ("view",))
    grant(apps, COMMUNICATIONS, "projects", ["project"], ("view",))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_related_reports_and_projects"),
        ("norec_site", "0002_goals_and_groups"),
    ]

    operations = [migrations.RunPython(grant_communications, migrations.RunPython.noop)]
