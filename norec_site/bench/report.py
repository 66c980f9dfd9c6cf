"""The benchmark's table, the targets each row misses, and ``.bench/results.json``."""

import json
from pathlib import Path

from .servers import CONNECTIONS, WORKERS

# The targets of the speed issue, as ratios to the floor in the same run.
CACHED_TARGET = 0.60
DETAIL_TARGET = 0.05
LIST_TARGET = 0.04
P99_FACTOR = 4
QUERY_BUDGET = 8
PDF_TARGET_SECONDS = 5
SEARCH_TARGET_MS = 30
SEARCH_TARGET_SCALE = 20_000
RESULTS = Path(".bench") / "results.json"
RESULT_FIELDS = ("rps", "p50_ms", "p99_ms", "queries", "bytes", "ratio_to_floor")


def missed_targets(row):
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


def write_table(stdout, table, left=(0,)):
    """Columns as wide as their widest cell; a rule under the header row."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for number, row in enumerate(table):
        cells = [
            cell.ljust(width) if index in left else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        stdout.write("  ".join(cells).rstrip())
        if number == 0:
            stdout.write("  ".join("-" * width for width in widths))


def report(bench, seconds):
    stdout, style, options = bench.stdout, bench.style, bench.options
    stdout.write("")
    stdout.write(style.MIGRATE_HEADING("In this process"))
    headers = ("measure", "n", "p50", "p95", "note")
    widths = [max(len(str(row[i])) for row in [headers, *bench.rows]) for i in range(5)]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    stdout.write(line.format(*headers))
    for row in bench.rows:
        stdout.write(line.format(*(str(cell) for cell in row)))

    stdout.write("")
    stdout.write(
        style.MIGRATE_HEADING(
            f"gunicorn ({WORKERS} workers), wrk ({CONNECTIONS} connections, "
            f"{options['seconds']:g} s), medians of {options['rounds']} rounds"
        )
    )
    table = [("page", "req/s", "p50 ms", "p99 ms", "queries", "bytes", "ratio", "missed")]
    for key, row in bench.results.items():
        table.append(
            (
                key,
                f"{row['rps']:.0f}",
                f"{row['p50_ms']:.1f}",
                f"{row['p99_ms']:.1f}",
                str(row["queries"]),
                str(row["bytes"]),
                f"{row['ratio_to_floor']:.3f}",
                ", ".join(missed_targets(row)) or "–",
            )
        )
    write_table(stdout, table, left=(0, 7))

    stdout.write("")
    scale = options["scale"]
    if bench.search_page_p50 is not None:
        verdict = "meets" if bench.search_page_p50 < SEARCH_TARGET_MS else "MISSES"
        stdout.write(
            f"Search p50: {bench.search_page_p50:.1f} ms for the whole page "
            f"({bench.search_sql_p50:.1f} ms in SQL), typical queries, {scale} synthetic "
            f"items of each type: {verdict} the {SEARCH_TARGET_MS} ms target."
        )
    if scale < SEARCH_TARGET_SCALE:
        stdout.write(f"Note: --scale {scale}; the search target is for {SEARCH_TARGET_SCALE:,}.")
    if bench.pdf_seconds is not None:
        verdict = "meets" if bench.pdf_seconds < PDF_TARGET_SECONDS else "MISSES"
        stdout.write(
            f"PDF: {bench.pdf_seconds:.2f} s for {options['pdf_pages']} pages: "
            f"{verdict} the {PDF_TARGET_SECONDS} s target."
        )
    for failure in bench.failed:
        stdout.write(style.ERROR(f"Failed: {failure}"))

    write_results(bench)
    stdout.write(f"Figures written to {RESULTS}. Whole run: {seconds:.0f} s")


def write_results(bench):
    RESULTS.parent.mkdir(exist_ok=True)
    figures = {
        key: {field: row[field] for field in RESULT_FIELDS} for key, row in bench.results.items()
    }
    figures.update(
        seed_seconds=round(bench.seed_seconds, 1),
        search_p50_ms=round(bench.search_page_p50, 2) if bench.search_page_p50 else None,
        pdf_200_pages_seconds=round(bench.pdf_seconds, 2) if bench.pdf_seconds else None,
        scale=bench.options["scale"],
        rounds=bench.options["rounds"],
        seconds_per_run=bench.options["seconds"],
    )
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
