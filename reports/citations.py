"""A report as a citation: plain text, BibTeX and RIS."""

import re

from django.utils.html import strip_tags

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def one_line(value):
    """Text without line breaks or control characters, so no value starts a new field."""
    return re.sub(r"[\x00-\x1f\x7f]+", " ", strip_tags(str(value or ""))).strip()


def bibtex_escape(value):
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in one_line(value))


def surname_first(name):
    """``Ingrid Haugland`` -> ``Haugland, Ingrid`` (the way citations list people)."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def full_title(report):
    return f"{report.title}: {report.subtitle}" if report.subtitle else report.title


def citation_key(report):
    first = (report.author_names or report.publisher_names or ["norec"])[0]
    surname = re.sub(r"[^A-Za-z0-9]", "", first.split()[-1]) or "norec"
    word = re.sub(r"[^A-Za-z0-9]", "", (report.slug or "report").split("-")[0])
    return f"{surname.lower()}{report.publication_date.year}{word}"


def bibtex(report, url):
    """A @techreport entry; every value is escaped for LaTeX."""
    fields = [
        ("title", full_title(report)),
        ("author", " and ".join(surname_first(name) for name in report.author_names or [])),
        ("institution", " and ".join(report.publisher_names or [])),
        ("year", str(report.publication_date.year)),
        ("type", report.series.name if report.series else ""),
        ("number", report.series_number),
        ("isbn", report.isbn),
        ("doi", report.doi),
        ("url", url),
        ("note", report.launch_event),
    ]
    lines = [f"@techreport{{{citation_key(report)},"]
    for name, value in fields:
        if value:
            lines.append(f"  {name} = {{{bibtex_escape(value)}}},")
    lines.append(f"  month = {MONTHS[report.publication_date.month - 1]},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(report, url, pdf_url="", language=""):
    """A RIS record (TY RPRT); each value is on one line, so no value adds a tag."""
    date = report.publication_date
    rows = [("TY", "RPRT"), ("TI", full_title(report))]
    rows += [("AU", surname_first(name)) for name in report.author_names or []]
    rows += [("PB", name) for name in report.publisher_names or []]
    rows += [
        ("PY", str(date.year)),
        ("DA", date.strftime("%Y/%m/%d")),
        ("T3", report.series.name if report.series else ""),
        ("IS", report.series_number),
        ("SN", report.isbn),
        ("DO", report.doi),
        ("UR", url),
        ("L1", pdf_url),
        ("LA", language),
        ("AB", report.summary),
    ]
    lines = [f"{tag}  - {one_line(value)}" for tag, value in rows if one_line(value)]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def plain(report, url):
    """The 'cite this report' text: Authors (year). Title. Series. Publishers. DOI/URL."""
    authors = report.author_names or report.publisher_names or []
    parts = [f"{'; '.join(surname_first(n) for n in authors)} ({report.publication_date.year})."]
    parts.append(f"{full_title(report)}.")
    if report.series:
        number = f" {report.series_number}" if report.series_number else ""
        parts.append(f"{report.series.name}{number}.")
    if report.publisher_names:
        parts.append(f"{', '.join(report.publisher_names)}.")
    if report.isbn:
        parts.append(f"ISBN {report.isbn}.")
    parts.append(f"https://doi.org/{report.doi}" if report.doi else url)
    return " ".join(one_line(part) for part in parts)
