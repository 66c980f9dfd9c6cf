"""The base every content admin builds on: states, languages, publishing and edit conflicts."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from norec_site.adminguards import PickerValuesMixin, SaveErrorsAdminMixin, may_preview
from norec_site.conflicts import EditConflict, LockingAdminMixin, latest_version_pk
from norec_site.csp import NonceMediaAdminMixin
from norec_site.drafts_admin import DraftsAdminMixin, state_with_draft
from norec_site.history_admin import HistoryAdmin
from norec_site.languages import language_codes
from norec_site.models import Status
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


class OrderedPickInline(admin.TabularInline):
    """Rows that each pick one related object (found by search) and put it in order:
    set ``model`` and ``picked``, the name of the field that points to the object."""

    picked = None
    extra = 1

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.picked:
            cls.autocomplete_fields = (cls.picked,)
            cls.fields = (cls.picked, "position")


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
            else:
                self._save_in_status(request, item, Status.PUBLISHED)
                count += 1
        message = ngettext("%(count)d item published.", "%(count)d items published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
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
        published = list(queryset.filter(status=Status.PUBLISHED))
        for item in published:
            self._save_in_status(request, item, Status.DRAFT)
        count = len(published)
        message = ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @staticmethod
    def _save_in_status(request, item, status):
        """One save per item, so that each is a revision that says who did it."""
        item.status = status
        item.updated_by = request.user
        item.save()
        return 1
