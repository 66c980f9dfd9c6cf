"""RSS 2.0 and Atom feeds of the latest articles, one per language."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Article, ArticleAuthor


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "news:feed"
    # Atom needs an author for entries without a byline.
    author_name = "Norec"

    def title(self):
        return _("Norec: news")

    def description(self):
        return _("News from Norec, the Norwegian Agency for Exchange Cooperation.")

    def link(self):
        return reverse("news:index")

    def feed_url(self):
        return reverse(self.url_name)

    def items(self):
        bylines = ArticleAuthor.objects.select_related("person")
        return (
            Article.objects.public(get_language())
            .prefetch_related(Prefetch("bylines", queryset=bylines), "topics")
            .order_by("-published_at")[:20]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat the summary as HTML: the lead is plain text.
        return escape(item.lead)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        """Stays the same when an editor changes the slug."""
        return f"urn:norec:news:{item.pk}:{get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(byline.person.name for byline in item.bylines.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    url_name = "news:atom"

    def subtitle(self):
        return self.description()
