"""Each editor's admin language, and the state of each language version of an item."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from norec_site.models.fields import acting_user


class EditorPreference(models.Model):
    """What an editor chose for the admin; without a row the admin is in Nynorsk."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editor_preference",
    )
    admin_language = models.CharField(
        _("admin language"), max_length=5, choices=settings.LANGUAGES, default="nn"
    )

    affects_pages = False  # the admin's own: the page cache ignores it

    class Meta:
        verbose_name = _("editor preference")
        verbose_name_plural = _("editor preferences")

    def __str__(self):
        return f"{self.user}: {self.admin_language}"


class TranslationStatus(models.Model):
    """One language version of a content item: what it was written from, and its checks.

    ``source_digest`` fingerprints the source language's text when this version was
    written or last confirmed; when the source changes, the version may be out of
    date. ``machine_fields`` maps each machine-translated field to a fingerprint of
    the machine's text, so an editor's own edit of a field takes its mark away.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    source_language = models.CharField(
        _("written from"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    source_digest = models.CharField(max_length=40, blank=True)
    own_digest = models.CharField(max_length=40, blank=True)
    out_of_date = models.BooleanField(_("may be out of date"), default=False)
    machine_fields = models.JSONField(default=dict, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = acting_user(_("confirmed by"), blank=True)

    affects_pages = False  # shown only in the admin: the page cache ignores it

    class Meta:
        ordering = ("content_type", "object_id", "language")
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="translationstatus_one_per_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id}/{self.language}"

    @property
    def has_machine_text(self):
        return bool(self.machine_fields)
