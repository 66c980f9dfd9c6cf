"""The report library, report pages, downloads and citations."""

import re

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from norec_site.languages import own_language_first
from norec_site.login import client_ip
from norec_site.models import SustainableDevelopmentGoal, Topic
from norec_site.page_cache import fragment
from norec_site.views import PublishableDetailView, PublishableListView, can_preview
from reports import citations
from reports.models import Report, ReportFile, ReportSeries, language_name
from reports.services import count_download


class ReportListView(PublishableListView):
    """The library: newest first, narrowed by series, year, file language, SDG and topic."""

    model = Report
    template_name = "reports/report_list.html"

    def get_filters(self):
        query = self.request.GET
        filters = {}
        for name in ("series", "language", "topic"):
            if query.get(name):
                filters[name] = query[name][:100]
        for name, low, high in (("year", 1900, 2200), ("sdg", 1, 17)):
            value = query.get(name, "")
            if re.fullmatch(r"[0-9]{1,4}", value) and low <= int(value) <= high:
                filters[name] = int(value)
        return filters

    def get_queryset(self):
        reports = super().get_queryset().for_cards()
        filters = self.filters = self.get_filters()
        if "series" in filters:
            reports = reports.filter(series__slug=filters["series"])
        if "year" in filters:
            reports = reports.filter(publication_date__year=filters["year"])
        if "language" in filters:
            files = ReportFile.objects.filter(report=OuterRef("pk"), language=filters["language"])
            reports = reports.filter(Exists(files))
        if "sdg" in filters:
            reports = reports.filter(sdgs__number=filters["sdg"])
        if "topic" in filters:
            reports = reports.filter(topics__slug=filters["topic"])
        return reports

    def counted_from_figures(self):
        return False  # counted with the filters' options

    def compiled_key(self):
        return None if self.filters else ()

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = self.options["total"]
        return paginator

    def get_context_data(self, **kwargs):
        language = get_language()
        if self.filters:  # the count depends on them: made for this request
            shown = Q(pk__in=self.object_list.values("pk"))
            self.options = library_options(language, shown)
        else:
            key = ("report library", language)
            self.options = fragment(self.request, key, lambda: library_options(language))
        return {**super().get_context_data(**kwargs), **self.options, "filters": self.filters}


def library_options(language, shown=None):
    """What the library's filters offer in ``language``, and how many reports are
    ``shown`` (all, by default). Unfiltered, every request asks the same until content
    changes, so the view keeps it per content version (norec_site.page_cache.fragment)."""
    public = Report.objects.public(language)
    # The count, years and file languages in one query: reports joined to their few files.
    found = public.order_by().aggregate(
        total=Count("pk", distinct=True, filter=shown),
        years=ArrayAgg(ExtractYear("publication_date"), distinct=True, default=[]),
        languages=ArrayAgg(
            "files__language", distinct=True, filter=Q(files__isnull=False), default=[]
        ),
    )
    return {
        "total": found["total"],
        "series_options": list(ReportSeries.objects.filter(reports__in=public).distinct()),
        "year_options": sorted(found["years"], reverse=True),
        "language_options": [
            (code, language_name(code)) for code in own_language_first(sorted(found["languages"]))
        ],
        "sdg_options": list(SustainableDevelopmentGoal.objects.all()),
        "topic_options": list(Topic.objects.filter(reports__in=public).distinct()),
    }


class ReportDetailView(PublishableDetailView):
    model = Report
    template_name = "reports/report_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        language = get_language()
        url = self.request.build_absolute_uri(report.get_absolute_url())
        files = sorted(report.files.all(), key=lambda f: f.language != language)
        main_file = report.file_for(language)
        context.update(
            files=files,
            main_file=main_file,
            pdf_url=self.request.build_absolute_uri(main_file.get_absolute_url())
            if main_file
            else "",
            page_url=url,
            citation=citations.plain(report, url),
            related=report.related_public(language, limit=6),
            json_ld=json_ld(report, url, self.request, files),
        )
        return context


def json_ld(report, url, request, files):
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": report.title,
        "url": url,
        "datePublished": report.publication_date.isoformat(),
        "inLanguage": [f.language for f in files] or get_language(),
        "author": [{"@type": "Person", "name": name} for name in report.author_names or []],
        "publisher": [
            {"@type": "Organization", "name": name} for name in report.publisher_names or []
        ],
        "description": Truncator(strip_tags(report.summary)).words(60),
        "encoding": [
            {
                "@type": "MediaObject",
                "encodingFormat": "application/pdf",
                "contentUrl": request.build_absolute_uri(f.get_absolute_url()),
                "contentSize": f"{f.size} B",
                "inLanguage": f.language,
            }
            for f in files
        ],
    }
    if report.subtitle:
        data["alternativeHeadline"] = report.subtitle
    if report.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": report.series.name}
    if report.series_number:
        data["reportNumber"] = report.series_number
    if report.isbn:
        data["isbn"] = report.isbn
    if report.doi:
        data["identifier"] = f"https://doi.org/{report.doi}"
    if report.cover:
        renditions = report.cover.renditions_for("")
        if renditions:
            data["image"] = request.build_absolute_uri(renditions[-1].file.url)
    return data


def download(request, pk, filename):
    """A report's PDF, only when the report is published (editors may preview)."""
    preview = can_preview(request, Report)
    files = ReportFile.objects.select_related("report")
    report_file = get_object_or_404(files, pk=pk)
    public = report_file.report.is_published()
    if not public and not preview:
        raise Http404
    if filename != report_file.filename:
        return redirect(report_file.get_absolute_url(), permanent=True)
    if public and request.method == "GET":
        count_download(report_file, request.headers.get("User-Agent", ""), client_ip(request))
    response = _pdf_response(request, report_file)
    if not public or isinstance(response, HttpResponseRedirect):
        # A signed address expires: no cache may keep the redirect to it.
        add_never_cache_headers(response)
    return response


def _pdf_response(request, report_file):
    """The PDF itself from disk, or a redirect to a short-lived signed address on S3.

    On S3 the bucket sends the bytes, so a slow reader of a 100 MB file never holds
    an app worker; the signed address carries the type and file name.
    """
    storage, name, filename = report_file.file.storage, report_file.file.name, report_file.filename
    headers = {
        "Content-Disposition": f'inline; filename="{filename}"',
        "X-Content-Type-Options": "nosniff",
    }
    if request.method == "HEAD":
        response = HttpResponse(content_type="application/pdf", headers=headers)
        response["Content-Length"] = report_file.size
        return response
    url = storage.download_url(name, filename=filename)
    if url:
        return HttpResponseRedirect(url)
    response = FileResponse(storage.open(name, "rb"), content_type="application/pdf")
    for header, value in headers.items():
        response[header] = value
    response["Content-Length"] = report_file.size
    return response


def _published_report(slug):
    reports = Report.objects.published().for_page()
    return get_object_or_404(reports, **{f"slug_{get_language()}": slug})


def bibtex(request, slug):
    report = _published_report(slug)
    url = request.build_absolute_uri(report.get_absolute_url())
    response = HttpResponse(
        citations.bibtex(report, url), content_type="application/x-bibtex; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{report.slug}.bib"'
    return response


def ris(request, slug):
    report = _published_report(slug)
    url = request.build_absolute_uri(report.get_absolute_url())
    main_file = report.file_for(get_language())
    pdf_url = request.build_absolute_uri(main_file.get_absolute_url()) if main_file else ""
    body = citations.ris(report, url, pdf_url, main_file.language if main_file else "")
    response = HttpResponse(
        body, content_type="application/x-research-info-systems; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{report.slug}.ris"'
    return response
