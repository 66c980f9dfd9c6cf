"""Report administration: the report with its PDF files, publishers and authors inline."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from norec_site.adminguards import PickerValuesMixin
from norec_site.limits import form_limit
from norec_site.publishable_admin import OrderedPickInline, PublishableAdmin
from reports.models import (
    Report,
    ReportAuthor,
    ReportFile,
    ReportPublisher,
    ReportSeries,
    file_language_choices,
)
from reports.pdf import check_pdf
from reports.services import (
    delete_report_file,
    duplicate_error,
    duplicate_of,
    upload_report_file,
)


class ReportFileForm(forms.ModelForm):
    """A PDF upload, checked by content while the form is validated."""

    upload = forms.FileField(
        label=_("PDF file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=_("The report as a PDF. Choose a new file to replace the current one."),
    )

    language = forms.ChoiceField(label=_("language"), choices=file_language_choices)

    class Meta:
        model = ReportFile
        fields = ("language",)

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            if not self.instance.pk and self.has_changed():
                raise ValidationError(_("Choose the PDF file for this language."))
            return upload
        info = check_pdf(upload)
        existing = duplicate_of(info.sha256, exclude_pk=self.instance.pk)
        if existing:
            raise duplicate_error(existing)
        self.sha256 = info.sha256
        return upload


class ReportFileFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            digest = getattr(form, "sha256", None)
            if digest and digest in seen:
                form.add_error(
                    "upload", _("You chose the same PDF twice; each language needs its own file.")
                )
            seen.add(digest)


class ReportFileInline(admin.TabularInline):
    model = ReportFile
    form = ReportFileForm
    formset = ReportFileFormSet
    extra = 1
    fields = ("language", "upload", "current", "pages", "file_size", "downloads", "cover_thumb")
    readonly_fields = ("current", "pages", "file_size", "downloads", "cover_thumb")
    verbose_name = _("PDF file")
    verbose_name_plural = _("PDF files")

    @admin.display(description=_("current file"))
    def current(self, obj):
        if not obj.pk:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.filename)

    @admin.display(description=_("size"))
    def file_size(self, obj):
        return filesizeformat(obj.size) if obj.pk else "–"

    @admin.display(description=_("cover"))
    def cover_thumb(self, obj):
        renditions = obj.cover.renditions_for("") if obj.pk and obj.cover else []
        if not renditions:
            return "–"
        return format_html('<img src="{}" alt="" width="80">', renditions[0].file.url)


class ReportPublisherInline(OrderedPickInline):
    model = ReportPublisher
    picked = "organisation"


class ReportAuthorInline(OrderedPickInline):
    model = ReportAuthor
    picked = "person"


@admin.register(Report)
class ReportAdmin(PublishableAdmin):
    list_display = (
        "title",
        "series",
        "publication_date",
        "state",
        "languages",
        "downloads",
        "public_link",
    )
    list_filter = (*PublishableAdmin.list_filter, "series", "sdgs")
    list_select_related = ("series", "updated_by")
    search_fields = ("title_nn", "title_nb", "title_en", "isbn", "doi")
    autocomplete_fields = ("series", "cover", "topics")
    filter_horizontal = ("sdgs",)
    inlines = (ReportFileInline, ReportAuthorInline, ReportPublisherInline)
    fieldsets = (
        (None, {"fields": ("title", "subtitle", "slug", "summary")}),
        (
            _("Publication"),
            {
                "fields": (
                    ("series", "series_number"),
                    "publication_date",
                    ("launch_event", "launch_place", "launch_date"),
                    ("isbn", "doi"),
                    "cover",
                )
            },
        ),
        (_("Subjects"), {"fields": ("sdgs", "topics")}),
        (_("Publishing"), {"fields": PublishableAdmin.publishing_fields}),
        (_("History"), {"fields": ("updated_at", "updated_by", "version", "expected_version")}),
    )

    class Media:
        js = ("js/reports-upload-progress.js",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total_downloads=Sum("files__downloads"))

    def render_change_form(self, request, context, *args, **kwargs):
        context["upload_max_bytes"] = form_limit(Report)  # the upload script checks it first
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("downloads"), ordering="total_downloads")
    def downloads(self, obj):
        return obj.total_downloads or 0

    def save_formset(self, request, form, formset, change):
        if formset.model is not ReportFile:
            return super().save_formset(request, form, formset, change)
        report = form.instance
        for inline in formset.forms:
            instance = inline.instance
            if formset.can_delete and formset._should_delete_form(inline):
                if instance.pk:
                    delete_report_file(instance)
                continue
            upload = inline.cleaned_data.get("upload")
            if upload:
                upload_report_file(
                    report=report,
                    language=inline.cleaned_data["language"],
                    upload=upload,
                    report_file=instance if instance.pk else None,
                )
            elif instance.pk and inline.has_changed():
                inline.save()
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        return None

    def get_deleted_objects(self, objs, request):
        """Refuse to delete a report that other content links to, and say which."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for report in objs:
            for item in report.linked_from():
                opts = item._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a> ({})',
                        capfirst(opts.verbose_name),
                        url,
                        item,
                        _("links to “%(report)s”") % {"report": report},
                    )
                )
        return deleted, counts, perms_needed, protected


@admin.register(ReportSeries)
class ReportSeriesAdmin(PickerValuesMixin, TabbedTranslationAdmin):
    list_display = ("name", "publisher", "slug")
    list_select_related = ("publisher",)
    search_fields = ("name_nn", "name_nb", "name_en", "slug")
    autocomplete_fields = ("publisher",)
    prepopulated_fields = {"slug": ("name_en",)}
