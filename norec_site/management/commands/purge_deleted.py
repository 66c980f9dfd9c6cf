from norec_site.history_cleanup import purge_deleted
from norec_site.management.cleanup import CleanupCommand


class Command(CleanupCommand):
    help = (
        "Remove for good the deleted items whose last revision is older than --older-than "
        "days (default 90), with the files that only they named. Safe to run twice."
    )

    def handle(self, *args, older_than, **options):
        purged, files = purge_deleted(older_than_days=older_than)
        for line in purged:
            self.stdout.write(f"Purged {line}")
        self.report(files, f"Purged {len(purged)} deleted item(s) older than {older_than} day(s)")
