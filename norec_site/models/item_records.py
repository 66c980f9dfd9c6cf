"""What the editors' records about one content item share: which item it is."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ItemRecord(models.Model):
    """Abstract base of a record about one content item of any type (a draft, a review
    step, an open change page), named by its content type and primary key."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")

    # Editors' work in progress: nothing a visitor's page shows, so the page cache ignores it.
    affects_pages = False

    class Meta:
        abstract = True

    @property
    def item_key(self):
        """``content type:id``, as the records' names show the item."""
        return f"{self.content_type_id}:{self.object_id}"
