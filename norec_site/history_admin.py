"""The editors' history in the admin: revisions, compare, restore, and recover deleted items.

``HistoryAdmin`` goes before django-reversion's ``VersionAdmin`` in a content admin's
bases. It replaces reversion's revision, recover and history pages (which revert through
the change form, in field names) with pages in the editor's language, and restores
through ``norec_site.history.restore_revision``.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion import is_active, set_comment
from reversion.models import Version

from norec_site import history
from norec_site.history_display import changed_labels, compare, snapshot

HISTORY_LENGTH = 100


def who(revision):
    """The person behind a revision, or the site itself (demo content, scripts)."""
    user = revision.user
    if user is None:
        return _("the site (no user)")
    return user.get_full_name() or user.get_username()


def with_comment_field(form_class):
    """The admin's form with an optional comment that goes into the revision."""
    comment = forms.CharField(
        label=gettext_lazy("Comment on this change"),
        required=False,
        max_length=500,
        help_text=gettext_lazy(
            "Optional. Shown in the item's history, such as “Corrected the figures”."
        ),
        widget=forms.TextInput(attrs={"size": 80}),
    )
    return type(form_class.__name__, (form_class,), {"revision_comment": comment})


class HistoryAdmin:
    object_history_template = "admin/history/history.html"
    change_list_template = "admin/history/change_list.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = with_comment_field(self.form)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        may_save = self.has_change_permission(request, obj) if obj else True
        if not may_save:  # a read-only page has no form field to show
            return fieldsets
        return [*fieldsets, (_("Comment"), {"fields": ("revision_comment",)})]

    # Recording who, when and why ------------------------------------------------------

    def construct_change_message(self, request, form, formsets, add=False):
        request.revision_comment = form.cleaned_data.get("revision_comment", "")
        return super().construct_change_message(request, form, formsets, add)

    def _set_editor_comment(self, request):
        if is_active():  # the editor's words, never Django's list of field names
            set_comment(getattr(request, "revision_comment", ""))

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._set_editor_comment(request)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._set_editor_comment(request)
        return entry

    def delete_model(self, request, obj):
        with history.acting_as(request.user):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with history.acting_as(request.user):
            super().delete_queryset(request, queryset)

    # Pages ----------------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        own = [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="{}_{}_compare".format(*info),
            )
        ]
        return own + super().get_urls()

    def _url(self, name, *args):
        info = self.admin_site.name, self.opts.app_label, self.opts.model_name, name
        return reverse("{}:{}_{}_{}".format(*info), args=args)

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "object": obj,
            "title": title,
            "history_url": self._url("history", quote(obj.pk)) if obj else "",
            "change_url": self._url("change", quote(obj.pk)) if obj else "",
            **extra,
        }

    def _versions(self, object_id):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-pk")
        )

    def _item(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This item does not exist any more."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._item(request, object_id)
        versions = list(self._versions(obj.pk)[: HISTORY_LENGTH + 1])
        names = {}
        shots = [snapshot(version, names) for version in versions]
        entries = []
        for index, shot in enumerate(shots[:HISTORY_LENGTH]):
            older = shots[index + 1] if index + 1 < len(shots) else None
            changes = changed_labels(older, shot) if older else [_("First revision")]
            entries.append(
                {
                    "version": shot.version,
                    "revision": shot.revision,
                    "comment": history.comment_text(shot.revision),
                    "who": who(shot.revision),
                    "changes": changes or [_("No change to the content")],
                    "url": self._url("revision", quote(obj.pk), shot.version.pk),
                }
            )
        context = self._context(
            request,
            obj,
            _("History of “%(item)s”") % {"item": obj},
            entries=entries,
            compare_url=self._url("compare", quote(obj.pk)),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self._item(request, object_id)
        version = get_object_or_404(self._versions(obj.pk), pk=version_id)
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            return self._restore(
                request, version, self._url("revision", quote(obj.pk), version.pk)
            )
        when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
        context = self._context(
            request,
            obj,
            _("“%(item)s” as saved on %(date)s") % {"item": obj, "date": when},
            shot=snapshot(version),
            comment=history.comment_text(version.revision),
            can_restore=self.has_change_permission(request, obj),
        )
        return TemplateResponse(request, "admin/history/revision.html", context)

    def compare_view(self, request, object_id):
        obj = self._item(request, object_id)
        versions = self._versions(obj.pk)
        try:
            chosen = [int(request.GET[name]) for name in ("from", "to")]
        except (KeyError, ValueError):
            messages.warning(request, _("Choose two revisions to compare."))
            return redirect(self._url("history", quote(obj.pk)))
        older, newer = sorted(chosen)
        names = {}
        old = snapshot(get_object_or_404(versions, pk=older), names)
        new = snapshot(get_object_or_404(versions, pk=newer), names)
        sections = compare(old, new)
        only_changes = request.GET.get("only") == "changes"
        if only_changes:
            sections = [
                (name, code, [line for line in lines if line.changed])
                for name, code, lines in sections
                if any(line.changed for line in lines)
            ]
        toggle = request.GET.copy()
        if only_changes:
            del toggle["only"]
        else:
            toggle["only"] = "changes"
        context = self._context(
            request,
            obj,
            _("Compare revisions of “%(item)s”") % {"item": obj},
            old=old,
            new=new,
            sections=sections,
            only_changes=only_changes,
            toggle_url=f"?{toggle.urlencode()}",
            old_url=self._url("revision", quote(obj.pk), old.version.pk),
            new_url=self._url("revision", quote(obj.pk), new.version.pk),
        )
        return TemplateResponse(request, "admin/history/compare.html", context)

    def recoverlist_view(self, request, extra_context=None):
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        deleted = (
            Version.objects.get_deleted(self.model)
            .select_related("revision__user")
            .order_by("-revision__date_created")
        )
        context = self._context(
            request,
            None,
            _("Recover deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            deleted=[(version, self._url("recover", version.pk)) for version in deleted],
            changelist_url=self._url("changelist"),
        )
        return TemplateResponse(request, "admin/history/recover_list.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        if request.method == "POST":
            return self._restore(request, version, self._url("recoverlist"))
        context = self._context(
            request,
            None,
            _("Recover “%(item)s”") % {"item": version.object_repr},
            shot=snapshot(version),
            comment=history.comment_text(version.revision),
            can_restore=True,
            recover=True,
            changelist_url=self._url("recoverlist"),
        )
        return TemplateResponse(request, "admin/history/revision.html", context)

    def _restore(self, request, version, back_url):
        try:
            result = history.restore_revision(version, request.user)
        except history.RestoreError as error:
            messages.error(request, str(error))
            return redirect(back_url)
        when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
        if result.recovered:
            text = _("“%(item)s” was recovered from the revision of %(date)s.")
        else:
            text = _("“%(item)s” was restored to the revision of %(date)s.")
        if result.into_draft:
            text += " " + _(
                "It is published: the restored text is its draft until someone publishes it."
            )
        elif hasattr(result.obj, "status"):
            text += " " + _("It is a draft until someone publishes it.")
        messages.success(request, text % {"item": result.obj, "date": when})
        if result.left_out:
            messages.warning(
                request,
                _("Some of it could not be restored: %(list)s")
                % {"list": " ".join(str(line) for line in result.left_out)},
            )
        return redirect(self._url("change", quote(result.obj.pk)))
