from modeltranslation.translator import TranslationOptions, register

from .models import Image, Person, SustainableDevelopmentGoal, Topic


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
