from django.db import migrations


def chosen_covers_stay_pictures(apps, schema_editor):
    """A report cover already in a project's gallery stays a picture (see news 0006)."""
    Image = apps.get_model("norec_site", "Image")
    ProjectImage = apps.get_model("projects", "ProjectImage")
    chosen = ProjectImage.objects.values("image")
    Image.objects.filter(pk__in=chosen, kind="cover").update(kind="picture")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_projectimage_pictures_only"),
        ("reports", "0005_mark_report_covers"),
    ]

    operations = [migrations.RunPython(chosen_covers_stay_pictures, migrations.RunPython.noop)]
