"""Admin for the shared vocabulary: pictures, organisations, people, topics, SDGs, redirects.

The base every content admin builds on is in ``norec_site.publishable_admin``.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from norec_site.adminguards import PickerValuesMixin, SaveErrorsAdminMixin, visible_images
from norec_site.countries import country_name
from norec_site.erasure import erase_personal_data
from norec_site.history_admin import HistoryAdmin
from norec_site.image_uploads import check_upload, store_image
from norec_site.image_usage import ImageUsageAdmin
from norec_site.models import (
    Image,
    Organisation,
    Person,
    ReviewEvent,
    SlugRedirect,
    SustainableDevelopmentGoal,
    Topic,
)
from norec_site.presence import EditingAdmin


class ImageAdminForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ("file", "alt", "caption", "credit", "focal_x", "focal_y")
        # Our own check reads the content and says what to do; Django's says less.
        field_classes = {"file": forms.FileField}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
        return upload


@admin.register(Image)
class ImageAdmin(
    HistoryAdmin,
    EditingAdmin,
    SaveErrorsAdminMixin,
    ImageUsageAdmin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    form = ImageAdminForm
    list_display = ("thumbnail", "alt", "credit", "kind", "dimensions", "created_at")
    list_filter = ("kind",)
    search_fields = ("alt_nn", "alt_nb", "alt_en", "caption_nn", "credit")
    readonly_fields = ("preview", "dimensions", "kind", "uploaded_by", "created_at", "used_in")
    fields = (
        "file",
        "preview",
        "alt",
        "caption",
        "credit",
        ("focal_x", "focal_y"),
        "dimensions",
        "kind",
        "uploaded_by",
        "created_at",
        "used_in",
    )

    class Media:
        js = ("js/focal-point.js",)

    def get_queryset(self, request):
        # Also what the autocomplete and raw-id pickers list: no covers of hidden drafts.
        images = super().get_queryset(request).prefetch_related("renditions")
        return visible_images(images, request.user)

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file") if "file" in form.changed_data else None
        store_image(obj, upload=upload, user=request.user)

    @admin.display(description=_("size"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj.width else "–"

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        renditions = obj.renditions_for("1x1")
        if not renditions:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="60" height="60" loading="lazy">', renditions[0].file.url
        )

    @admin.display(description=_("preview"))
    def preview(self, obj):
        renditions = obj.renditions_for("")
        if not renditions:
            return _("Saved pictures show here; click on one to set its focal point.")
        middle = renditions[min(1, len(renditions) - 1)]
        return format_html(
            '<img class="focal-point-picker" src="{}" alt="" width="{}" height="{}">',
            middle.file.url,
            middle.width,
            middle.height,
        )


@admin.register(Organisation)
class OrganisationAdmin(PickerValuesMixin, admin.ModelAdmin):
    # An address typed without its scheme is an https one (Django 6 will assume so too).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "short_name", "country_display", "kind")
    list_filter = ("kind", "country")
    search_fields = ("name", "short_name")
    autocomplete_fields = ("logo",)

    @admin.display(description=_("country"), ordering="country")
    def country_display(self, obj):
        return country_name(obj.country) if obj.country else "–"


@admin.register(Person)
class PersonAdmin(PickerValuesMixin, TabbedTranslationAdmin):
    list_display = ("name", "job_title", "organisation")
    search_fields = ("name", "job_title_nn", "job_title_en")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation", "photo")
    actions = (erase_personal_data,)


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_nn", "name_nb", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_nn",)}


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(TabbedTranslationAdmin):
    list_display = ("number", "name", "colour")
    search_fields = ("name_nn", "name_nb", "name_en")
    readonly_fields = ("number", "colour")  # the UN colour, as a class in site.css

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "language", "content_type", "object_id", "created_at")
    list_filter = ("language", "content_type")
    search_fields = ("old_slug",)


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    """Who submitted, sent back, approved and published what, and when: read only."""

    list_display = ("at", "action", "actor", "content_type", "object_id", "comment")
    list_filter = ("action", "content_type")
    list_select_related = ("actor", "content_type")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


from norec_site.pages import admin as pages_admin  # noqa: E402, F401  (site pages, menus, settings)
