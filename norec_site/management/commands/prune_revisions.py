from django.core.management.base import CommandError

from norec_site.history_cleanup import prune_revisions
from norec_site.management.cleanup import CleanupCommand


class Command(CleanupCommand):
    help = (
        "Thin old revisions: keep the newest --keep of each item, remove older ones that "
        "are past --older-than days, then delete files nothing names. Safe to run twice."
    )
    older_than_days = 365

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=10, metavar="N")
        super().add_arguments(parser)

    def handle(self, *args, keep, older_than, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1: every item keeps its last revision.")
        removed, items, files = prune_revisions(keep=keep, older_than_days=older_than)
        self.report(
            files,
            f"Removed {removed} revision(s) of {items} item(s), keeping the newest {keep} "
            f"of each and everything newer than {older_than} day(s)",
        )
