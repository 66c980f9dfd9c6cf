"""Purging deleted items and thinning old revisions, with the files only they kept."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from reversion.models import Revision, Version

from norec_site.history import is_owned, named_in_versions, recoverable_models
from norec_site.models import Draft


def _existing(versions):
    """(content type, object id) of the versions whose row still exists."""
    wanted = defaultdict(set)
    for version in versions:
        wanted[version._model].add(version.object_id)
    found = set()
    for model, ids in wanted.items():
        pks = model._base_manager.filter(pk__in=ids).values_list("pk", flat=True)
        found |= {(model, str(pk)) for pk in pks}
    return found


def _delete_files_after_commit(named, deleted):
    """Once committed, delete the files that no row and no revision names any more."""

    def delete_unowned():
        for storage, name in sorted(named, key=lambda pair: pair[1]):
            if storage.exists(name) and not is_owned(name):
                storage.delete(name)
                deleted.append(name)

    transaction.on_commit(delete_unowned)


def purge_deleted(*, older_than_days=90):
    """Forget deleted items whose last revision is older than the limit, with their files.

    Returns (what was purged, the file names deleted after the commit).
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    purged, deleted_files = [], []
    roots = recoverable_models()
    with transaction.atomic():
        named = set()
        for model in roots:
            gone = Version.objects.get_deleted(model).filter(revision__date_created__lt=cutoff)
            for latest in gone.select_related("revision"):
                own = Version.objects.get_for_object_reference(model, latest.object_id)
                revision_ids = set(own.values_list("revision_id", flat=True))
                # Rows that went with it (files, bylines) are gone with it for good too.
                around = list(
                    Version.objects.filter(revision_id__in=revision_ids).exclude(
                        pk__in=own.values("pk")
                    )
                )
                alive = _existing(around)
                doomed = [
                    v
                    for v in around
                    if v._model not in roots and (v._model, v.object_id) not in alive
                ]
                named |= named_in_versions([*own, *doomed])
                Version.objects.filter(pk__in=[v.pk for v in doomed]).delete()
                own.delete()
                Revision.objects.filter(pk__in=revision_ids, version__isnull=True).delete()
                purged.append(f"{model._meta.verbose_name}: {latest.object_repr}")
        _delete_files_after_commit(named, deleted_files)
    return purged, deleted_files


def prune_revisions(*, keep=10, older_than_days=365):
    """Remove revisions of live items beyond the newest ``keep`` that are older than the
    limit, then the files no revision or row names any more.

    A revision that holds several items goes only when it is surplus for each of them;
    a deleted item's last revision is left for ``purge_deleted``.
    Returns (revisions removed, items thinned, file names deleted after the commit).
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    surplus, holders, latest, live_keys = set(), defaultdict(set), {}, set()
    for model in recoverable_models():
        live = {str(pk) for pk in model._base_manager.values_list("pk", flat=True)}
        rows = (
            Version.objects.get_for_model(model)
            .order_by("object_id", "-revision__date_created", "-pk")
            .values_list("object_id", "revision_id", "revision__date_created")
        )
        position = defaultdict(int)
        for object_id, revision_id, created in rows.iterator():
            key = (model, object_id)
            holders[revision_id].add(key)
            latest.setdefault(key, revision_id)
            position[key] += 1
            if object_id not in live:
                # A deleted item (an old cover) stays recoverable from its last revision.
                if revision_id != latest[key]:
                    surplus.add((revision_id, key))
                continue
            live_keys.add(key)
            if position[key] > keep and created < cutoff:
                surplus.add((revision_id, key))
    # A pending draft is an unapplied revision: it is never surplus.
    pending = set(Draft.objects.exclude(revision=None).values_list("revision_id", flat=True))
    removable = [
        revision_id
        for revision_id, keys in holders.items()
        if all((revision_id, key) in surplus for key in keys)
        and keys & live_keys
        and revision_id not in pending
    ]
    thinned = set()
    for revision_id in removable:
        thinned |= holders[revision_id] & live_keys
    deleted_files = []
    with transaction.atomic():
        named = named_in_versions(Version.objects.filter(revision_id__in=removable))
        Revision.objects.filter(pk__in=removable).delete()
        _delete_files_after_commit(named, deleted_files)
    return len(removable), len(thinned), deleted_files
