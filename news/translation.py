from modeltranslation.translator import TranslationOptions, register

from .models import Article


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "seo_title", "seo_description", "image_caption")
    # The page's language only: see MODELTRANSLATION_FALLBACK_LANGUAGES.
    fallback_languages = {"default": ()}
