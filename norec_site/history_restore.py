"""Reverting one item's revision: its own rows, what still exists, and what must move on.

``norec_site.history.restore_revision`` is the door; this is the work behind it.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.utils.translation import gettext as _
from reversion.revisions import _follow_relations_recursive, _get_options

from norec_site.history import RestoreError, RestoreResult, file_fields
from norec_site.models import Status


def check_deferred_constraints():
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


def revert(version, current, user):
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
        # Publishing is decided by who may publish, never by an old revision.
        root.unpublish_at = current.unpublish_at if current is not None else root.unpublish_at
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
