"""One benchmark run on its own database: seed, measure in this process, then under load.

It creates its own database (``--database-name``, dropped first when it exists) on the
server that DATABASE_URL or the embedded dev server points to, and seeds it with
``seed_demo --scale N``. It times search in this process and the reports upload
service on a generated 200-page PDF, then serves the site with gunicorn (2 sync
workers, production settings plus the floor view: ``norec_site.settings.bench``)
twice, with the page cache on and with ``PAGE_CACHE_SECONDS=0``, and sends wrk (8
connections) at the floor and at every public page type, in interleaved rounds.
"""

import math
import statistics
import tempfile
import time
import warnings
from contextlib import ExitStack
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import resolve
from django.utils import translation

from norec_site.registry import content_models

from . import inprocess, servers
from .inprocess import PDF_WORD, url
from .report import report


def a_or_an(noun):
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class Benchmark:
    def __init__(self, options, stdout, style):
        self.options, self.stdout, self.style = options, stdout, style
        self.rows, self.failed, self.results = [], [], {}
        self.queries, self.bytes = {}, {}
        self.search_page_p50 = self.search_sql_p50 = self.pdf_seconds = None

    def step(self, message):
        self.stdout.write(self.style.MIGRATE_HEADING(f"» {message}"))
        self.stdout.flush()

    def run(self):
        options = self.options
        started = time.perf_counter()
        warnings.filterwarnings("ignore", message="No directory at")
        with (
            tempfile.TemporaryDirectory(prefix="norec-bench-") as folder,
            override_settings(
                DEBUG=False,
                ALLOWED_HOSTS=["testserver", servers.HOST, "localhost"],
                MEDIA_ROOT=f"{folder}/media",
                NOREC_PRIVATE_MEDIA_ROOT=f"{folder}/private",
                PAGE_CACHE_SECONDS=0,  # search is timed rendering; page weights turn it on
            ),
        ):
            self.folder = Path(folder)
            old_name = self.create_database(options["database_name"])
            try:
                self.seed_seconds = self.seed(options["scale"])
                self.client = Client(HTTP_HOST=servers.HOST)
                inprocess.measure_search(self)
                inprocess.measure_pdf(self, options["pdf_pages"])
                self.targets = self.find_targets()
                inprocess.measure_page_weights(self)
                self.measure_servers()
            finally:
                connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=options["keep"])
        report(self, time.perf_counter() - started)

    def create_database(self, name):
        self.step(f"Creating the database {name} and migrating")
        connection.settings_dict.setdefault("TEST", {})["NAME"] = name
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        return old_name

    def seed(self, scale):
        self.step(f"Seeding: seed_demo --scale {scale}")
        began = time.perf_counter()
        call_command("seed_demo", scale=scale, stdout=self.stdout)
        seconds = time.perf_counter() - began
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        with translation.override("en"):
            sizes = ", ".join(
                f"{model._meta.verbose_name_plural} {model.objects.count()}"
                for model in content_models()
            )
        self.stdout.write(f"  seeded in {seconds:.0f} s; rows:\n    {sizes}")
        self.rows.append((f"seed_demo --scale {scale}", "", f"{seconds:.1f} s", "", ""))
        return seconds

    def find_targets(self):
        """(name, path, kind) for the floor and each public page type, in Nynorsk."""
        news, projects, search = (
            url(name, "nn") for name in ("news:index", "projects:index", "search")
        )
        with translation.override("nn"):
            news_list = resolve(news).func.view_class  # its model and page size
        count = news_list.model.objects.public("nn").count()
        last = min(500, max(1, math.ceil(count / news_list.paginate_by)))
        details = []  # the newest item of each content type
        for model in content_models():
            latest = model.objects.public("nn").order_by("-published_at").first()
            if latest is not None:
                with translation.override("en"):
                    name = a_or_an(str(model._meta.verbose_name))
                details.append((name, latest.get_absolute_url("nn"), "detail"))
        return [
            ("floor", servers.FLOOR, "floor"),
            ("home", url("home", "nn"), "list"),
            ("news list", news, "list"),
            (f"news list, page {last}", f"{news}?page={last}", "list"),
            ("report library", url("reports:index", "nn"), "list"),
            ("projects, two facets", f"{projects}?region=africa&sdg=17", "list"),
            *details,
            ("search, common word", f"{search}?q=utveksling", "list"),
            ("search, rare word", f"{search}?q={PDF_WORD}", "list"),
            ("news RSS", url("news:feed", "nn"), "list"),
            ("reports RSS", url("reports:feed", "nn"), "list"),
            ("sitemap", "/sitemap.xml", "list"),
        ]

    def measure_servers(self):
        self.step("Collecting static files for the production settings")
        servers.collect_static(self.folder)
        rounds, seconds = self.options["rounds"], self.options["seconds"]
        modes = (("cache", 300), ("no cache", 0))
        samples = {}
        with ExitStack() as stack:
            ports = {
                mode: stack.enter_context(servers.gunicorn(self.folder, cache_seconds))
                for mode, cache_seconds in modes
            }
            for number in range(1, rounds + 1):
                self.step(f"Round {number} of {rounds}: wrk, {servers.CONNECTIONS} connections")
                for mode, _cache_seconds in modes:
                    floor = None
                    for name, path, kind in self.targets:
                        servers.fetch(ports[mode], path)  # warm: the cache, the connection
                        figures = servers.wrk(ports[mode], path, seconds)
                        if figures["failed"] or figures["timeouts"]:
                            self.failed.append(
                                f"{name} ({mode}): {figures['failed']} failed, "
                                f"{figures['timeouts']} timed out"
                            )
                        if kind == "floor":
                            floor = figures["rps"]
                        figures["ratio_to_floor"] = figures["rps"] / floor
                        samples.setdefault((name, mode), []).append(figures)
                        self.stdout.write(
                            f"  {mode:8} {name:28} {figures['rps']:9.0f} req/s  "
                            f"p50 {figures['p50_ms']:7.1f} ms  "
                            f"ratio {figures['ratio_to_floor']:.3f}"
                        )
        kinds = {name: kind for name, _path, kind in self.targets}
        for (name, mode), runs in samples.items():
            key = name if mode == "cache" else f"{name} (no cache)"
            self.results[key] = {
                field: round(statistics.median(run[field] for run in runs), 3)
                for field in ("rps", "p50_ms", "p99_ms", "ratio_to_floor")
            } | {
                "queries": self.queries[name],
                "bytes": self.bytes[name],
                "kind": kinds[name],
                "cached": mode == "cache",
            }
