"""The news section of the home page."""

from django.utils import timezone
from django.utils.translation import get_language

from norec_site.compiled import NOW_STANDIN, compiled
from norec_site.models import with_renditions

from .models import Article


def home_news(language=None, count=6):
    """The newest featured article and the latest others, in ``language``.

    One query for the articles and their pictures' renditions: the newest featured
    article and the newest ``count + 1`` are fetched together, so that the
    latest list still has ``count`` once the featured one is taken out. The query is
    compiled once per language and count (norec_site.compiled).
    The home page passes this as ``home_news`` to news/includes/home_news.html.
    """
    language = language or get_language()
    query = compiled(("home news", language, count), lambda: home_news_query(language, count))
    articles = query.run(now=timezone.now())
    featured = next((article for article in articles if article.featured), None)
    latest = [article for article in articles if article is not featured]
    return {"featured": featured, "latest": latest[:count]}


def home_news_query(language, count, now=NOW_STANDIN):
    public = Article.objects.public(language, now=now)
    newest_featured = public.filter(featured=True).values("pk")[:1]
    newest = public.values("pk")[: count + 1]
    # A union of the two short lists, not an OR of two subqueries: PostgreSQL then looks
    # the few ids up instead of testing every public article against both.
    articles = public.filter(pk__in=newest_featured.union(newest, all=True)).shown_in(language)
    return with_renditions(articles, "image")
