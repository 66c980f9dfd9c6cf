"""Unpublished changes to content, their review, and the editors' notifications."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from norec_site.models.fields import acting_user
from norec_site.models.item_records import ItemRecord


class Draft(ItemRecord):
    """The pending changes of one item: an unapplied revision of it.

    The revision holds the item and the rows it follows (files, bylines, partners) as
    django-reversion serialised them; nothing live changes until someone publishes it.
    """

    class State(models.TextChoices):
        EDITING = "editing", _("Being edited")
        SUBMITTED = "submitted", _("Awaiting review")
        SENT_BACK = "sent_back", _("Sent back")
        APPROVED = "approved", _("Approved, scheduled")

    # None for a never-published item submitted for review: its live row is its draft.
    revision = models.ForeignKey(
        "reversion.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = acting_user(_("author"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.EDITING
    )
    review_comment = models.TextField(_("comment from the review"), blank=True)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ("-updated_at",)
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="draft_one_per_item"
            )
        ]
        indexes = [models.Index(fields=["state", "publish_at"], name="draft_state_publish_at")]

    def __str__(self):
        return f"{self.item_key} ({self.state})"


class ReviewEvent(ItemRecord):
    """Who submitted, sent back, approved or published what, and when."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        SENT_BACK = "sent_back", _("Sent back")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")
        FAILED = "failed", _("Could not be published")

    actor = acting_user(_("by"))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ("-at",)
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        indexes = [models.Index(fields=["content_type", "object_id"], name="reviewevent_item")]

    def __str__(self):
        return f"{self.action} {self.item_key}"


class Notification(models.Model):
    """A line in an editor's overview: a review step that concerns them."""

    # Editors' work in progress: nothing a visitor's page shows.
    affects_pages = False

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    text = models.CharField(_("text"), max_length=500)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read = models.BooleanField(_("read"), default=False)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read"], name="notification_unread")]

    def __str__(self):
        return self.text
