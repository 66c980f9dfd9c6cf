from django.core.management.base import BaseCommand

from norec_site.history_cleanup import purge_deleted


class Command(BaseCommand):
    help = (
        "Remove for good the deleted items whose last revision is older than --older-than "
        "days (default 90), with the files that only they named. Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=90, metavar="DAYS")

    def handle(self, *args, older_than, **options):
        purged, files = purge_deleted(older_than_days=older_than)
        for line in purged:
            self.stdout.write(f"Purged {line}")
        for name in files:
            self.stdout.write(f"Deleted file {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Purged {len(purged)} deleted item(s) older than {older_than} day(s); "
                f"deleted {len(files)} file(s)."
            )
        )
