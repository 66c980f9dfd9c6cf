"""What makes an item public, and the partial indexes that find public items cheaply.

An item is public in a language when it is published, its time has come and not
gone, and its language fields are all written in that language. Lists, counts,
feeds, the sitemap and the facets ask this of every row; a partial index per
language holds only the rows that qualify, so that PostgreSQL counts and pages them
from the index instead of reading each row's texts.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from norec_site.languages import language_codes


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def written_in(fields, code):
    """True where each of ``fields`` (``title``, ``body``...) is written in ``code``."""
    return Q(**{f"{name}_{code}__gt": "" for name in fields})


CARRIED = ("published_at", "unpublish_at", "updated_at", "created_at", "id")


def public_indexes(prefix, fields, order, include=()):
    """A partial index a language, named ``{prefix}_public_{code}``, of the published items
    written in it, in the list's ``order``.

    It carries the publishing times, the last change, the creation time (the lists'
    tie-break) and the id, so that a count, a page of ids or the sitemap's figures never
    read the rows; ``include`` adds other columns."""
    keys = {name.lstrip("-") for name in order}
    carried = [name for name in CARRIED if name not in keys]
    return [
        models.Index(
            fields=list(order),
            include=[*carried, *include],
            condition=Q(status=Status.PUBLISHED) & written_in(fields, code),
            name=f"{prefix}_public_{code}",
        )
        for code in language_codes()
    ]
