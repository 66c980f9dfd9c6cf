"""Who has an admin change page open: refreshed by a heartbeat, never a lock."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from norec_site.models.item_records import ItemRecord


class EditingPresence(ItemRecord):
    """One editor with one item open; upserted by each heartbeat.

    In PostgreSQL rather than a process's memory, so that every worker sees it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("open since"))
    seen_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        ordering = ("opened_at",)
        verbose_name = _("open change page")
        verbose_name_plural = _("open change pages")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="editingpresence_once"
            )
        ]
        # The unique constraint's index finds an item's editors; this one, ended visits.
        indexes = [models.Index(fields=["seen_at"], name="editingpresence_seen")]

    def __str__(self):
        return f"{self.user} {self.item_key}"
