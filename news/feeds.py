"""RSS 2.0 and Atom feeds of the latest articles, one per language."""

from django.db.models import Prefetch
from django.utils.html import escape
from django.utils.translation import gettext as _

from norec_site.feeds import AtomFeedMixin, PublishableFeed

from .models import Article, ArticleAuthor


class ArticleFeed(PublishableFeed):
    model = Article
    index_url_name = "news:index"
    feed_url_name = "news:feed"
    guid_prefix = "news"

    def title(self):
        return _("Norec: news")

    def description(self):
        return _("News from Norec, the Norwegian Agency for Exchange Cooperation.")

    def get_queryset(self):
        bylines = ArticleAuthor.objects.select_related("person")
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("bylines", queryset=bylines), "topics")
        )

    def item_description(self, item):
        return escape(item.lead)

    def item_author_name(self, item):
        return ", ".join(byline.person.name for byline in item.bylines.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ArticleAtomFeed(AtomFeedMixin, ArticleFeed):
    feed_url_name = "news:feed_atom"
