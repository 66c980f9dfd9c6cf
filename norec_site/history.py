"""Revisions of content: recording them, restoring one, and the files they keep alive.

Every write to content happens inside ``recorded()`` (the admin's views already are), so
each save leaves a django-reversion revision with who, when and an optional comment. A
deleted item gets a last revision as it goes, which dates the deletion and lets it be
recovered. ``restore_revision`` brings back one item's revision as a draft: the item, its
inline rows, many-to-many choices and files, leaving out what no longer exists and saying
so. A file stays on disk while a live row or any revision names it.
"""

import contextvars
import json
from contextlib import contextmanager
from dataclasses import dataclass, field

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion.models import Version
from reversion.revisions import _get_options
from reversion.revisions import _stack as _revision_stack

from norec_site.models import Status
from norec_site.transactions import delete_quietly

DELETED_COMMENT = gettext_noop("Deleted")
DEMO_COMMENT = gettext_noop("Demo content")
SYSTEM_COMMENTS = (DELETED_COMMENT, DEMO_COMMENT)

# Who is deleting, for the last revision of a deleted item (the admin sets it).
acting_user = contextvars.ContextVar("acting_user", default=None)


@contextmanager
def set_within(variable, value):
    """The context variable ``variable`` holds ``value`` inside, and its old value after."""
    token = variable.set(value)
    try:
        yield
    finally:
        variable.reset(token)


def acting_as(user):
    """Deletes inside name ``user`` in the deleted item's last revision."""
    return set_within(acting_user, user)


class RestoreError(Exception):
    """A restore that cannot happen; the message is for the editor."""


@dataclass
class RestoreResult:
    obj: models.Model
    recovered: bool
    left_out: list = field(default_factory=list)
    into_draft: bool = False


# Recording ---------------------------------------------------------------------------


@contextmanager
def recorded(comment="", user=None):
    """One revision around a write; inside an open revision, part of that one."""
    with reversion.create_revision():
        if user is not None and getattr(user, "is_authenticated", False):
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        yield


def recoverable_models():
    """The models editors recover in the admin: every content type, and the media library."""
    from norec_site.models import Image
    from norec_site.registry import content_models

    return [*content_models(), Image]


def snapshot_before_delete(sender, instance, **kwargs):
    """The last revision of a content item that is being deleted: who deleted it, when.

    Always a revision of its own, even inside a larger write (a bulk delete): that one is
    saved after the item is gone, and a revision keeps only rows that still exist.
    """
    if instance.pk is None or sender not in recoverable_models():
        return
    user = acting_user.get() or (reversion.get_user() if reversion.is_active() else None)
    outer = _revision_stack.set([])
    try:
        with recorded(comment=DELETED_COMMENT, user=user):
            reversion.add_to_revision(instance)
    finally:
        _revision_stack.reset(outer)


def record_unversioned(comment=DEMO_COMMENT):
    """A first revision for every content item that has none (demo content), one each."""
    count = 0
    for model in recoverable_models():
        versioned = Version.objects.get_for_model(model).values("object_id")
        missing = model._default_manager.exclude(pk__in=_as_pks(model, versioned))
        for obj in missing.iterator():
            with recorded(comment=comment):
                reversion.add_to_revision(obj)
            count += 1
    return count


def _as_pks(model, object_ids):
    from django.db.models.functions import Cast

    return object_ids.annotate(as_pk=Cast("object_id", model._meta.pk)).values("as_pk")


def comment_text(revision):
    """A revision's comment, translated when the site wrote it."""
    return _(revision.comment) if revision.comment in SYSTEM_COMMENTS else revision.comment


# Files -------------------------------------------------------------------------------


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def named_in_versions(versions):
    """(storage, name) of every file that these versions name."""
    named = set()
    for version in versions:
        fields = file_fields(version._model)
        if not fields:
            continue
        for row in json.loads(version.serialized_data):
            for file_field in fields:
                name = row["fields"].get(file_field.name)
                if name:
                    named.add((file_field.storage, name))
    return named


def files_named_by_revisions():
    """Every file name that a revision names, live or deleted item alike.

    ``check_media`` must not call these orphans: they are what a restore brings back.
    """
    names = set()
    for model in reversion.get_registered_models():
        fields = [f.name for f in file_fields(model) if f.name in _get_options(model).fields]
        if not fields:
            continue
        data = Version.objects.get_for_model(model).values_list("serialized_data", flat=True)
        for serialized in data.iterator():
            for row in json.loads(serialized):
                names.update(row["fields"][name] for name in fields if row["fields"].get(name))
    return names


def is_owned(name):
    """Whether a live row or a revision still names the file ``name``."""
    for model in apps.get_models():
        for file_field in file_fields(model):
            if model._base_manager.filter(**{file_field.name: name}).exists():
                return True
    with_files = [
        ContentType.objects.get_for_model(model)
        for model in reversion.get_registered_models()
        if file_fields(model)
    ]
    versions = Version.objects.filter(content_type__in=with_files)
    quoted = {json.dumps(name), json.dumps(name, ensure_ascii=False)}
    return any(versions.filter(serialized_data__contains=q).exists() for q in quoted)


def release_after_commit(*names, storage=None):
    """After the commit, delete those of ``names`` that nothing names any more."""
    from django.core.files.storage import default_storage

    storage = storage or default_storage
    names = [name for name in names if name]

    def delete_unowned():
        # A store that is down leaves the file to check_media, never a 500 after the commit.
        delete_quietly(storage, [name for name in names if not is_owned(name)])

    if names:
        transaction.on_commit(delete_unowned)


# Restoring (the work itself is in history_restore) -----------------------------------


def is_live(obj):
    return getattr(obj, "status", None) == Status.PUBLISHED


def restore_revision(version, user):
    """Bring back ``version`` of an item, with its inline rows, choices and files.

    A deleted item comes back as a draft. An item that is not published is reverted and
    saved with a new revision; the revision it replaces stays in its history.
    """
    model = version._model
    current = model._default_manager.filter(pk=version.object_id).first()
    if current is not None and is_live(current):
        return _restore_into_draft(current, version, user)
    when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
    comment = (
        _("Recovered from the revision of %(date)s") if current is None else
        _("Restored the revision of %(date)s")
    ) % {"date": when}  # fmt: skip
    from norec_site.history_restore import check_deferred_constraints, revert

    try:
        with transaction.atomic(), recorded(comment=comment, user=user):
            result = revert(version, current, user)
            check_deferred_constraints()
    except IntegrityError as error:
        raise RestoreError(
            _("This revision could not be restored (%(error)s). Nothing was changed.")
            % {"error": error}
        ) from error
    return result


def _restore_into_draft(obj, version, user):
    """A published item: the restored revision becomes its draft; nothing live changes."""
    from norec_site.drafts import save_draft_from_revision

    when = date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")
    comment = _("Restored the revision of %(date)s") % {"date": when}
    try:
        result = save_draft_from_revision(obj, version.revision, user, comment)
    except IntegrityError as error:
        raise RestoreError(
            _("This revision could not be restored (%(error)s). Nothing was changed.")
            % {"error": error}
        ) from error
    result.obj = type(obj)._default_manager.get(pk=obj.pk)
    result.into_draft = True
    return result
