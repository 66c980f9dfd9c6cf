"""What the history clean-up commands share: --older-than DAYS, then a line for each
deleted file and a summary."""

from django.core.management.base import BaseCommand


class CleanupCommand(BaseCommand):
    older_than_days = 90  # the default of --older-than

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=self.older_than_days, metavar="DAYS")

    def report(self, files, summary):
        """A line for each deleted file, then ``summary`` with how many there were."""
        for name in files:
            self.stdout.write(f"Deleted file {name}")
        self.stdout.write(self.style.SUCCESS(f"{summary}; deleted {len(files)} file(s)."))
