"""The review queue at /admin/review/: what writers submitted, with its changes."""

import datetime

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from norec_site import drafts, review
from norec_site.drafts_admin import draft_change_url
from norec_site.models import Draft


def _may_review(user, item):
    return drafts.may_publish(user, item)


def review_queue(request):
    entries = []
    for item, draft in drafts.awaiting_review():
        if not _may_review(request.user, item):
            continue
        entries.append(
            {
                "item": item,
                "draft": draft,
                "kind": type(item)._meta.verbose_name,
                "author": review._name(draft.author) if draft.author else "–",
                "new": not drafts.is_live(item),
                "changes": drafts.changes_against_live(item, draft),
                "change_url": draft_change_url(item),
            }
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Awaiting review"),
        "entries": entries,
    }
    return TemplateResponse(request, "admin/review/queue.html", context)


@require_POST
def review_decide(request, draft_id):
    draft = get_object_or_404(Draft, pk=draft_id)
    model = ContentType.objects.get_for_id(draft.content_type_id).model_class()
    item = model._default_manager.filter(pk=draft.object_id).first() if model else None
    if item is None:
        raise Http404
    if not _may_review(request.user, item):
        raise PermissionDenied
    try:
        if "send_back" in request.POST:
            review.send_back(item, request.user, request.POST.get("comment", ""))
            messages.success(
                request, _("“%(item)s” was sent back to its writer.") % {"item": item}
            )
        else:
            publish_at = _when(request.POST.get("publish_at", ""))
            review.approve(item, request.user, publish_at)
            messages.success(request, _("“%(item)s” was approved.") % {"item": item})
    except (review.ReviewError, drafts.DraftError) as error:
        messages.error(request, str(error))
    return redirect("admin:review_queue")


def _when(value):
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise review.ReviewError(_("Write the publication time as date and time."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment if moment > timezone.now() + datetime.timedelta(seconds=30) else None
