from django.db import models
from django.utils.translation import gettext_lazy as _


class Ordered(models.Model):
    """A row in a list that editors put in order: bylines, publishers, pictures."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ("position", "pk")
