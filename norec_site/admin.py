"""Admin for the shared vocabulary, and the base every content admin builds on."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from norec_site.adminguards import (
    PickerValuesMixin,
    SaveErrorsAdminMixin,
    may_preview,
    visible_images,
)
from norec_site.conflicts import EditConflict, LockingAdminMixin, latest_version_pk
from norec_site.countries import country_name
from norec_site.csp import NonceMediaAdminMixin
from norec_site.drafts_admin import DraftsAdminMixin, state_with_draft
from norec_site.erasure import erase_personal_data
from norec_site.history_admin import HistoryAdmin
from norec_site.image_uploads import check_upload, store_image
from norec_site.image_usage import ImageUsageAdmin
from norec_site.languages import language_codes
from norec_site.models import (
    Image,
    Organisation,
    Person,
    ReviewEvent,
    SlugRedirect,
    Status,
    SustainableDevelopmentGoal,
    Topic,
)
from norec_site.presence import EditingAdmin
from norec_site.translation_admin import TranslationAdminMixin


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return (
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
            ("unpublished", _("Unpublished")),
        )

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if self.value() == "published":
            return queryset.published()
        if self.value() == "unpublished":
            return queryset.unpublished_by_time()
        return queryset


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in model_admin.language_choices()]

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.missing_language(self.value())
        return queryset


class PublishableAdminForm(forms.ModelForm):
    """Refuses to overwrite an item that someone else saved in the meantime.

    The admin locks the item's row before it reads it for a save (``get_object``), so the
    version compared here is the one the save writes over: check and write are one step.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The revision the editor opened, for the diff a refused save shows.
    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The version of the item's draft the editor opened (0: none); the admin says which
    # version is current in ``current_draft_version``.
    expected_draft = forms.IntegerField(widget=forms.HiddenInput, required=False)
    current_draft_version = 0
    current_draft = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edit_conflict = None
        self.fields["expected_version"].initial = self.instance.version
        self.fields["expected_draft"].initial = self.current_draft_version
        if self.instance.pk:
            self.fields["opened_revision"].initial = latest_version_pk(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        expected = cleaned.get("expected_version")
        if expected is None:
            raise forms.ValidationError(
                _(
                    "This save did not say which version of the item you opened, so it "
                    "could overwrite someone else's change. Reload the page and save again."
                ),
                code="no_version",
            )
        draft_seen = cleaned.get("expected_draft") or 0
        if expected != self.instance.version or draft_seen != self.current_draft_version:
            self._refuse_conflict(cleaned.get("opened_revision"))
        return cleaned

    def _refuse_conflict(self, opened_revision):
        draft = self.current_draft
        self.edit_conflict = EditConflict(
            item=self.instance,
            updated_by=draft.author if draft else self.instance.updated_by,
            updated_at=draft.updated_at if draft else self.instance.updated_at,
            opened_revision=opened_revision,
        )
        # The form comes back with the editor's input; saving it again after merging by
        # hand writes over the version they have now seen.
        self.data = self.data.copy()
        self.data[self.add_prefix("expected_version")] = self.instance.version
        self.data[self.add_prefix("expected_draft")] = self.current_draft_version
        self.data[self.add_prefix("opened_revision")] = latest_version_pk(self.instance) or ""
        raise forms.ValidationError(
            _(
                "Someone else saved this item while you were editing it. Your changes are "
                "still in the form: see below what the other person changed, merge it into "
                "your text and save again."
            ),
            code="edit_conflict",
        )


class PublishableAdmin(
    LockingAdminMixin,
    HistoryAdmin,
    EditingAdmin,
    TranslationAdminMixin,
    SaveErrorsAdminMixin,
    DraftsAdminMixin,
    PickerValuesMixin,
    NonceMediaAdminMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    """States, languages, publishing permission and edit conflicts for content."""

    form = PublishableAdminForm
    actions = ("publish", "unpublish")
    list_filter = (StateFilter, MissingTranslationFilter)
    date_hierarchy = "published_at"
    list_select_related = ("updated_by",)
    publishing_fields = ("status", "published_at", "unpublish_at")
    audit_fields = ("updated_at", "updated_by", "version")

    class Media:
        css = {"all": ("css/admin.css",)}
        js = ("admin/js/urlify.js", "js/slug-dashes.js")

    @staticmethod
    def language_choices():
        return settings.LANGUAGES

    def has_publish_permission(self, request, obj=None):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_queryset(self, request):
        # Those who may only view (e.g. to link to it) see, and pick, published items only.
        items = super().get_queryset(request)
        return items if may_preview(request.user, self.model) else items.published()

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj)) + self.audit_fields
        if not self.has_publish_permission(request, obj):
            fields += self.publishing_fields
        return fields

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("state"))
    def state(self, obj):
        return state_with_draft(obj)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        available = obj.available_languages()
        return format_html_join(
            " ",
            '<span class="lang-{}" title="{}">{}</span>',
            (
                ("yes" if code in available else "no", name, code if code in available else "–")
                for code, name in self.language_choices()
            ),
        )

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        if not obj.pk or not obj.available_languages():
            return "–"
        label = _("View") if obj.is_published() else _("Preview")
        return format_html('<a href="{}" target="_blank">{}</a>', obj.get_absolute_url(), label)

    @admin.action(description=_("Publish the selected items"), permissions=("publish",))
    def publish(self, request, queryset):
        count, expired = self.publish_pending_drafts(request, queryset), []
        for item in queryset.filter(status=Status.DRAFT):
            # Publishing it would say "published" and show nothing: its time is gone.
            if item.unpublish_at and item.unpublish_at <= timezone.now():
                expired.append(str(item))
                continue
            item.status = Status.PUBLISHED
            item.updated_by = request.user
            item.save()
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        if expired:
            self.message_user(
                request,
                _(
                    "Not published, because their unpublish time has passed: %(items)s. "
                    "Change or clear the unpublish time on the item's page first."
                )
                % {"items": ", ".join(expired)},
                messages.WARNING,
            )

    @admin.action(description=_("Unpublish the selected items"), permissions=("publish",))
    def unpublish(self, request, queryset):
        count = 0
        for item in queryset.filter(status=Status.PUBLISHED):
            item.status = Status.DRAFT
            item.updated_by = request.user
            item.save()
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )


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
