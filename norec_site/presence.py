"""Someone else has it open: a light heartbeat from admin change pages, no lock.

A change page posts to its ``presence/`` address every 30 seconds. Whoever else
has sent one in the last two minutes is named on the page, with the time they
opened it. Saves are still guarded by the version check alone.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from norec_site.models import EditingPresence

RECENT = datetime.timedelta(minutes=2)


def _key(item):
    return {"content_type": ContentType.objects.get_for_model(item), "object_id": item.pk}


def record_presence(user, item):
    """``user`` has ``item`` open now; a gap of over two minutes starts a new visit."""
    now = timezone.now()
    key = _key(item)
    # Visits that ended keep the table as small as the number of open pages.
    EditingPresence.objects.filter(seen_at__lt=now - RECENT).delete()
    if EditingPresence.objects.filter(**key, user=user).update(seen_at=now):
        return
    EditingPresence.objects.bulk_create(
        [EditingPresence(**key, user=user, opened_at=now, seen_at=now)],
        update_conflicts=True,
        unique_fields=["content_type", "object_id", "user"],
        update_fields=["opened_at", "seen_at"],
    )


def release_presence(user, item):
    """``user`` left the page (saved, or went elsewhere)."""
    EditingPresence.objects.filter(**_key(item), user=user).delete()


def others_editing(user, item):
    """Presences of other users who have had ``item`` open in the last two minutes."""
    recent = timezone.now() - RECENT
    rows = EditingPresence.objects.filter(**_key(item), seen_at__gte=recent).exclude(user=user)
    return list(rows.select_related("user").order_by("opened_at"))


def notice(presence):
    """“Kari Nordmann has had this open since 09:14 …”, in the editor's language."""
    opened = timezone.localtime(presence.opened_at)
    same_day = opened.date() == timezone.localdate()
    since = formats.date_format(opened, "TIME_FORMAT" if same_day else "SHORT_DATETIME_FORMAT")
    name = presence.user.get_full_name() or presence.user.get_username()
    return _(
        "%(name)s has had this page open since %(since)s. Agree on who changes what: "
        "if you both save, the second save is refused."
    ) % {"name": name, "since": since}


class EditingAdmin:
    """For change pages that several editors share (content items, images).

    Names who else has the item open (and keeps the notice current through the
    heartbeat), and asks before leaving the page with unsaved changes.
    """

    @property
    def media(self):
        scripts = ("js/editing-presence.js", "js/unsaved-changes.js")
        return super().media + forms.Media(js=scripts)

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(require_POST(self.presence_view))
        name = f"{opts.app_label}_{opts.model_name}_presence"
        return [path("<path:object_id>/presence/", view, name=name), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            item = self.get_object(request, unquote(object_id))
            if item is not None and self.has_view_or_change_permission(request, item):
                record_presence(request.user, item)
                for presence in others_editing(request.user, item):
                    messages.warning(request, notice(presence), extra_tags="editing-presence")
        return super().change_view(request, object_id, form_url, extra_context)

    def presence_view(self, request, object_id):
        """The heartbeat: records this editor, answers with the others' notices."""
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        if request.POST.get("leaving"):
            release_presence(request.user, item)
            return HttpResponse(status=204)
        record_presence(request.user, item)
        others = others_editing(request.user, item)
        return JsonResponse({"others": [notice(presence) for presence in others]})
