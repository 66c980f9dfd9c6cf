"""The benchmark behind `make bench`: one run on a fresh database, figures in one table.

It creates its own database (``--database-name``, dropped first when it exists)
on the server that DATABASE_URL or the embedded dev server points to, seeds
it with ``seed_demo --scale N``, then measures search, list and detail pages
through Django's test client, requests per second on the home and list pages,
and the reports upload service on a generated 200-page PDF. Nothing here is an
assertion: the figures are printed, with the search target beside them.
"""

import datetime
import math
import statistics
import tempfile
import time
import warnings
from importlib import import_module
from importlib.util import find_spec

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from norec_site.search import PAGE_SIZE, SEARCH_TYPES, Search, SearchResults, parse_query

CONTENT_APPS = ("reports", "projects", "news")
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


class Command(BaseCommand):
    help = (
        "Benchmark on a fresh database: search, list and detail latency, requests per "
        "second, and the time to process a 200-page PDF. Prints one table."
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
        parser.add_argument("--runs", type=int, default=10, help="Repetitions of each request.")
        parser.add_argument(
            "--seconds", type=float, default=3.0, help="Duration of each requests-per-second run."
        )
        parser.add_argument("--pdf-pages", type=int, default=200)
        parser.add_argument(
            "--keep", action="store_true", help="Keep the benchmark database afterwards."
        )

    def handle(self, *args, **options):
        self.options = options
        self.rows, self.missing, self.failed = [], [], []
        self.sizes, self.rps = {}, {}
        self.search_page_p50 = self.search_sql_p50 = None
        started = time.perf_counter()
        # Static files come from the app folders here; no collectstatic needed.
        warnings.filterwarnings("ignore", message="No directory at")
        with (
            tempfile.TemporaryDirectory(prefix="norec-bench-") as media,
            override_settings(
                DEBUG=False,
                ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost"],
                MEDIA_ROOT=f"{media}/public",
                NOREC_PRIVATE_MEDIA_ROOT=f"{media}/private",
            ),
        ):
            old_name = self.create_database(options["database_name"])
            try:
                self.seed(options["scale"])
                self.client = Client()
                self.measure_search()
                self.measure_pages()
                self.measure_throughput()
                self.measure_pdf(options["pdf_pages"])
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
        present = [app for app in CONTENT_APPS if find_spec(f"{app}.demo")]
        self.missing += [f"{app}.demo" for app in CONTENT_APPS if app not in present]
        if len(present) == len(CONTENT_APPS):
            call_command("seed_demo", scale=scale, stdout=self.stdout)
        else:
            # Until every app has its demo module: seed the apps that have one.
            from norec_site import demo

            shared = demo.seed_shared()
            for app in present:
                module = import_module(f"{app}.demo")
                module.seed(shared)
                module.seed_scale(shared, scale, stdout=self.stdout)
        seconds = time.perf_counter() - began
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"  seeded in {seconds:.0f} s; public items per language:")
        for search_type in SEARCH_TYPES:
            model = search_type.model
            total = model.objects.count()
            per_language = {code: model.objects.public(code).count() for code in TYPICAL_QUERIES}
            self.sizes[search_type.key] = total
            languages = ", ".join(f"{code} {count}" for code, count in per_language.items())
            self.stdout.write(f"    {search_type.key}: {total} rows ({languages})")
        self.rows.append((f"seed_demo --scale {scale}", "", f"{seconds:.1f} s", "", ""))

    # Measuring --------------------------------------------------------------

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

    def measure_pages(self):
        self.step("List and detail pages")
        for search_type in SEARCH_TYPES:
            index = f"{search_type.key}:index"
            urls = [self.url(index, code) for code in TYPICAL_QUERIES]
            if None in urls:
                self.missing.append(f"URL {index}")
                continue
            first = [lambda u=url: self.timed_get(u) for url in urls]
            self.latency(f"list: {index}, first page", first, "nn, nb, en")
            last = [lambda u=url: self.timed_get(u, {"page": "last"}) for url in urls]
            self.latency(f"list: {index}, last page", last, "nn, nb, en")
        for search_type in SEARCH_TYPES:
            model = search_type.model
            calls = []
            for code in TYPICAL_QUERIES:
                for item in model.objects.public(code).order_by("?")[:5]:
                    url = item.get_absolute_url(code)
                    calls.append(lambda u=url: self.timed_get(u))
            if calls:
                self.latency(f"detail: {model._meta.label}", calls, "5 random per language")

    def measure_throughput(self):
        self.step("Requests per second (one process, one request at a time)")
        targets = [("home", self.url("home", "nn"))]
        targets += [(f"{t.key}:index", self.url(f"{t.key}:index", "nn")) for t in SEARCH_TYPES]
        for label, url in targets:
            if url is None:
                continue
            try:
                self.timed_get(url)
                count, began = 0, time.perf_counter()
                while time.perf_counter() - began < self.options["seconds"]:
                    self.timed_get(url)
                    count += 1
            except RuntimeError as error:
                self.failed.append(f"throughput {label}: {error}")
                continue
            rate = count / (time.perf_counter() - began)
            self.rps[label] = rate
            self.rows.append((f"throughput: {label} {url}", count, f"{rate:.0f} req/s", "", ""))

    def measure_pdf(self, pages):
        self.step(f"Reports upload service: a generated {pages}-page PDF")
        try:
            from reports.models import Report
            from reports.pdfgen import pdf_bytes
            from reports.services import upload_report_file
        except ImportError as error:
            self.missing.append(f"reports upload service ({error})")
            return
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

    # Reporting --------------------------------------------------------------

    def report(self, seconds):
        headers = ("measure", "n", "p50 ms", "p95 ms", "note")
        widths = [max(len(str(row[i])) for row in [headers, *self.rows]) for i in range(5)]
        line = "  ".join(f"{{:<{width}}}" for width in widths)
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Results"))
        self.stdout.write(line.format(*headers))
        self.stdout.write(line.format(*("-" * width for width in widths)))
        for row in self.rows:
            self.stdout.write(line.format(*(str(cell) for cell in row)))
        self.stdout.write("")
        articles = self.sizes.get("news", 0)
        if self.search_page_p50 is not None:
            verdict = "meets" if self.search_page_p50 < SEARCH_TARGET_MS else "MISSES"
            self.stdout.write(
                f"Search p50: {self.search_page_p50:.1f} ms for the whole page "
                f"({self.search_sql_p50:.1f} ms in SQL) with {articles} articles, "
                f"{self.sizes.get('reports', 0)} reports, {self.sizes.get('projects', 0)} "
                f"projects, typical queries: {verdict} the {SEARCH_TARGET_MS} ms target "
                f"(ratio {self.search_page_p50 / SEARCH_TARGET_MS:.2f})."
            )
        if articles < 20_000:
            self.stdout.write(f"Note: {articles} articles; the target is stated for 20,000+.")
        if self.rps.get("home") and self.rps.get("news:index"):
            ratio = self.rps["home"] / self.rps["news:index"]
            self.stdout.write(f"Throughput, home / news list: {ratio:.2f}")
        for missing in self.missing:
            self.stdout.write(self.style.WARNING(f"Not measured yet, missing: {missing}"))
        for failure in self.failed:
            self.stdout.write(self.style.ERROR(f"Failed: {failure}"))
        self.stdout.write(f"Whole run: {seconds:.0f} s")
