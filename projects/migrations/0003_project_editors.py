from django.db import migrations

from norec_site.groups import PROJECT_EDITORS, grant


def give_permissions(apps, schema_editor):
    grant(apps, PROJECT_EDITORS, "projects", ["project"], ("add", "change", "delete", "view", "publish"))
    grant(apps, PROJECT_EDITORS, "projects", ["partnership", "projectimage"], ("add", "change", "delete", "view"))


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_related_reports"),
        ("norec_site", "0002_goals_and_groups"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
