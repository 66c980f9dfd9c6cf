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
from django.db import IntegrityError, connection, models, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion.models import Version
from reversion.revisions import _follow_relations_recursive, _get_options
from reversion.revisions import _stack as _revision_stack

from norec_site.models import Status

DELETED_COMMENT = gettext_noop("Deleted")
DEMO_COMMENT = gettext_noop("Demo content")
SYSTEM_COMMENTS = (DELETED_COMMENT, DEMO_COMMENT)

# Who is deleting, for the last revision of a deleted item (the admin sets it).
acting_user = contextvars.ContextVar("acting_user", default=None)


class RestoreError(Exception):
    """A restore that cannot happen; the message is for the editor."""


@dataclass
class RestoreResult:
    obj: models.Model
    recovered: bool
    left_out: list = field(default_factory=list)


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


def content_models():
    """The models editors recover in the admin: those whose admin keeps revisions."""
    from django.contrib import admin
    from reversion.admin import VersionAdmin

    return [
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, VersionAdmin)
    ]


def snapshot_before_delete(sender, instance, **kwargs):
    """The last revision of a content item that is being deleted: who deleted it, when.

    Always a revision of its own, even inside a larger write (a bulk delete): that one is
    saved after the item is gone, and a revision keeps only rows that still exist.
    """
    if instance.pk is None or sender not in content_models():
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
    for model in content_models():
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


def _named_in_versions(versions):
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
    quoted = {json.dumps(name), json.dumps(name, ensure_ascii=False)}
    return any(Version.objects.filter(serialized_data__contains=q).exists() for q in quoted)


def release_after_commit(*names, storage=None):
    """After the commit, delete those of ``names`` that nothing names any more."""
    from django.core.files.storage import default_storage

    storage = storage or default_storage
    names = [name for name in names if name]

    def delete_unowned():
        for name in names:
            if not is_owned(name):
                storage.delete(name)

    if names:
        transaction.on_commit(delete_unowned)


# Restoring ---------------------------------------------------------------------------


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
    try:
        with transaction.atomic(), recorded(comment=comment, user=user):
            result = _revert(version, current, user)
            _check_deferred_constraints()
    except IntegrityError as error:
        raise RestoreError(
            _("This revision could not be restored (%(error)s). Nothing was changed.")
            % {"error": error}
        ) from error
    return result


def _restore_into_draft(obj, version, user):
    # DRAFTS: the lead wires norec_site.drafts.save_draft_from_revision(obj, version.revision,
    # user) here when the drafts of live content are merged; until then nothing live changes.
    raise RestoreError(
        _(
            "“%(item)s” is published, and restoring would change the public page. "
            "Unpublish it first, or restore into a draft once drafts of published items exist."
        )
        % {"item": obj}
    )


def _check_deferred_constraints():
    """Foreign keys are checked at commit; check them now, while we can still say why."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def version_tree(version):
    """The versions in ``version``'s revision that belong to its item: its inline rows,
    their files' covers and so on, following what the model registered (root first)."""
    everything = {(v.content_type_id, v.object_id): v for v in version.revision.version_set.all()}
    tree, seen = [], set()

    def walk(item):
        key = (item.content_type_id, item.object_id)
        if key in seen:
            return
        seen.add(key)
        tree.append(item)
        model = item._model
        for name in _get_options(model).follow:
            relation = model._meta.get_field(name)
            target = ContentType.objects.get_for_model(relation.related_model).pk
            if relation.concrete:  # a foreign key: follow the row it points to
                pk = item.field_dict.get(relation.attname)
                if pk is not None and (target, str(pk)) in everything:
                    walk(everything[(target, str(pk))])
                continue
            parent_key = relation.field.attname
            for (content_type, _pk), other in everything.items():
                if content_type == target and str(other.field_dict.get(parent_key)) == str(
                    item.object_id
                ):
                    walk(other)

    walk(version)
    return tree


def _exists(model, pk, coming):
    key = (ContentType.objects.get_for_model(model).pk, str(pk))
    return key in coming or model._base_manager.filter(pk=pk).exists()


def _missing_file(obj):
    for file_field in file_fields(type(obj)):
        name = getattr(obj, file_field.attname)
        name = getattr(name, "name", name)
        if name and not file_field.storage.exists(name):
            return name
    return None


def _plan(tree, left_out):
    """Which versions can come back: their required rows exist or come back with them."""
    plans = {}
    for item in tree:
        obj = item._object_version.object
        plans[(item.content_type_id, item.object_id)] = (item, obj)
    changed = True
    while changed:
        changed = False
        for key, (item, obj) in list(plans.items()):
            reason = _missing_file(obj) and _("its file is no longer stored")
            for fk in [f for f in obj._meta.concrete_fields if f.many_to_one or f.one_to_one]:
                pk = getattr(obj, fk.attname)
                if reason or pk is None or _exists(fk.related_model, pk, plans):
                    continue
                name = fk.related_model._meta.verbose_name
                if fk.null:
                    setattr(obj, fk.attname, None)
                    left_out.append(
                        _("%(what)s “%(item)s”: its %(name)s no longer exists and was left empty.")
                        % {"what": obj._meta.verbose_name, "item": item.object_repr, "name": name}
                    )
                else:
                    reason = _("the %(name)s it belongs to no longer exists") % {"name": name}
            if reason:
                del plans[key]
                changed = True
                left_out.append(
                    _("%(what)s “%(item)s” could not be restored: %(reason)s.")
                    % {"what": obj._meta.verbose_name, "item": item.object_repr, "reason": reason}
                )
    return plans


def _carry_from_live_row(obj, live):
    """Fields left out of revisions (``revision_exclude``) keep the live row's value.

    Counters (``revision_counters``: the edit-conflict version, downloads) always do and
    move on from there. Derived fields do while the row is the same content: a row with a
    ``revision_fingerprint`` (a file's checksum) whose fingerprint changed leaves them
    empty, for its item's ``after_restore`` to compute again.
    """
    if live is None:
        return
    counters = getattr(obj, "revision_counters", ("version",))
    fingerprint = getattr(obj, "revision_fingerprint", None)
    same = fingerprint is None or getattr(obj, fingerprint) == getattr(live, fingerprint)
    for name in getattr(obj, "revision_exclude", ()):
        if name in counters or same:
            attname = obj._meta.get_field(name).attname
            setattr(obj, attname, getattr(live, attname))


def _set_many_to_many(obj, m2m_data, left_out):
    for name, pks in (m2m_data or {}).items():
        relation = obj._meta.get_field(name)
        kept = list(relation.related_model._base_manager.filter(pk__in=pks))
        gone = len(set(map(str, pks))) - len(kept)
        if gone:
            left_out.append(
                _("%(field)s: %(count)d chosen item(s) no longer exist and were left out.")
                % {"field": relation.verbose_name, "count": gone}
            )
        getattr(obj, name).set(kept)


def _free_slugs(obj, left_out):
    """A slug another item took since: leave it empty so that a new one is made."""
    others = type(obj)._base_manager.exclude(pk=obj.pk)
    for model_field in obj._meta.concrete_fields:
        if isinstance(model_field, models.SlugField) and model_field.name.startswith("slug_"):
            slug = getattr(obj, model_field.attname)
            if slug and others.filter(**{model_field.name: slug}).exists():
                setattr(obj, model_field.attname, "")
                left_out.append(
                    _("The address “%(slug)s” is used by another item; a new one was made.")
                    % {"slug": slug}
                )


def _revert(version, current, user):
    left_out = []
    tree = version_tree(version)
    keys = {(item.content_type_id, item.object_id) for item in tree}
    if current is not None:
        for follower in _follow_relations_recursive(current):
            key = (ContentType.objects.get_for_model(follower).pk, str(follower.pk))
            if follower is not current and key not in keys:
                type(follower)._base_manager.filter(pk=follower.pk).delete()
    plans = _plan(tree, left_out)
    root_key = (version.content_type_id, version.object_id)
    if root_key not in plans:
        raise RestoreError(" ".join(map(str, left_out)))
    root_item, root = plans.pop(root_key)
    _carry_from_live_row(root, current)
    if isinstance(getattr(root, "status", None), str):
        root.status = current.status if current is not None else Status.DRAFT
        root.published_at = current.published_at if current is not None else root.published_at
    if hasattr(root, "updated_by_id"):
        root.updated_by = user if getattr(user, "is_authenticated", False) else None
    _free_slugs(root, left_out)
    root.save()
    for item, obj in plans.values():
        live = type(obj)._base_manager.filter(pk=obj.pk).first()
        _carry_from_live_row(obj, live)
        try:
            with transaction.atomic():
                models.Model.save_base(obj, raw=True)
                _set_many_to_many(obj, item._object_version.m2m_data, left_out)
        except IntegrityError:
            left_out.append(
                _("%(what)s “%(item)s” could not be restored: it clashes with another row.")
                % {"what": obj._meta.verbose_name, "item": item.object_repr}
            )
    _set_many_to_many(root, root_item._object_version.m2m_data, left_out)
    root = type(root)._default_manager.get(pk=root.pk)
    if hasattr(root, "after_restore"):
        root.after_restore()
    reversion.add_to_revision(type(root)._default_manager.get(pk=root.pk))
    return RestoreResult(obj=root, recovered=current is None, left_out=left_out)
