from django.db import migrations


def mark_covers(apps, schema_editor):
    """Covers made from PDFs before images had a kind: keep them out of the pickers."""
    Image = apps.get_model("norec_site", "Image")
    ReportFile = apps.get_model("reports", "ReportFile")
    covers = ReportFile.objects.exclude(cover=None).values("cover")
    Image.objects.filter(pk__in=covers).update(kind="cover")


class Migration(migrations.Migration):
    dependencies = [
        ("norec_site", "0005_image_kind"),
        ("reports", "0004_report_unpublish_at"),
    ]

    operations = [migrations.RunPython(mark_covers, migrations.RunPython.noop)]
