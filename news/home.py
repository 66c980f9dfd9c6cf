"""The news section of the home page."""

from django.utils.translation import get_language

from .models import Article


def home_news(language=None, count=6):
    """The newest featured article and the latest others, in ``language``.

    One query for the articles and one for their pictures: the newest featured
    article and the newest ``count + 1`` are fetched together, so that the
    latest list still has ``count`` once the featured one is taken out.
    The home page passes this as ``home_news`` to news/includes/home_news.html.
    """
    language = language or get_language()
    public = Article.objects.public(language)
    newest_featured = public.filter(featured=True).values("pk")[:1]
    newest = public.values("pk")[: count + 1]
    # A union of the two short lists, not an OR of two subqueries: PostgreSQL then looks
    # the few ids up instead of testing every public article against both.
    articles = list(
        public.filter(pk__in=newest_featured.union(newest, all=True))
        .shown_in(language)
        .select_related("image")
        .prefetch_related("image__renditions")
    )
    featured = next((article for article in articles if article.featured), None)
    latest = [article for article in articles if article is not featured]
    return {"featured": featured, "latest": latest[:count]}
