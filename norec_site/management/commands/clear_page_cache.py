"""Empties the cache of whole pages, and raises the content version for every worker."""

from django.core.management.base import BaseCommand

from norec_site import page_cache


class Command(BaseCommand):
    help = (
        "Empty the anonymous page cache (Redis, or this process's memory) and raise the "
        "content version, so that every worker renders its pages afresh."
    )

    def handle(self, *args, **options):
        page_cache.clear()
        self.stdout.write("The page cache is empty.")
