from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import admin
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from norec_site.publishable_admin import MissingTranslationFilter, PublishableAdmin, StateFilter

from .models import Article, ArticleAuthor


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    fields = ("person", "role", "position")
    autocomplete_fields = ("person",)
    extra = 0


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = (
        "title",
        "languages",
        "state",
        "publication_time",
        "featured",
        "public_link",
        "updated_at",
        "updated_by",
    )
    list_filter = (StateFilter, MissingTranslationFilter, "topics", "authors", "featured")
    search_fields = ("title_nn", "title_nb", "title_en")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("image", "topics", "related_reports", "related_projects")
    readonly_fields = ("public_link",)
    inlines = (ArticleAuthorInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body")}),
        (_("Picture"), {"fields": ("image", "image_caption")}),
        (_("Links"), {"fields": ("topics", "related_reports", "related_projects")}),
        (_("Search engines and sharing"), {"fields": ("seo_title", "seo_description")}),
        (
            _("Publishing"),
            {
                "fields": (
                    "status",
                    "published_at",
                    "unpublish_at",
                    "featured",
                    "public_link",
                    "updated_at",
                    "updated_by",
                    "version",
                    "expected_version",
                )
            },
        ),
    )

    @admin.display(description=_("publication time (Oslo)"), ordering="published_at")
    def publication_time(self, obj):
        if obj.published_at is None:
            return "–"
        local = timezone.localtime(obj.published_at, timezone=ZoneInfo(settings.TIME_ZONE))
        return formats.date_format(local, "SHORT_DATETIME_FORMAT")
