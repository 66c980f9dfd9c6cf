"""The benchmark behind `make bench`: what visitors meet, measured against Django's floor.

It creates its own database (``--database-name``, dropped first when it exists) on the
server that DATABASE_URL or the embedded dev server points to, and seeds it with
``seed_demo --scale N``. It times search in this process and the reports upload
service on a generated 200-page PDF, then serves the site with gunicorn (2 sync
workers, production settings plus the floor view: ``norec_site.settings.bench``)
twice, with the page cache on and with ``PAGE_CACHE_SECONDS=0``, and sends wrk (8
connections) at the floor and at every public page type, in interleaved rounds.

It prints one table (requests per second, p50, p99, queries, bytes, ratio to the floor
of the same server in the same round; medians over the rounds) with the targets beside
it, and writes the same figures to ``.bench/results.json``. Nothing here is an
assertion: a missed target is printed, not raised.
"""

import datetime
import json
import math
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from norec_site.search import PAGE_SIZE, SEARCH_TYPES, Search, SearchResults, parse_query

SEARCH_TARGET_MS = 30
# What visitors type: a theme, a place, a phrase, two words, "or", a minus, and
# the demo's own subjects. Each matches a part of the synthetic content.
TYPICAL_QUERIES = {
    "nn": ["sør-sør-samarbeid", "klimatilpassing", "vassforsyning Kampala", '"digital læring"',
           "lærarar or journalistar", "mødrehelse -Kisumu", "Hanoi"],
    "nb": ["sør-sør-samarbeid", "klimatilpasning", "sykepleiere Lima", '"bærekraftig fiske"',
           "likestilling"],
    "en": ["South-South", "climate adaptation", '"water supply" Quito', "midwives or nurses",
           "gender equality -Dhaka"],
}  # fmt: skip
# Words that every synthetic item contains: every match must be ranked (worst case).
BROAD_QUERIES = {"nn": ["utveksling"], "nb": ["utveksling"], "en": ["exchange", "report"]}
PDF_WORD = "flamingobench"
# Five paragraphs of about 1,400 characters, two a page: some 3,000 characters
# a page, as in a real report, and the rare word on one page in five.
SENTENCES = [
    "Norec funds exchanges of staff between partner organisations in Africa, Asia and "
    "Latin America, and each exchange lasts a year or more. ",
    "South-South and triangular cooperation lets partners learn from peers who face the "
    "same problems in health, vocational training, renewable energy and fisheries. ",
    "The participants return with new methods and a network; their organisations change "
    "routines, train colleagues and start new projects together. ",
    "Monitoring follows each partnership over its period with reports from both sides, "
    "site visits and a final evaluation shared with all partners. ",
    "Field notes describe the daily work, the surprises and the lessons that the "
    "participants want their colleagues at home to hear about. ",
]
PDF_PARAGRAPHS = [(sentence * 9).strip() for sentence in SENTENCES]
PDF_PARAGRAPHS[3] += (
    f" On the shores of Lake Nakuru the {PDF_WORD} census counted the birds again."
)


def milliseconds(samples):
    """p50 and p95 in milliseconds (nearest-rank p95)."""
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


HOST = "127.0.0.1"
CONNECTIONS = 8
WORKERS = 2
# The targets of the speed issue, as ratios to the floor in the same run.
CACHED_TARGET = 0.60
DETAIL_TARGET = 0.05
LIST_TARGET = 0.04
P99_FACTOR = 4
QUERY_BUDGET = 8
PDF_TARGET_SECONDS = 5
RESULTS = Path(".bench") / "results.json"
RESULT_FIELDS = ("rps", "p50_ms", "p99_ms", "queries", "bytes", "ratio_to_floor")


def wrk_duration(text):
    """wrk's "1.23ms", "456.00us", "1.02s" in milliseconds."""
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def parse_wrk(output):
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and p50 and p99):
        raise RuntimeError(f"wrk said:\n{output}")
    bad = re.search(r"Non-2xx or 3xx responses:\s+([0-9]+)", output)
    errors = re.search(r"Socket errors:.*timeout ([0-9]+)", output)
    return {
        "rps": float(rps.group(1)),
        "p50_ms": wrk_duration(p50.group(1)),
        "p99_ms": wrk_duration(p99.group(1)),
        "failed": int(bad.group(1)) if bad else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


def database_url(db):
    host = quote(db["HOST"] or "", safe="")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    user = quote(db["USER"] or "")
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


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
        self.options = options
        self.rows, self.failed = [], []
        self.results = {}
        self.search_page_p50 = self.search_sql_p50 = None
        self.pdf_seconds = None
        started = time.perf_counter()
        warnings.filterwarnings("ignore", message="No directory at")
        with (
            tempfile.TemporaryDirectory(prefix="norec-bench-") as folder,
            override_settings(
                DEBUG=False,
                ALLOWED_HOSTS=["testserver", HOST, "localhost"],
                MEDIA_ROOT=f"{folder}/media",
                NOREC_PRIVATE_MEDIA_ROOT=f"{folder}/private",
                PAGE_CACHE_SECONDS=0,  # search is timed rendering; measure_queries turns it on
            ),
        ):
            self.folder = Path(folder)
            old_name = self.create_database(options["database_name"])
            try:
                self.seed_seconds = self.seed(options["scale"])
                self.client = Client(HTTP_HOST=HOST)
                self.measure_search()
                self.measure_pdf(options["pdf_pages"])
                self.targets = self.find_targets()
                self.measure_queries()
                self.measure_servers()
            finally:
                connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=options["keep"])
        self.report(time.perf_counter() - started)

    # Setting up -------------------------------------------------------------

    def step(self, message):
        self.stdout.write(self.style.MIGRATE_HEADING(f"» {message}"))
        self.stdout.flush()

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
        self.stdout.write(f"  seeded in {seconds:.0f} s; rows:")
        self.sizes = {}
        for search_type in SEARCH_TYPES:
            self.sizes[search_type.key] = search_type.model.objects.count()
        self.stdout.write("    " + ", ".join(f"{k} {v}" for k, v in self.sizes.items()))
        self.rows.append((f"seed_demo --scale {scale}", "", f"{seconds:.1f} s", "", ""))
        return seconds

    # In this process: search and the PDF ------------------------------------

    def url(self, name, language, **kwargs):
        with translation.override(language):
            try:
                return reverse(name, kwargs=kwargs or None)
            except NoReverseMatch:
                return None

    def timed_get(self, url, params=None):
        began = time.perf_counter()
        response = self.client.get(url, params or {})
        elapsed = time.perf_counter() - began
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return elapsed

    def latency(self, label, calls, note=""):
        """Run each call once to warm up, then ``--runs`` times; add a row."""
        samples = []
        try:
            for call in calls:
                call()
            for _ in range(self.options["runs"]):
                for call in calls:
                    began = time.perf_counter()
                    call()
                    samples.append(time.perf_counter() - began)
        except Exception as error:  # one broken page must not stop the run
            self.failed.append(f"{label}: {error}")
            return None
        p50, p95 = milliseconds(samples)
        self.rows.append((label, len(samples), f"{p50:.1f}", f"{p95:.1f}", note))
        return p50

    def search_sql(self, query, language):
        with translation.override(language):
            results = SearchResults(Search(parse_query(query), language), 1)
            results[0:PAGE_SIZE]
        return results.total

    def measure_search(self):
        self.step("Search: typical queries in nn, nb and en, then words in every item")
        for label, queries in (("typical", TYPICAL_QUERIES), ("broad", BROAD_QUERIES)):
            sql_calls, page_calls = [], []
            for language, words in queries.items():
                url = self.url("search", language)
                for query in words:
                    sql_calls.append(lambda q=query, lang=language: self.search_sql(q, lang))
                    page_calls.append(lambda q=query, u=url: self.timed_get(u, {"q": q}))
            note = "typical queries" if label == "typical" else "a word in every item"
            sql_p50 = self.latency(f"search ({label}): 2 SQL queries", sql_calls, note)
            page_p50 = self.latency(f"search page ({label})", page_calls, note)
            if label == "typical":
                self.search_sql_p50, self.search_page_p50 = sql_p50, page_p50
            for language, words in queries.items():
                found = ", ".join(f"{query} {self.search_sql(query, language)}" for query in words)
                self.stdout.write(f"  hits in {language}: {found}")

    def measure_pdf(self, pages):
        self.step(f"Reports upload service: a generated {pages}-page PDF")
        from reports.models import Report
        from reports.pdfgen import pdf_bytes
        from reports.services import upload_report_file

        began = time.perf_counter()
        data = pdf_bytes("Benchmark report", PDF_PARAGRAPHS, pages=pages)
        generated = time.perf_counter() - began
        report = Report.objects.create(
            title_nn="Ytingsrapport",
            summary_nn="<p>Ein lang rapport for ytingsmåling.</p>",
            title_en="Benchmark report",
            summary_en="<p>A long report for the benchmark.</p>",
            publication_date=timezone.localdate(),
            status="published",
            published_at=timezone.now() - datetime.timedelta(minutes=1),
        )
        upload = SimpleUploadedFile("benchmark.pdf", data, content_type="application/pdf")
        began = time.perf_counter()
        report_file = upload_report_file(report=report, language="en", upload=upload)
        processed = time.perf_counter() - began
        self.pdf_seconds = processed
        report.refresh_from_db()
        self.rows.append(
            (
                f"PDF: upload_report_file, {report_file.pages} pages",
                1,
                f"{processed:.2f} s",
                f"{report_file.pages / processed:.0f} pages/s",
                f"{len(data) / 1e6:.1f} MB made by fpdf2 in {generated:.1f} s; "
                f"{len(report.pdf_text) / 1000:.0f} kB of text",
            )
        )
        url = self.url("search", "en")
        self.latency(
            f"search page: a word only in the {pages}-page PDF",
            [lambda: self.timed_get(url, {"q": PDF_WORD})],
            "snippet cut from its text",
        )

    # Under gunicorn: every public page type -------------------------------------

    def find_targets(self):
        """(name, path, kind) for the floor and each public page type, in Nynorsk."""
        from news.models import Article
        from projects.models import Project
        from reports.models import Report

        url = lambda name: self.url(name, "nn")  # noqa: E731
        news = url("news:index")
        per_page = 12
        pages = max(1, math.ceil(Article.objects.public("nn").count() / per_page))
        article = Article.objects.public("nn").order_by("-published_at").first()
        report = Report.objects.public("nn").order_by("-published_at").first()
        project = Project.objects.public("nn").order_by("-published_at").first()
        search = url("search")
        with translation.override("nn"):
            details = [
                ("an article", article.get_absolute_url("nn"), "detail"),
                ("a report", report.get_absolute_url("nn"), "detail"),
                ("a project", project.get_absolute_url("nn"), "detail"),
            ]
        return [
            ("floor", "/bench/floor", "floor"),
            ("home", url("home"), "list"),
            ("news list", news, "list"),
            (f"news list, page {min(500, pages)}", f"{news}?page={min(500, pages)}", "list"),
            details[0],
            ("report library", url("reports:index"), "list"),
            details[1],
            ("projects, two facets", f"{url('projects:index')}?region=africa&sdg=17", "list"),
            details[2],
            ("search, common word", f"{search}?q=utveksling", "list"),
            ("search, rare word", f"{search}?q={PDF_WORD}", "list"),
            ("news RSS", url("news:feed"), "list"),
            ("reports RSS", url("reports:feed"), "list"),
            ("sitemap", "/sitemap.xml", "list"),
        ]

    def measure_queries(self):
        """Queries and bytes of each page on a cache miss, here with the test client."""
        self.step("Queries and bytes of each page (a cache miss, in this process)")
        self.queries, self.bytes = {}, {}
        with override_settings(PAGE_CACHE_SECONDS=300):
            self.count_queries()

    def count_queries(self):
        for name, path, kind in self.targets:
            if kind == "floor":
                self.queries[name], self.bytes[name] = 0, 2
                continue
            caches["pages"].clear()
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(path, secure=True)
            if response.status_code != 200:
                self.failed.append(f"{name}: {path} answered {response.status_code}")
            self.queries[name], self.bytes[name] = len(captured), len(response.content)

    def server_environ(self, cache_seconds):
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "PAGE_CACHE_SECONDS")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="norec_site.settings.bench",
            DATABASE_URL=database_url(connection.settings_dict),
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=HOST,
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=settings.MEDIA_ROOT,
            NOREC_PRIVATE_MEDIA_ROOT=settings.NOREC_PRIVATE_MEDIA_ROOT,
            PAGE_CACHE_SECONDS=str(cache_seconds),
        )
        return env

    @contextmanager
    def gunicorn(self, cache_seconds, port):
        env = self.server_environ(cache_seconds)
        log = (self.folder / f"gunicorn-{cache_seconds}.log").open("wb")
        command = [
            sys.executable, "-m", "gunicorn", "norec_site.wsgi", "--bind", f"{HOST}:{port}",
            "--workers", str(WORKERS), "--timeout", "120", "--no-control-socket",
        ]  # fmt: skip
        if int(__import__("gunicorn").__version__.split(".")[0]) < 25:
            command.remove("--no-control-socket")
        # Our own interpreter running gunicorn on our own settings; no shell, no user input.
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603 - fixed command, our interpreter
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    self.fetch(port, "/bench/floor")
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.close()
                        text = (self.folder / f"gunicorn-{cache_seconds}.log").read_text()
                        raise CommandError(f"gunicorn did not start:\n{text[-3000:]}") from None
                    time.sleep(0.3)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()

    @staticmethod
    def fetch(port, path):
        request = urllib.request.Request(
            f"http://{HOST}:{port}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server
            return response.read()

    def wrk(self, port, path):
        seconds = self.options["seconds"]
        command = [
            shutil.which("wrk"), "--threads", "2", "--connections", str(CONNECTIONS),
            "--duration", f"{max(1, round(seconds))}s", "--timeout", "30s", "--latency",
            "--header", "X-Forwarded-Proto: https", f"http://{HOST}:{port}{path}",
        ]  # fmt: skip
        # wrk from the OS packages against our own server; no shell, no user input.
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)  # noqa: S603 - fixed command
        return parse_wrk(done.stdout)

    def measure_servers(self):
        self.step("Collecting static files for the production settings")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=self.server_environ(0), check=True, timeout=600, cwd=settings.BASE_DIR,
        )  # fmt: skip
        rounds = self.options["rounds"]
        modes = (("cache", 300), ("no cache", 0))
        samples = {}
        with ExitStack() as stack:
            ports = {}
            for mode, seconds in modes:
                ports[mode] = stack.enter_context(self.gunicorn(seconds, self.free_port()))
            for number in range(1, rounds + 1):
                self.step(f"Round {number} of {rounds}: wrk, {CONNECTIONS} connections")
                for mode, _seconds in modes:
                    floor = None
                    for name, path, kind in self.targets:
                        self.fetch(ports[mode], path)  # warm: the cache, the connection
                        figures = self.wrk(ports[mode], path)
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

    @staticmethod
    def free_port():
        import socket

        with socket.socket() as probe:
            probe.bind((HOST, 0))
            return probe.getsockname()[1]

    # Reporting --------------------------------------------------------------

    def verdicts(self, key, row):
        """The targets this row misses."""
        missed = []
        if row["kind"] == "floor":
            return missed
        if row["cached"]:
            if row["ratio_to_floor"] < CACHED_TARGET:
                missed.append(f"cached < {CACHED_TARGET}")
        else:
            target = DETAIL_TARGET if row["kind"] == "detail" else LIST_TARGET
            if row["ratio_to_floor"] < target:
                missed.append(f"uncached < {target}")
        if row["p99_ms"] > P99_FACTOR * row["p50_ms"]:
            missed.append(f"p99 > {P99_FACTOR}×p50")
        if row["queries"] > QUERY_BUDGET:
            missed.append(f"queries > {QUERY_BUDGET}")
        return missed

    def report(self, seconds):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("In this process"))
        headers = ("measure", "n", "p50", "p95", "note")
        widths = [max(len(str(row[i])) for row in [headers, *self.rows]) for i in range(5)]
        line = "  ".join(f"{{:<{width}}}" for width in widths)
        self.stdout.write(line.format(*headers))
        for row in self.rows:
            self.stdout.write(line.format(*(str(cell) for cell in row)))

        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                f"gunicorn ({WORKERS} workers), wrk ({CONNECTIONS} connections, "
                f"{self.options['seconds']:g} s), medians of {self.options['rounds']} rounds"
            )
        )
        table = [("page", "req/s", "p50 ms", "p99 ms", "queries", "bytes", "ratio", "missed")]
        for key, row in self.results.items():
            table.append(
                (
                    key,
                    f"{row['rps']:.0f}",
                    f"{row['p50_ms']:.1f}",
                    f"{row['p99_ms']:.1f}",
                    str(row["queries"]),
                    str(row["bytes"]),
                    f"{row['ratio_to_floor']:.3f}",
                    ", ".join(self.verdicts(key, row)) or "–",
                )
            )
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        for number, row in enumerate(table):
            cells = [
                cell.ljust(width) if index in (0, 7) else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))

        self.stdout.write("")
        articles = self.sizes.get("news", 0)
        if self.search_page_p50 is not None:
            verdict = "meets" if self.search_page_p50 < SEARCH_TARGET_MS else "MISSES"
            self.stdout.write(
                f"Search p50: {self.search_page_p50:.1f} ms for the whole page "
                f"({self.search_sql_p50:.1f} ms in SQL), typical queries, {articles} articles: "
                f"{verdict} the {SEARCH_TARGET_MS} ms target."
            )
        if articles < 20_000:
            self.stdout.write(f"Note: {articles} articles; the search target is for 20,000.")
        if self.pdf_seconds is not None:
            verdict = "meets" if self.pdf_seconds < PDF_TARGET_SECONDS else "MISSES"
            self.stdout.write(
                f"PDF: {self.pdf_seconds:.2f} s for {self.options['pdf_pages']} pages: "
                f"{verdict} the {PDF_TARGET_SECONDS} s target."
            )
        for failure in self.failed:
            self.stdout.write(self.style.ERROR(f"Failed: {failure}"))

        RESULTS.parent.mkdir(exist_ok=True)
        figures = {
            key: {field: row[field] for field in RESULT_FIELDS}
            for key, row in self.results.items()
        }
        figures.update(
            seed_seconds=round(self.seed_seconds, 1),
            search_p50_ms=round(self.search_page_p50, 2) if self.search_page_p50 else None,
            pdf_200_pages_seconds=round(self.pdf_seconds, 2) if self.pdf_seconds else None,
            scale=self.options["scale"],
            rounds=self.options["rounds"],
            seconds_per_run=self.options["seconds"],
        )
        RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(f"Figures written to {RESULTS}. Whole run: {seconds:.0f} s")
