from modeltranslation.translator import TranslationOptions, register

from .models import Report, ReportSeries


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = ("title", "subtitle", "slug", "summary", "launch_event")


@register(ReportSeries)
class ReportSeriesTranslation(TranslationOptions):
    fields = ("name",)
