"""The version of everything public pages show: one row that the page cache keys on."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row. ``version`` goes up whenever something a page shows changes; every
    worker reads it per request, so that a change reaches every process at once.

    ``next_change_at`` is the next time a scheduled item appears or leaves by itself:
    when it has passed, the first request raises the version.
    """

    version = models.BigIntegerField(_("version"), default=1)
    next_change_at = models.DateTimeField(_("next scheduled change"), null=True, blank=True)

    # Its own writes must not count as a change of content.
    affects_pages = False

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="contentversion_single_row")]

    def __str__(self):
        return str(self.version)
