from django.db import migrations

from norec_site.groups import COMMUNICATIONS, grant


def grant_communications(apps, schema_editor):
    """Communications staff own the site pages, the menus and the site's own texts."""
    grant(
        apps, COMMUNICATIONS, "norec_site", ["sitepage"], ("add", "change", "delete", "view", "publish")
    )
    grant(apps, COMMUNICATIONS, "norec_site", ["menuitem"])
    grant(apps, COMMUNICATIONS, "norec_site", ["sitesettings"], ("change", "view"))


def create_settings_row(apps, schema_editor):
    """The one row that the menus and the home page's introduction are read with."""
    apps.get_model("norec_site", "SiteSettings").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("norec_site", "0008_site_pages_menus_and_settings")]

    operations = [
        migrations.RunPython(grant_communications, migrations.RunPython.noop),
        migrations.RunPython(create_settings_row, migrations.RunPython.noop),
    ]
