"""`make bench`: see norec_site/bench/ and the README's Benchmark section."""

import shutil

from django.core.management.base import BaseCommand, CommandError

from norec_site.bench.run import Benchmark


class Command(BaseCommand):
    help = (
        "Benchmark on a fresh database: every public page type under gunicorn and wrk, "
        "with the page cache on and off, against the floor view; search latency and the "
        "time to process a 200-page PDF. Prints one table and writes .bench/results.json."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=20_000,
            help="Synthetic items per app for seed_demo (default 20000; 500 for a quick run).",
        )
        parser.add_argument(
            "--database-name",
            default="norec_bench",
            help="The database to create (dropped first if it exists) on the configured server.",
        )
        parser.add_argument("--runs", type=int, default=10, help="Repetitions of each search.")
        parser.add_argument(
            "--seconds", type=float, default=10.0, help="Duration of each wrk run (default 10)."
        )
        parser.add_argument(
            "--rounds", type=int, default=3, help="Interleaved rounds (default 3)."
        )
        parser.add_argument("--pdf-pages", type=int, default=200)
        parser.add_argument(
            "--keep", action="store_true", help="Keep the benchmark database afterwards."
        )

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed: apt-get install wrk")
        Benchmark(options, self.stdout, self.style).run()
