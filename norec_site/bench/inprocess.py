"""Measured in the command's own process: search, the PDF upload service, page weights."""

import math
import statistics
import time
from importlib import import_module

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from norec_site import page_cache
from norec_site.registry import content_models
from norec_site.search import PAGE_SIZE, Search, SearchResults, parse_query
from norec_site.search.results import RANKINGS

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


def url(name, language, **kwargs):
    with translation.override(language):
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            return None


def timed_get(bench, path, params=None):
    began = time.perf_counter()
    response = bench.client.get(path, params or {})
    elapsed = time.perf_counter() - began
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed


def timed_search_page(bench, path, params):
    """A search page with its ranking made afresh, as "2 SQL queries" times it: from
    ``KEEP_RANKING_FROM`` hits a ranking is kept per content version, and this
    benchmark's typical queries have that many at its scale. The menus stay kept."""
    page_cache.forget_fragments(RANKINGS)
    return timed_get(bench, path, params)


def latency(bench, label, calls, note=""):
    """Run each call once to warm up, then ``--runs`` times; add a row."""
    samples = []
    try:
        for call in calls:
            call()
        for _ in range(bench.options["runs"]):
            for call in calls:
                began = time.perf_counter()
                call()
                samples.append(time.perf_counter() - began)
    except Exception as error:  # one broken page must not stop the run
        bench.failed.append(f"{label}: {error}")
        return None
    p50, p95 = milliseconds(samples)
    bench.rows.append((label, len(samples), f"{p50:.1f}", f"{p95:.1f}", note))
    return p50


def search_sql(query, language):
    with translation.override(language):
        results = SearchResults(Search(parse_query(query), language), 1)
        results[0:PAGE_SIZE]
    return results.total


def measure_search(bench):
    bench.step("Search: typical queries in nn, nb and en, then words in every item")
    for label, queries in (("typical", TYPICAL_QUERIES), ("broad", BROAD_QUERIES)):
        sql_calls, page_calls = [], []
        for language, words in queries.items():
            search = url("search", language)
            for query in words:
                sql_calls.append(lambda q=query, lang=language: search_sql(q, lang))
                page_calls.append(lambda q=query, u=search: timed_search_page(bench, u, {"q": q}))
        note = "typical queries" if label == "typical" else "a word in every item"
        sql_p50 = latency(bench, f"search ({label}): 2 SQL queries", sql_calls, note)
        page_p50 = latency(bench, f"search page ({label})", page_calls, note)
        if label == "typical":
            bench.search_sql_p50, bench.search_page_p50 = sql_p50, page_p50
        for language, words in queries.items():
            found = ", ".join(f"{query} {search_sql(query, language)}" for query in words)
            bench.stdout.write(f"  hits in {language}: {found}")


def timed_upload():
    """The content type whose demo module measures its file upload (reports' PDFs)."""
    for model in content_models():
        measure = getattr(import_module(model.demo_module), "timed_upload", None)
        if measure is not None:
            return measure
    return None


def measure_pdf(bench, pages):
    measure = timed_upload()
    if measure is None:
        return
    bench.step(f"Upload service: a generated {pages}-page PDF")
    report, report_file, size, generated, processed = measure(pages, PDF_PARAGRAPHS)
    bench.pdf_seconds = processed
    bench.rows.append(
        (
            f"PDF: upload_report_file, {report_file.pages} pages",
            1,
            f"{processed:.2f} s",
            f"{report_file.pages / processed:.0f} pages/s",
            f"{size / 1e6:.1f} MB made by fpdf2 in {generated:.1f} s; "
            f"{len(report.pdf_text) / 1000:.0f} kB of text",
        )
    )
    search = url("search", "en")
    latency(
        bench,
        f"search page: a word only in the {pages}-page PDF",
        [lambda: timed_get(bench, search, {"q": PDF_WORD})],
        "snippet cut from its text",
    )


def measure_page_weights(bench):
    """Queries and bytes of each page on a cache miss, here with the test client."""
    bench.step("Queries and bytes of each page (a cache miss, in this process)")
    with override_settings(PAGE_CACHE_SECONDS=300):
        for name, path, kind in bench.targets:
            if kind == "floor":
                bench.queries[name], bench.bytes[name] = 0, 2
                continue
            caches["pages"].clear()
            page_cache.forget_fragments(RANKINGS)  # a search's first visitor ranks it
            with CaptureQueriesContext(connection) as captured:
                response = bench.client.get(path, secure=True)
            if response.status_code != 200:
                bench.failed.append(f"{name}: {path} answered {response.status_code}")
            bench.queries[name], bench.bytes[name] = len(captured), len(response.content)
