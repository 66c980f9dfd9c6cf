from datetime import timedelta

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from norec_site.media_check import compare, media_aliases


class Command(BaseCommand):
    help = (
        "Compare the rows that name files with each media storage's listing: files that no "
        "row names (orphans) and rows whose file is missing. Exits 1 when they disagree."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Delete the orphans (old enough, see --min-age)."
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTES",
            help="With --delete, keep orphans younger than this: an upload may be "
            "half-way through its transaction (default 60).",
        )

    def handle(self, *args, delete=False, min_age=60, **options):
        problems = 0
        for alias in media_aliases():
            result = compare(alias)
            self.stdout.write(
                f"{alias}: {result.stored} stored file(s), {result.named} named by rows, "
                f"{len(result.orphans)} orphan(s), {len(result.missing)} missing."
            )
            for label, name in result.missing:
                self.stdout.write(self.style.ERROR(f"  missing: {name} (named by {label})"))
            problems += len(result.missing)
            for name, modified in result.orphans:
                if delete and self._delete(alias, name, modified, min_age):
                    self.stdout.write(self.style.WARNING(f"  deleted orphan: {name}"))
                else:
                    self.stdout.write(self.style.WARNING(f"  orphan: {name}"))
                    problems += 1
        if problems:
            raise CommandError(f"{problems} file(s) and row(s) disagree.", returncode=1)
        self.stdout.write(self.style.SUCCESS("Rows and stored files agree."))

    def _delete(self, alias, name, modified, min_age):
        storage = storages[alias]
        modified = modified or storage.get_modified_time(name)
        if timezone.now() - modified < timedelta(minutes=min_age):
            self.stdout.write(f"  kept (younger than {min_age} minutes): {name}")
            return False
        storage.delete(name)
        return True
