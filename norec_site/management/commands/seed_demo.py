from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from norec_site import demo, history
from norec_site.page_cache import content_changed
from norec_site.registry import content_models


def demo_modules():
    """Each content type's demo module, after the ones its content links to."""
    return [import_module(model.demo_module) for model in content_models()]


class Command(BaseCommand):
    help = "Load demo content (safe to run twice); --scale N adds N synthetic items per app."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Synthetic items to add per app (benchmarks)."
        )

    def handle(self, *args, scale, **options):
        modules = demo_modules()
        with transaction.atomic():
            shared = demo.seed_shared()
            for module in modules:
                module.seed(shared)
                self.stdout.write(f"Demo {module.__name__}: done")
            # One revision per item, so that deleted demo content can be recovered.
            recorded = history.record_unversioned()
            self.stdout.write(f"Demo revisions: {recorded} item(s) recorded")
        if scale:
            for module in modules:
                module.seed_scale(shared, scale, stdout=self.stdout)
            # bulk_create sends no signals: running servers must stop showing what they kept.
            content_changed()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
