from modeltranslation.translator import TranslationOptions, register

from .models import Project


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "description")
    # The page's language only: see MODELTRANSLATION_FALLBACK_LANGUAGES.
    fallback_languages = {"default": ()}
