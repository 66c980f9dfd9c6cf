from modeltranslation.translator import TranslationOptions, register

from .models import Report, ReportSeries


@register(Report)
class ReportTranslation(TranslationOptions):
    fields = ("title", "subtitle", "slug", "summary", "launch_event")
    # The page's language only: see MODELTRANSLATION_FALLBACK_LANGUAGES.
    fallback_languages = {"default": ()}


@register(ReportSeries)
class ReportSeriesTranslation(TranslationOptions):
    fields = ("name",)
