from modeltranslation.translator import TranslationOptions, register

from .models import Image, Person, SitePage, SiteSettings, SustainableDevelopmentGoal, Topic


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = {"nn": ("alt",)}
    # A caption shows only in its own language; alt text falls back with a lang
    # attribute (Image.alt_for).
    fallback_languages = {"default": ()}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("job_title",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalTranslation(TranslationOptions):
    fields = ("name",)


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "slug", "body", "path")
    # Content: the page's language only (see MODELTRANSLATION_FALLBACK_LANGUAGES).
    fallback_languages = {"default": ()}


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("home_heading", "home_text", "not_accessible")
    fallback_languages = {"default": ()}
