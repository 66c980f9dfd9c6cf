from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from norec_site import demo, history
from norec_site.pages import demo as pages_demo

# Order matters: reports stand alone, projects point to reports, news to both.
CONTENT_APPS = ("reports", "projects", "news")


class Command(BaseCommand):
    help = "Load demo content (safe to run twice); --scale N adds N synthetic items per app."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Synthetic items to add per app (benchmarks)."
        )

    def handle(self, *args, scale, **options):
        with transaction.atomic():
            shared = demo.seed_shared()
            for app in CONTENT_APPS:
                module = import_module(f"{app}.demo")
                module.seed(shared)
                self.stdout.write(f"Demo {app}: done")
            pages_demo.seed()
            self.stdout.write("Demo site pages: done")
            # One revision per item, so that deleted demo content can be recovered.
            recorded = history.record_unversioned()
            self.stdout.write(f"Demo revisions: {recorded} item(s) recorded")
        if scale:
            for app in CONTENT_APPS:
                import_module(f"{app}.demo").seed_scale(shared, scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
