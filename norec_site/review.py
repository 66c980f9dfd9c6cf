"""Review: a writer submits a draft, a publisher approves it (now or at a time) or sends
it back with a comment. Every step is a ``ReviewEvent`` and notifies those concerned."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from norec_site import drafts
from norec_site.conflicts import lock_row
from norec_site.drafts_admin import draft_change_url
from norec_site.history import recorded
from norec_site.models import Draft, ReviewEvent, Status
from norec_site.notifications import notify


class ReviewError(Exception):
    """A review step that cannot happen; the message is for the editor."""


def publishers_of(model):
    """Active staff who may publish ``model``."""
    opts = model._meta
    permission = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        codename=f"publish_{opts.model_name}",
    ).first()
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    return list(
        users.filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        ).distinct()
    )


def _event(item, user, action, comment=""):
    return ReviewEvent.objects.create(
        content_type=ContentType.objects.get_for_model(type(item)),
        object_id=item.pk,
        actor=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        comment=comment,
    )


def _name(user):
    if user is None:
        return _("the site (no user)")
    return user.get_full_name() or user.get_username()


def submit_for_review(item, user):
    """The item's draft (a never-published item: the item itself) awaits review."""
    with transaction.atomic():
        lock_row(type(item), item.pk)
        draft = drafts.draft_for(item)
        if draft is None:
            if drafts.is_live(item):
                raise ReviewError(_("There are no unpublished changes to submit."))
            draft = Draft.objects.create(
                content_type=ContentType.objects.get_for_model(type(item)),
                object_id=item.pk,
                author=user,
            )
        draft.state = Draft.State.SUBMITTED
        draft.review_comment = ""
        draft.author = draft.author or user
        draft.save()
        _event(item, user, ReviewEvent.Action.SUBMITTED)
    who = _name(user)
    notify(
        [u for u in publishers_of(type(item)) if u.pk != user.pk],
        lambda: _("%(who)s submitted “%(item)s” for review.") % {"who": who, "item": item},
        link=review_url(),
    )
    return draft


def send_back(item, user, comment):
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError(_("Write a comment that says what to change before sending it back."))
    with transaction.atomic():
        draft = _submitted(item)
        draft.state = Draft.State.SENT_BACK
        draft.review_comment = comment
        draft.save()
        _event(item, user, ReviewEvent.Action.SENT_BACK, comment)
    who = _name(user)
    notify(
        [draft.author],
        lambda: (
            _("%(who)s sent “%(item)s” back: %(comment)s")
            % {"who": who, "item": item, "comment": comment}
        ),
        link=draft_change_url(item),
    )
    return draft


def approve(item, user, publish_at=None):
    """Publish the draft now, or at ``publish_at`` (``publish_scheduled`` applies it)."""
    with transaction.atomic():
        draft = _submitted(item)
        author = draft.author
        later = publish_at is not None and publish_at > timezone.now()
        _event(item, user, ReviewEvent.Action.APPROVED)
        if later and draft.revision_id:
            draft.state = Draft.State.APPROVED
            draft.publish_at = publish_at
            draft.save()
        elif draft.revision_id:
            drafts.publish_draft(item, user)
        else:  # never published: first publication is decided at query time
            with recorded(comment=_("Approved in review"), user=user):
                obj = type(item)._default_manager.get(pk=item.pk)
                obj.status = Status.PUBLISHED
                obj.published_at = publish_at if later else None
                obj.updated_by = user
                obj.save()
            draft.delete()
    who = _name(user)
    if later:
        when = timezone.localtime(publish_at).strftime("%Y-%m-%d %H:%M")

        def message():
            return _("%(who)s approved “%(item)s”; it will be published on %(when)s.") % {
                "who": who,
                "item": item,
                "when": when,
            }
    else:

        def message():
            return _("%(who)s approved and published “%(item)s”.") % {"who": who, "item": item}

    notify([author], message, link=draft_change_url(item))


def _submitted(item):
    draft = (
        Draft.objects.select_for_update()
        .filter(content_type=ContentType.objects.get_for_model(type(item)), object_id=item.pk)
        .first()
    )
    if draft is None or draft.state != Draft.State.SUBMITTED:
        raise ReviewError(_("“%(item)s” is not awaiting review any more.") % {"item": item})
    return draft


def review_url():
    from django.urls import reverse

    return reverse("admin:review_queue")


def publish_due(now=None):
    """Publish the approved drafts whose time has come. Idempotent and safe to run from
    several machines at once: a draft another run holds is skipped, a published one is
    gone. A draft that cannot be applied (a slug another item took) goes back to its
    author with the reason and is not tried again.

    Returns (published items, [(item, reason)] not published).
    """
    now = now or timezone.now()
    published, failed = [], []
    due = Draft.objects.filter(state=Draft.State.APPROVED, publish_at__lte=now)
    for draft_id in list(due.order_by("publish_at").values_list("pk", flat=True)):
        with transaction.atomic():
            draft = (
                Draft.objects.select_for_update(skip_locked=True)
                .filter(pk=draft_id, state=Draft.State.APPROVED, publish_at__lte=now)
                .first()
            )
            if draft is None:
                continue
            model = ContentType.objects.get_for_id(draft.content_type_id).model_class()
            item = model._default_manager.filter(pk=draft.object_id).first() if model else None
            if item is None:
                draft.delete()
                continue
            approver = _approver(item)
            try:
                with transaction.atomic():
                    drafts.publish_draft(item, approver)
            except drafts.DraftError as error:
                reason = str(error)
                draft.state = Draft.State.SENT_BACK
                draft.review_comment = reason
                draft.save()
                _event(item, None, ReviewEvent.Action.FAILED, reason)
                failed.append((item, reason))
                notify(
                    [draft.author, approver], lambda reason=reason: reason, draft_change_url(item)
                )
                continue
            published.append(item)
    return published, failed


def _approver(item):
    event = (
        ReviewEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(type(item)),
            object_id=item.pk,
            action=ReviewEvent.Action.APPROVED,
        )
        .select_related("actor")
        .order_by("-at")
        .first()
    )
    return event.actor if event else None
