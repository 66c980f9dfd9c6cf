"""News articles: written by communications staff, usually in Nynorsk first."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from norec_site import revisions
from norec_site.models import (
    Image,
    Ordered,
    Publishable,
    library_image,
    public_indexes,
    rich_text,
    slug_field,
)
from norec_site.registry import Content, HomeList
from norec_site.search import search_indexes, search_vector_field

SEARCH_WEIGHTS = {"A": ["title"], "B": ["lead"], "C": ["body"]}
# Written in a language when each of these is: what a public page in it needs.
LANGUAGE_FIELDS = ("title", "lead", "body")


@revisions.register(follow=("bylines",))
class Article(Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = slug_field()
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("The introduction: one or two sentences shown in lists, feeds and searches."),
    )
    body = rich_text(_("body"))
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("Shown in search results and browser tabs. Leave empty to use the title."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=160,
        blank=True,
        help_text=_("Shown under the title in search results. Leave empty to use the lead."),
    )
    image = library_image(_("main image"), limit_choices_to=Image.PICTURES_ONLY)
    image_caption = models.CharField(
        _("image caption"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the caption from the media library."),
    )
    authors = models.ManyToManyField(
        "norec_site.Person",
        verbose_name=_("authors"),
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
    )
    topics = models.ManyToManyField(
        "norec_site.Topic", verbose_name=_("topics"), related_name="articles", blank=True
    )
    related_reports = models.ManyToManyField(
        "reports.Report", verbose_name=_("related reports"), related_name="articles", blank=True
    )
    related_projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("related projects"), related_name="articles", blank=True
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show it at the top of the home page.")
    )
    search_nn = search_vector_field("nn", SEARCH_WEIGHTS)
    search_nb = search_vector_field("nb", SEARCH_WEIGHTS)
    search_en = search_vector_field("en", SEARCH_WEIGHTS)

    language_fields = LANGUAGE_FIELDS
    rich_text_fields = ("body",)
    url_name = "news:detail"
    content = Content(
        key="news",
        label=_("News"),
        plural=_("News"),
        position=10,
        snippet_fields=("lead", "body"),
        home=HomeList(
            "news/includes/home_news.html", "home_news", count=6, items="news.home.home_news"
        ),
        index_url_name="news:index",
        feed_url_name="news:feed",
    )
    demo_module = "news.demo"

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = Publishable.slug_constraints("news_article")
        indexes = [
            *Publishable.Meta.indexes,
            *search_indexes("news_article"),
            *public_indexes("news_article", LANGUAGE_FIELDS, ["-published_at"]),
            # The home page's newest featured article, however few are featured.
            models.Index(
                fields=["-published_at"],
                condition=Q(featured=True),
                name="article_featured_newest",
            ),
        ]

    # Articles and pictures have no fallback language (see their translation
    # options): each of these is in the page's language or empty.

    @property
    def caption(self):
        """The article's own caption, or the image's from the media library."""
        return self.image_caption or (self.image.caption if self.image else "")

    @property
    def meta_title(self):
        return self.seo_title or self.title

    @property
    def meta_description(self):
        return self.seo_description or self.lead

    @property
    def share_image(self):
        return self.image


@revisions.register()
class ArticleAuthor(Ordered):
    """A person in an article's byline, in order, with what they did."""

    class Role(models.TextChoices):
        TEXT = "text", _("Text")
        PHOTO = "photo", _("Photo")
        INTERVIEW = "interview", _("Interview")
        TRANSLATION = "translation", _("Translation")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        "norec_site.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="article_bylines",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"], name="news_articleauthor_unique"
            )
        ]

    def __str__(self):
        role = self.get_role_display()
        return f"{self.person} ({role})" if role else str(self.person)

    @property
    def job_title(self):
        """The person's job title in the page's language, if it is written in it."""
        return getattr(self.person, f"job_title_{get_language()}", None) or ""
