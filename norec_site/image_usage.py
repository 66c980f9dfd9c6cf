"""Where a library image is used, and whether it may be deleted.

Found from the relations that point to ``Image``, so that a content type added
later is covered without naming it here. A row that belongs to something an
editor opens (a project's gallery row, a report's PDF file) counts as a use by
that owner.
"""

from dataclasses import dataclass

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from norec_site.models import Image, Publishable, Status


@dataclass(frozen=True)
class Use:
    item: models.Model
    field: str
    protected: bool  # the database refuses to delete the image while this row exists

    @property
    def kind(self):
        return capfirst(self.item._meta.verbose_name)

    @property
    def url(self):
        opts = self.item._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.item.pk])
        except NoReverseMatch:
            return ""

    @property
    def is_live(self):
        """Published now or scheduled: the public would see it lose its picture."""
        return (
            isinstance(self.item, Publishable)
            and self.item.status == Status.PUBLISHED
            and not self.item.is_unpublished_by_time()
        )

    @property
    def blocks_delete(self):
        return self.is_live or self.protected


def _owner_field(model):
    """The field leading from a row that is not edited on its own to the item that owns it."""
    for field in model._meta.get_fields():
        if (
            field.many_to_one
            and field.related_model is not Image
            and field.remote_field.on_delete is models.CASCADE
            and admin.site.is_registered(field.related_model)
        ):
            return field
    return None


def image_relations():
    """Relations to ``Image`` from other models, leaving out the image's own renditions."""
    # Hidden too: most of them say related_name="+".
    for relation in Image._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation and not relation.concrete):
            continue
        if relation.on_delete is models.CASCADE:
            continue  # rows that are part of the image and go with it
        yield relation


def uses_of(image):
    """Every item that shows ``image``, once each, in a stable order. One query per relation."""
    uses = {}
    for relation in image_relations():
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: image})
        protected = relation.on_delete is models.PROTECT
        if admin.site.is_registered(model):
            items = list(rows)
        else:
            owner = _owner_field(model)
            if owner is None:
                continue
            items = [getattr(row, owner.name) for row in rows.select_related(owner.name)]
        for item in items:
            key = (item._meta.label, item.pk)
            if key not in uses or protected:
                uses[key] = Use(item, str(relation.field.verbose_name), protected)
    return sorted(uses.values(), key=lambda use: (use.item._meta.label, str(use.item)))


def use_line(use):
    """One use, as the admin lists it: kind, a link to the item, and its state."""
    label = format_html("{}: {}", use.kind, use.item)
    if use.url:
        label = format_html('{}: <a href="{}">{}</a>', use.kind, use.url, use.item)
    state = getattr(use.item, "state_label", "")
    return format_html("{} ({})", label, state) if state else label


class ImageUsageAdmin:
    """An image's "used in" list, and deletes that never strip published content."""

    @admin.display(description=_("used in"))
    def used_in(self, obj):
        uses = uses_of(obj) if obj.pk else []
        if not uses:
            return _("Not used anywhere yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((use_line(u),) for u in uses))
        )

    def get_deleted_objects(self, objs, request):
        """The images with the items that use them (not their renditions).

        A use by live or scheduled content, or by a row the database protects,
        goes into ``protected``: Django then refuses the delete, for one image
        and for the bulk action alike.
        """
        to_delete, protected = [], []
        opts = self.model._meta
        for image in objs:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[image.pk])
            to_delete.append(
                format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, image)
            )
            uses = uses_of(image)
            if uses:
                to_delete.append([use_line(use) for use in uses])
            protected += [
                format_html("{} ← {}", use_line(use), image) for use in uses if use.blocks_delete
            ]
        count = {opts.verbose_name_plural: len(objs)}
        return to_delete, count, set(), protected
