from django.db import migrations


def chosen_covers_stay_pictures(apps, schema_editor):
    """A report cover that an editor already chose as an article's picture stays a picture.

    Otherwise the picker's limit refuses the article's own picture, and the article
    cannot be saved at all until someone changes it.
    """
    Image = apps.get_model("norec_site", "Image")
    Article = apps.get_model("news", "Article")
    chosen = Article.objects.exclude(image=None).values("image")
    Image.objects.filter(pk__in=chosen, kind="cover").update(kind="picture")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_article_image_pictures_only"),
        ("reports", "0005_mark_report_covers"),
    ]

    operations = [migrations.RunPython(chosen_covers_stay_pictures, migrations.RunPython.noop)]
