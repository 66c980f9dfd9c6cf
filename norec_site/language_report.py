"""The language report that språklova § 10 asks for: Nynorsk and Bokmål shares per year.

A text is an item published in a written form and complete in it (as
``in_language``), counted in the year of its ``published_at``; an item in both
forms counts in both. Its length is the characters of its text fields with the
markup removed. A share is that form's count (or length) over Nynorsk plus
Bokmål. Items only in English are counted apart.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from norec_site.csvsafe import SafeWriter
from norec_site.registry import content_models
from norec_site.translation_status import text_fields

FORMS = ("nn", "nb")
MINIMUM_SHARE = 25


@dataclass
class Row:
    year: int
    content_type: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(FORMS, 0))
    lengths: dict = field(default_factory=lambda: dict.fromkeys(FORMS, 0))
    english_only: int = 0

    def share(self, language, by="counts"):
        values = getattr(self, by)
        total = sum(values.values())
        return round(100 * values[language] / total, 1) if total else None

    @property
    def forms(self):
        """Per written form, what the report page shows."""
        return [
            {
                "code": code,
                "count": self.counts[code],
                "share": self.share(code),
                "length": self.lengths[code],
                "length_share": self.share(code, "lengths"),
            }
            for code in FORMS
        ]

    def below_minimum(self):
        return any(
            share is not None and share < MINIMUM_SHARE
            for language in FORMS
            for share in (self.share(language), self.share(language, "lengths"))
        )


def _count_model(model, rows):
    names = model.content.text_fields or text_fields(model)
    columns = [f"{name}_{code}" for name in names for code in ("nn", "nb", "en")]
    required = [f"{name}_{code}" for name in model.language_fields for code in ("nn", "nb", "en")]
    label = str(capfirst(model._meta.verbose_name_plural))
    for values in model._default_manager.published().values(
        "published_at", *dict.fromkeys(columns + required)
    ):
        year = timezone.localtime(values["published_at"]).year
        row = rows.setdefault((year, label), Row(year, label))
        complete = {
            code
            for code in ("nn", "nb", "en")
            if all(values[f"{name}_{code}"] for name in model.language_fields)
        }
        for code in FORMS:
            if code in complete:
                row.counts[code] += 1
                row.lengths[code] += sum(
                    len(strip_tags(values[f"{name}_{code}"] or "")) for name in names
                )
        if complete == {"en"}:
            row.english_only += 1


def report_rows():
    """Rows per year (newest first) and content type, with a total row for each year."""
    rows = {}
    for model in content_models():
        _count_model(model, rows)
    by_year = defaultdict(list)
    for row in rows.values():
        by_year[row.year].append(row)
    result = []
    for year in sorted(by_year, reverse=True):
        year_rows = sorted(by_year[year], key=lambda row: row.content_type)
        total = Row(year, _("All content"))
        for row in year_rows:
            for code in FORMS:
                total.counts[code] += row.counts[code]
                total.lengths[code] += row.lengths[code]
            total.english_only += row.english_only
        result += [*year_rows, total]
    return result


def csv_header():
    return [
        capfirst(_("year")),
        capfirst(_("content type")),
        _("Nynorsk texts"),
        _("Nynorsk share (%)"),
        _("Nynorsk length (characters)"),
        _("Bokmål texts"),
        _("Bokmål share (%)"),
        _("Bokmål length (characters)"),
        _("English only"),
    ]


def csv_row(row):
    def percent(value):
        return "" if value is None else f"{value:.1f}"

    return [
        row.year,
        row.content_type,
        row.counts["nn"],
        percent(row.share("nn")),
        row.lengths["nn"],
        row.counts["nb"],
        percent(row.share("nb")),
        row.lengths["nb"],
        row.english_only,
    ]


def language_report(request):
    rows = report_rows()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="language-report.csv"'
        writer = SafeWriter(response)
        writer.writerow(csv_header())
        writer.writerows(csv_row(row) for row in rows)
        return response
    from django.contrib import admin

    context = {
        **admin.site.each_context(request),
        "title": _("Language report"),
        "rows": rows,
        "minimum_share": MINIMUM_SHARE,
    }
    return TemplateResponse(request, "admin/norec_site/language_report.html", context)
