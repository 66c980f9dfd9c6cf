from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from tqdm import tqdm

from reports.models import ReportFile
from reports.services import reprocess_file


class Command(BaseCommand):
    help = "Render the covers and extract the text of every report PDF again."

    def handle(self, *args, **options):
        files = ReportFile.objects.select_related("report").order_by("pk")
        failures = []
        for report_file in tqdm(files, desc="Report files", unit="file", file=self.stderr):
            try:
                reprocess_file(report_file)
            except (OSError, ValidationError) as error:
                message = "; ".join(getattr(error, "messages", [str(error)]))
                failures.append(f"{report_file} [{report_file.file.name}]: {message}")
        for failure in failures:
            self.stderr.write(self.style.ERROR(f"Failed: {failure}"))
        done = files.count() - len(failures)
        self.stdout.write(
            self.style.SUCCESS(f"Reprocessed {done} file(s); {len(failures)} failed.")
        )
