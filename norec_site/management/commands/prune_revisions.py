from django.core.management.base import BaseCommand, CommandError

from norec_site.history_cleanup import prune_revisions


class Command(BaseCommand):
    help = (
        "Thin old revisions: keep the newest --keep of each item, remove older ones that "
        "are past --older-than days, then delete files nothing names. Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=10, metavar="N")
        parser.add_argument("--older-than", type=int, default=365, metavar="DAYS")

    def handle(self, *args, keep, older_than, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1: every item keeps its last revision.")
        removed, items, files = prune_revisions(keep=keep, older_than_days=older_than)
        for name in files:
            self.stdout.write(f"Deleted file {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {removed} revision(s) of {items} item(s), keeping the newest {keep} "
                f"of each and everything newer than {older_than} day(s); "
                f"deleted {len(files)} file(s)."
            )
        )
