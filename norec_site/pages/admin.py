"""Admin for site pages, the menus and the site settings (imported by norec_site.admin)."""

from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from norec_site.models import MenuItem, PageRedirect, SitePage, SiteSettings
from norec_site.publishable_admin import MissingTranslationFilter, PublishableAdmin, StateFilter


@admin.register(SitePage)
class SitePageAdmin(PublishableAdmin):
    list_display = (
        "title",
        "parent",
        "position",
        "languages",
        "state",
        "public_link",
        "updated_at",
    )
    list_filter = (StateFilter, MissingTranslationFilter, "parent")
    list_select_related = ("parent", "updated_by")
    search_fields = ("title_nn", "title_nb", "title_en")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("image", "parent")
    readonly_fields = ("public_link",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "body")}),
        (_("Picture"), {"fields": ("image",)}),
        (_("Place on the site"), {"fields": ("parent", "position")}),
        (
            _("Publishing"),
            {
                "fields": (
                    "status",
                    "published_at",
                    "public_link",
                    "updated_at",
                    "updated_by",
                    "version",
                    "expected_version",
                )
            },
        ),
    )


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    list_display = ("__str__", "menu", "language", "position", "page", "section")
    list_display_links = ("__str__",)
    list_editable = ("position",)
    list_filter = ("menu", "language")
    list_select_related = ("page",)
    autocomplete_fields = ("page",)
    fields = ("menu", "language", "page", "section", "position")


@admin.register(PageRedirect)
class PageRedirectAdmin(admin.ModelAdmin):
    list_display = ("__str__", "page", "created_at")
    list_filter = ("language",)
    search_fields = ("old_path",)

    def has_add_permission(self, request):
        return False


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    """One row: the list goes straight to its form."""

    # An address typed without its scheme is an https one (Django 6 will assume so too).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ("accessibility_page",)
    fieldsets = (
        (_("Home page"), {"fields": ("home_heading", "home_text")}),
        (
            _("Accessibility statement"),
            {
                "fields": (
                    "accessibility_page",
                    "uustatus_url",
                    "not_accessible",
                    "feedback_email",
                    "last_reviewed",
                )
            },
        ),
    )

    def changelist_view(self, request, extra_context=None):
        settings_row = SiteSettings.load()
        return redirect(reverse("admin:norec_site_sitesettings_change", args=[settings_row.pk]))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
