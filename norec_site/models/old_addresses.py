"""Addresses that published content had: each is answered with a 301 to where it is now."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OldAddress(models.Model):
    """Abstract base of an address that published content had: a request for it is
    answered with a 301 to where the content is now. Newest first."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("-created_at",)


class SlugRedirect(OldAddress):
    """An old slug of a published item, answered with a 301 to its current page."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(max_length=5)
    old_slug = models.SlugField(max_length=255)

    class Meta(OldAddress.Meta):
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "language", "old_slug"], name="slugredirect_unique"
            )
        ]

    def __str__(self):
        return f"{self.language}/{self.old_slug}"
