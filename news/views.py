"""The public news pages: the list and the article."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import get_language

from norec_site.models import Topic, with_renditions
from norec_site.page_cache import fragment
from norec_site.templatetags.norec import share_image_url
from norec_site.views import PublishableDetailView, PublishableListView

from .models import Article, ArticleAuthor


def topics_in_use(language):
    """The topics of at least one public article in ``language``, by name."""
    in_use = Exists(Article.objects.public(language).filter(topics=OuterRef("pk")))
    return list(Topic.objects.filter(in_use).order_by("name"))


class ArticleListView(PublishableListView):
    """Newest first, 12 a page, optionally one topic (?topic=slug)."""

    model = Article
    template_name = "news/article_list.html"

    def get_queryset(self):
        queryset = with_renditions(super().get_queryset(), "image")
        self.topic_slug = self.request.GET.get("topic", "")
        if self.topic_slug:
            queryset = queryset.filter(topics__slug=self.topic_slug)
        return queryset

    def counted_from_figures(self):
        return not self.topic_slug

    def compiled_key(self):
        return None if self.topic_slug else ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        topics = fragment(self.request, ("news topics", language), lambda: topics_in_use(language))
        context["topics"] = topics
        context["topic"] = next((t for t in topics if t.slug == self.topic_slug), None)
        return context


class ArticleDetailView(PublishableDetailView):
    """The article with its byline, topics and links, in the page's language."""

    model = Article
    template_name = "news/article_detail.html"

    def get_queryset(self):
        articles = with_renditions(super().get_queryset(), "image")
        return articles.prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        others = [link for link in context["alternates"] if not link["current"]]
        context["other_languages"] = others
        context["related"] = self.object.related_public(get_language())
        image_url = share_image_url({"request": self.request}, self.object.share_image)
        context["structured_data"] = self.structured_data(image_url)
        return context

    def structured_data(self, image_url):
        """schema.org NewsArticle, for search engines."""
        article = self.object
        url = self.request.build_absolute_uri(article.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": article.meta_description,
            "inLanguage": get_language(),
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "dateModified": article.updated_at.isoformat(),
            "author": [
                {"@type": "Person", "name": byline.person.name} for byline in article.bylines.all()
            ]
            or [{"@type": "Organization", "name": "Norec"}],
            "publisher": {"@type": "Organization", "name": "Norec", "url": self.site_url()},
            "keywords": [topic.name for topic in article.topics.all()],
        }
        if article.published_at:
            data["datePublished"] = article.published_at.isoformat()
        if image_url:
            data["image"] = [image_url]
        return data

    def site_url(self):
        return self.request.build_absolute_uri("/")
