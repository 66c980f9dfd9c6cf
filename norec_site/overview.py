"""The editors' overview on the admin's front page: a list of sections, each a heading
and a function that gives a user's entries.

A section is one line in ``SECTIONS``. Its function takes the user and returns at
most ``LIMIT`` entries, in one query per content type the user may change (none for
the others), so the front page's query count does not grow with the content.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from norec_site.drafts import awaiting_review as submitted
from norec_site.drafts import drafts_by
from norec_site.languages import language_codes, language_name
from norec_site.models import Status, written_in
from norec_site.notifications import unread_for
from norec_site.registry import content_models

LIMIT = 10
SCHEDULE_DAYS = 14
RECENT_DAYS = 30


@dataclass(frozen=True)
class Entry:
    item: object
    type_name: str
    date: datetime.datetime | None
    url: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    entries: object  # user -> list[Entry]


def changeable_models(user):
    """The content types whose items ``user`` may change."""
    return [
        model
        for model in content_models()
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


def entry(item, date, note=""):
    opts = item._meta
    return Entry(
        item=item,
        type_name=capfirst(opts.verbose_name),
        date=date,
        url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]),
        note=note,
    )


def newest(entries, *, oldest_first=False):
    """The first ``LIMIT`` entries across content types, by date."""
    return sorted(entries, key=lambda e: e.date, reverse=not oldest_first)[:LIMIT]


def scheduled(user):
    """Published items that go live, or leave the site, within the next 14 days."""
    now = timezone.now()
    until = now + datetime.timedelta(days=SCHEDULE_DAYS)
    coming = Q(published_at__gt=now, published_at__lte=until) | Q(
        unpublish_at__gt=now, unpublish_at__lte=until
    )
    found = []
    for model in changeable_models(user):
        items = (
            model._default_manager.filter(coming, status=Status.PUBLISHED)
            .annotate(
                event=Case(
                    When(published_at__gt=now, then=F("published_at")), default="unpublish_at"
                )
            )
            .order_by("event")[:LIMIT]
        )
        for item in items:
            publishes = item.published_at and item.published_at > now
            found.append(
                entry(
                    item, item.event, gettext("Publishes") if publishes else gettext("Unpublishes")
                )
            )
    return newest(found, oldest_first=True)


def recently_published(user):
    """What went live in the last 30 days, newest first."""
    now = timezone.now()
    since = now - datetime.timedelta(days=RECENT_DAYS)
    found = []
    for model in changeable_models(user):
        items = model._default_manager.published().filter(published_at__gte=since)
        for item in items.order_by("-published_at")[:LIMIT]:
            found.append(entry(item, item.published_at))
    return newest(found)


def missing_translation(user):
    """Items with a title in a language but not all the texts that language needs."""
    codes = language_codes()
    found = []
    for model in changeable_models(user):
        incomplete = Q()
        for code in codes:
            complete = written_in(model.language_fields, code)
            incomplete |= Q(**{f"title_{code}__gt": ""}) & ~complete
        items = model._default_manager.filter(incomplete).order_by("-updated_at")[:LIMIT]
        for item in items:
            available = item.available_languages()
            lacking = [c for c in codes if getattr(item, f"title_{c}") and c not in available]
            names = ", ".join(language_name(code) for code in lacking)
            found.append(
                entry(
                    item,
                    item.updated_at,
                    gettext("Incomplete in %(languages)s") % {"languages": names},
                )
            )
    return newest(found)


def notifications(user):
    """The user's unread review notifications, newest first: each links to its item."""
    return [
        Entry(item=n.text, type_name="", date=n.created_at, url=n.link) for n in unread_for(user)
    ][:LIMIT]


def draft_entries(pairs, user):
    allowed = set(changeable_models(user))
    found = [
        entry(item, draft.updated_at, draft.get_state_display())
        for item, draft in pairs
        if type(item) in allowed
    ]
    return found[:LIMIT]


def my_drafts(user):
    """Unpublished changes the user wrote, newest first."""
    return draft_entries(drafts_by(user), user)


def awaiting_review(user):
    """Submitted changes, oldest first, for those who may publish them."""
    pairs = [
        (item, draft)
        for item, draft in submitted()
        if user.has_perm(f"{item._meta.app_label}.publish_{item._meta.model_name}")
    ]
    return draft_entries(pairs, user)


SECTIONS = [
    Section(_("Notifications"), notifications),
    Section(_("My drafts"), my_drafts),
    Section(_("Awaiting review"), awaiting_review),
    Section(_("Scheduled to publish or unpublish in the next 14 days"), scheduled),
    Section(_("Recently published"), recently_published),
    Section(_("Missing a translation"), missing_translation),
]


def overview(user):
    """(section, entries) for each section of the registry, in its order."""
    return [(section, section.entries(user)) for section in SECTIONS]
