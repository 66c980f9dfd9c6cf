"""Drafts of live content: changes to a published item that visitors do not see yet.

A draft is an unapplied django-reversion revision. Saving a published item without
publishing runs the ordinary save inside a savepoint, serialises the item and the rows it
follows exactly as reversion does, rolls the savepoint back so that nothing live changes,
and keeps that serialisation as a new revision that the item's ``Draft`` points to.
Showing the draft (the change page, the preview) applies that revision inside a
transaction that is rolled back once the page is rendered. Publishing applies it for
real, as a normal revision. Items that were never published have no drafts: they are
not public, and are edited live.
"""

import contextvars
from contextlib import contextmanager

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion.models import Revision, Version
from reversion.revisions import _current_frame, _pop_frame, _push_frame
from reversion.revisions import _stack as _revision_stack

from norec_site.conflicts import lock_row
from norec_site.history import recorded, set_within
from norec_site.models import Draft, ReviewEvent, Status

DRAFT_COMMENT = gettext_noop("Draft, not published")


# Set while a change is being made inside a draft's savepoint: writes there stay plain.
_drafting = contextvars.ContextVar("drafting", default=False)


def drafting():
    return set_within(_drafting, True)


def goes_into_draft(item):
    """Whether a write to ``item`` now must go into its draft rather than live."""
    return is_live(item) and not _drafting.get()


class DraftError(Exception):
    """A draft that cannot be published now; the message is for the editor."""


class _RollBack(Exception):
    pass


def is_live(item):
    """A published item (now, scheduled or past its time): its changes go into a draft."""
    return getattr(item, "status", None) == Status.PUBLISHED


def may_publish(user, item_or_model):
    opts = item_or_model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def _key(item):
    return {"content_type": ContentType.objects.get_for_model(type(item)), "object_id": item.pk}


def draft_for(item):
    if item is None or item.pk is None:
        return None
    return Draft.objects.filter(**_key(item)).select_related("revision", "author").first()


@contextmanager
def unrecorded():
    """Writes inside make no revision, whatever revision is open around them."""
    with set_within(_revision_stack, []):
        _push_frame(manage_manually=True, using=router.db_for_write(Revision))
        try:
            yield
        finally:
            _pop_frame()


@contextmanager
def rolled_back():
    """A savepoint that is always rolled back: nothing written inside stays."""
    try:
        with transaction.atomic():
            yield
            raise _RollBack
    except _RollBack:
        pass


def serialise(item):
    """The item and the rows it follows, as reversion would keep them (unsaved versions)."""
    item = type(item)._base_manager.get(pk=item.pk)
    with unrecorded():
        reversion.add_to_revision(item)
        return list(_current_frame().db_versions[router.db_for_write(Revision)].values())


def root_version(revision, item):
    key = _key(item)
    return revision.version_set.filter(
        content_type=key["content_type"], object_id=str(item.pk)
    ).first()


def apply_revision(item, revision, user):
    """Write ``revision`` of ``item`` over its live rows (the caller decides whether it
    stays), with what history restores do: missing relations left out, counters kept."""
    from norec_site.history_restore import revert

    version = root_version(revision, item)
    current = type(item)._base_manager.get(pk=item.pk)
    return revert(version, current, user)


@contextmanager
def showing_draft(item, user=None):
    """Inside, the database holds ``item`` with its draft applied; afterwards, as before.

    Yields the item as its draft has it (or the item itself when it has none). Render
    what must show the draft inside: querysets read after the block see the live rows.
    """
    draft = draft_for(item)
    if draft is None or draft.revision_id is None:
        yield item
        return
    with rolled_back(), unrecorded():
        apply_revision(item, draft.revision, draft.author or user)
        type(item)._base_manager.filter(pk=item.pk).update(updated_at=draft.updated_at)
        yield type(item)._default_manager.get(pk=item.pk)


def store_draft(item, versions, user, comment=""):
    """Keep ``versions`` (from ``serialise``) as a new revision and point the item's draft
    at it. The revision before stays in the item's history."""
    text = _(DRAFT_COMMENT) if not comment else f"{_(DRAFT_COMMENT)}: {comment}"
    revision = _store_versions(versions, user, text)
    draft = Draft.objects.select_for_update().filter(**_key(item)).first()
    if draft is None:
        return Draft.objects.create(**_key(item), revision=revision, author=_user(user))
    draft.revision = revision
    draft.author = _user(user) or draft.author
    draft.version += 1
    if draft.state == Draft.State.SENT_BACK:
        draft.state = Draft.State.EDITING
    draft.save()
    return draft


def _store_versions(versions, user, comment):
    revision = Revision.objects.create(
        date_created=timezone.now(), user=_user(user), comment=comment[:500]
    )
    for version in versions:
        version.pk = None
        version.revision = revision
    Version.objects.bulk_create(versions)
    return revision


def changes_against_live(item, draft):
    """What the draft changes in the live item, per language: (name, code, changed lines).

    A never-published item has nothing live: all of it is new.
    """
    from norec_site.history_display import Snapshot, compare, snapshot

    names = {}
    with rolled_back():
        live = snapshot(root_version(_store_versions(serialise(item), None, ""), item), names)
        if draft.revision_id:
            new = snapshot(root_version(draft.revision, item), names)
        else:
            live, new = Snapshot(version=None), live
        sections = compare(live, new)
    return [
        (name, code, [line for line in lines if line.changed])
        for name, code, lines in sections
        if any(line.changed for line in lines)
    ]


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def change_into_draft(item, user, change, comment=""):
    """Make ``change(obj)`` to the item's draft (its live rows if it has none) and keep
    the result as its draft: the write path for everything outside the change form."""
    with transaction.atomic():
        lock_row(type(item), item.pk)
        result = None
        with rolled_back(), unrecorded(), drafting():
            draft = draft_for(item)
            if draft is not None and draft.revision_id:
                apply_revision(item, draft.revision, draft.author or user)
            obj = type(item)._default_manager.get(pk=item.pk)
            result = change(obj)
            versions = serialise(obj)
        store_draft(item, versions, user, comment)
    return result


def save_draft_from_revision(item, revision, user, comment=""):
    """An older revision of a published item, brought back as its draft."""
    from norec_site.history_restore import revert

    version = root_version(revision, item)

    def restore(obj):
        return revert(version, obj, user)

    return change_into_draft(item, user, restore, comment)


def slug_clashes(item, revision):
    """Slugs in ``revision`` that another item uses now (publishing would fail)."""
    version = root_version(revision, item)
    data = version.field_dict if version else {}
    others = type(item)._base_manager.exclude(pk=item.pk)
    clashes = []
    for model_field in type(item)._meta.concrete_fields:
        if isinstance(model_field, models.SlugField) and model_field.name.startswith("slug_"):
            slug = data.get(model_field.attname)
            if slug and others.filter(**{model_field.name: slug}).exists():
                clashes.append(slug)
    return clashes


def publish_draft(item, user, comment=""):
    """Apply the item's draft for real, published, as a normal revision; the draft goes.

    Raises ``DraftError`` (nothing changed) when a slug of the draft is taken.
    """
    with transaction.atomic():
        lock_row(type(item), item.pk)
        draft = Draft.objects.select_for_update().filter(**_key(item)).first()
        if draft is None:
            return None
        if draft.revision_id:
            clashes = slug_clashes(item, draft.revision)
            if clashes:
                raise DraftError(
                    _(
                        "“%(item)s” was not published: another item now uses the address "
                        "%(slugs)s. Change it in the draft and publish again."
                    )
                    % {"item": item, "slugs": ", ".join(clashes)}
                )
        with recorded(comment=comment or _("Published the draft"), user=user):
            if draft.revision_id:
                apply_revision(item, draft.revision, user)
            obj = type(item)._default_manager.get(pk=item.pk)
            obj.status = Status.PUBLISHED
            obj.updated_by = _user(user)
            obj.save()
        draft.delete()
        ReviewEvent.objects.create(**_key(item), actor=_user(user), action="published")
    return obj


def forget_drafts_of_deleted(sender, instance, **kwargs):
    """A deleted item has no pending changes; its draft's revision stays in its history."""
    if instance.pk is not None:
        Draft.objects.filter(**_key(instance)).delete()


def discard_draft(item):
    """Back to the live version: the draft goes, its revision stays in the history."""
    return Draft.objects.filter(**_key(item)).delete()[0] > 0


def drafts_for_items(items):
    """{pk: draft} for these items of one model, in one query (list pages)."""
    items = list(items)
    if not items:
        return {}
    content_type = ContentType.objects.get_for_model(type(items[0]))
    rows = Draft.objects.filter(
        content_type=content_type, object_id__in=[item.pk for item in items]
    )
    return {row.object_id: row for row in rows}


def _pairs(drafts):
    """(item, draft) for drafts of every content type, with one query per type."""
    drafts = list(drafts)
    wanted = {}
    for draft in drafts:
        wanted.setdefault(draft.content_type_id, set()).add(draft.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model._base_manager.filter(pk__in=ids):
            found[(content_type_id, obj.pk)] = obj
    return [
        (found[(d.content_type_id, d.object_id)], d)
        for d in drafts
        if (d.content_type_id, d.object_id) in found
    ]


def drafts_by(user):
    """(item, draft) of the drafts ``user`` wrote, newest first, across content types."""
    return _pairs(Draft.objects.filter(author=user).order_by("-updated_at"))


def awaiting_review():
    """(item, draft) of everything submitted for review, oldest first."""
    return _pairs(Draft.objects.filter(state=Draft.State.SUBMITTED).order_by("updated_at"))
