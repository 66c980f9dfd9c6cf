"""Two editors saving one item: the check of the version and the write are one step.

A save from the admin locks the item's row (``SELECT … FOR UPDATE``) before it reads it,
inside the transaction that writes it, and the form compares the version the editor
opened with the one it read under the lock. The second of two saves released together
waits for the first to commit, reads its version and is refused; it never writes over
it. The refused editor gets the form back with all they typed, who saved and when, and
what that save changed, per language.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection
from reversion.models import Version


def latest_version_pk(item):
    """The newest revision of ``item`` (its pk in reversion's versions), or None."""
    return (
        Version.objects.get_for_object(item).order_by("-pk").values_list("pk", flat=True).first()
    )


@dataclass
class EditConflict:
    item: object
    updated_by: object
    updated_at: object
    opened_revision: int | None

    @property
    def who(self):
        user = self.updated_by
        return (user.get_full_name() or user.get_username()) if user else ""

    def changes(self):
        """(language name, code, changed lines) from the revision opened to the newest."""
        from norec_site.history_display import compare, snapshot

        versions = Version.objects.get_for_object(self.item).order_by("-pk")
        newest = versions.first()
        opened = versions.filter(pk=self.opened_revision).first() if self.opened_revision else None
        if newest is None or opened is None or opened.pk == newest.pk:
            return []
        names = {}
        sections = compare(snapshot(opened, names), snapshot(newest, names))
        return [
            (name, code, [line for line in lines if line.changed])
            for name, code, lines in sections
            if any(line.changed for line in lines)
        ]


class LockingAdminMixin:
    """Locks the item's row for a save from its change page; shows a refusal's details."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None:
            request.norec_locks_item = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        if getattr(request, "norec_locks_item", False) and connection.in_atomic_block:
            lock_row(self.model, object_id, from_field)
        return super().get_object(request, object_id, from_field)

    def get_fieldsets(self, request, obj=None):
        """The revision the editor opened travels beside the version (hidden)."""
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = tuple(options.get("fields", ()))
            if "expected_version" in fields and "opened_revision" not in fields:
                options = {**options, "fields": (*fields, "opened_revision", "expected_draft")}
            fieldsets.append((name, options))
        return fieldsets

    def render_change_form(self, request, context, *args, **kwargs):
        form = context["adminform"].form
        conflict = getattr(form, "edit_conflict", None)
        if conflict is not None:
            context["edit_conflict"] = conflict
            context["edit_conflict_changes"] = conflict.changes()
        return super().render_change_form(request, context, *args, **kwargs)


def lock_row(model, object_id, from_field=None):
    """Hold the row until the transaction ends; others who save it wait here."""
    field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
    try:
        key = field.to_python(object_id)
    except ValidationError:
        return
    rows = model._base_manager.select_for_update(of=("self",)).filter(**{field.name: key})
    list(rows.values_list("pk", flat=True))
