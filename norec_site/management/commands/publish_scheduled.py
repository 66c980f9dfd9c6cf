from django.core.management.base import BaseCommand

from norec_site.review import publish_due


class Command(BaseCommand):
    help = (
        "Publish the approved changes to published items whose publication time has come. "
        "Idempotent: safe to run every minute."
    )

    def handle(self, *args, **options):
        published, failed = publish_due()
        for item in published:
            self.stdout.write(f"Published {type(item)._meta.label} {item.pk}: {item}")
        for item, reason in failed:
            self.stdout.write(f"Not published {type(item)._meta.label} {item.pk}: {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Published {len(published)} scheduled change(s); {len(failed)} could not be."
            )
        )
