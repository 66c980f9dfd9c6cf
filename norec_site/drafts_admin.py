"""The change form of content with drafts: save a draft, show it, publish it, discard it.

A published item's change page shows its draft, applied for the length of the request
and rolled back. Saving it without "Save and publish" (always, for a user who may not
publish) runs the admin's whole save (form, choices, inline rows, uploads) in a
savepoint, keeps what it wrote as the item's draft and rolls the savepoint back.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from reversion.revisions import _stack as _revision_stack

from norec_site import drafts
from norec_site.conflicts import lock_row
from norec_site.models import Draft


def _render(response):
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response


class DraftsAdminMixin:
    """Goes after ``SaveErrorsAdminMixin`` and before reversion's ``VersionAdmin``."""

    def get_queryset(self, request):
        drafts_of_model = Draft.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(has_draft=Exists(drafts_of_model))

    def _live(self, object_id):
        try:
            return self.model._default_manager.filter(pk=unquote(str(object_id))).first()
        except (ValueError, ValidationError):
            return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        live = self._live(object_id) if object_id else None
        if live is None or not self.has_change_permission(request, live):
            return super().changeform_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and "_discard" in request.POST:
            return self._discard(request, live)
        if request.method != "POST":
            request.norec_draft = drafts.draft_for(live)
            with drafts.showing_draft(live, request.user):
                return _render(
                    super().changeform_view(request, object_id, form_url, extra_context)
                )
        return self._save(request, live, object_id, form_url, extra_context)

    def _save(self, request, live, object_id, form_url, extra_context):
        publishing = "_publish" in request.POST and self.has_publish_permission(request, live)
        with transaction.atomic():
            lock_row(self.model, live.pk)
            live = self.model._default_manager.get(pk=live.pk)
            draft = request.norec_draft = drafts.draft_for(live)
            keep_as_draft = request.norec_keep_as_draft = drafts.is_live(live) and not publishing
            request.norec_publishing = publishing
            savepoint = transaction.savepoint()
            token = _revision_stack.set([]) if keep_as_draft else None
            try:
                with drafts.drafting():
                    if draft is not None and draft.revision_id:
                        with drafts.unrecorded():
                            drafts.apply_revision(live, draft.revision, draft.author)
                    response = _render(
                        super().changeform_view(request, object_id, form_url, extra_context)
                    )
                    saved = isinstance(response, HttpResponseRedirect)
                    versions = drafts.serialise(live) if saved and keep_as_draft else None
            except BaseException:
                transaction.savepoint_rollback(savepoint)
                raise
            finally:
                if token is not None:
                    _revision_stack.reset(token)
            if keep_as_draft or not saved:
                transaction.savepoint_rollback(savepoint)
            else:
                transaction.savepoint_commit(savepoint)
            if saved and keep_as_draft:
                drafts.store_draft(
                    live, versions, request.user, request.POST.get("revision_comment", "")
                )
                if getattr(request, "norec_publishing_changed", False):
                    messages.warning(
                        request,
                        _(
                            "The status, publication and unpublish times of a published item "
                            "change only with “Save and publish”; the draft kept the live ones."
                        ),
                    )
            elif saved and draft is not None and (publishing or draft.revision_id):
                draft.delete()  # applied with the form: the draft is in it now
            if saved and "_submit_review" in request.POST:
                self._submit(request, live)
        return response

    def _submit(self, request, live):
        from norec_site.review import ReviewError, submit_for_review

        try:
            submit_for_review(live, request.user)
        except ReviewError as error:
            messages.error(request, str(error))
            return
        messages.success(
            request,
            _(
                "“%(item)s” is submitted for review; you will hear when it is approved "
                "or sent back."
            )
            % {"item": live},
        )

    def _discard(self, request, live):
        if drafts.discard_draft(live):
            messages.success(
                request,
                _("The unpublished changes to “%(item)s” were discarded; it is as published.")
                % {"item": live},
            )
        return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        if getattr(request, "norec_publishing", False):
            obj.status = drafts.Status.PUBLISHED
        if getattr(request, "norec_keep_as_draft", False):
            fields = getattr(self, "publishing_fields", ())
            request.norec_publishing_changed = bool(set(form.changed_data) & set(fields))
        super().save_model(request, obj, form, change)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "norec_keep_as_draft", False) and level == messages.SUCCESS:
            message = _(
                "Your changes are saved as a draft. The public page is unchanged until "
                "someone who may publish publishes them."
            )
        return super().message_user(request, message, level, *args, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        draft = getattr(request, "norec_draft", None)
        current = draft.version if draft is not None else 0
        attributes = {"current_draft_version": current, "current_draft": draft}
        return type(form.__name__, (form,), attributes)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        draft = getattr(request, "norec_draft", None)
        may_publish = self.has_publish_permission(request, obj)
        may_change = self.has_change_permission(request, obj)
        context["show_publish"] = may_publish and may_change
        context["show_submit"] = not may_publish and may_change and obj is not None
        context["draft_live"] = obj is not None and obj.pk and drafts.is_live(obj)
        if draft is not None:
            context["draft_notice"] = draft
            context["draft_author"] = (
                (draft.author.get_full_name() or draft.author.get_username())
                if draft.author
                else ""
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Bulk actions ------------------------------------------------------------------

    def publish_pending_drafts(self, request, queryset):
        """The publish action's part for published items: their drafts go live."""
        count = 0
        for item in queryset.filter(has_draft=True):
            try:
                drafts.publish_draft(item, request.user)
            except drafts.DraftError as error:
                self.message_user(request, str(error), messages.ERROR)
                continue
            count += 1
        return count


def state_with_draft(obj):
    label = obj.state_label
    if getattr(obj, "has_draft", False) and drafts.is_live(obj):
        return _("%(state)s, with unpublished changes") % {"state": label}
    return label


def draft_change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(item.pk)])
