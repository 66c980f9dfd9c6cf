"""The news section of the home page."""

from django.utils.translation import get_language

from .models import Article


def home_news(language=None, count=6):
    """The newest featured article and the latest others, in ``language``.

    The home page passes this as ``home_news`` to news/includes/home_news.html.
    """
    articles = (
        Article.objects.public(language or get_language())
        .select_related("image")
        .prefetch_related("image__renditions")
    )
    featured = articles.filter(featured=True).first()
    if featured:
        articles = articles.exclude(pk=featured.pk)
    return {"featured": featured, "latest": list(articles[:count])}
