"""Whole public pages for anonymous visitors, from a cache that is never stale.

Pages are kept under a key made of the release, the content version, the scheme,
host, path and query (hashed, so that the key stays short whatever the query). The
content version is one row in PostgreSQL (``ContentVersion``), read once per request
by every worker: a save, delete or link change of anything a page shows raises it
after its transaction commits, so every worker's cached pages (Redis, or each
worker's local memory) stop matching at once. The next scheduled publication or
unpublication is kept beside it; once that time has passed, the first request raises
the version.

Browsers revalidate: pages go out with ``Cache-Control: no-cache`` and an ETag, and a
repeat request with that ETag gets 304.

The middleware sits before the session, locale and CSRF middleware, so a cached page
costs none of their work. It steps aside for anyone with a session or messages
cookie (staff, previews), for anything but GET and HEAD, and outside the language
prefixes and the sitemap; it stores only 200 responses that set no cookie, used no
session or CSRF token, and say nothing against caching.
"""

import functools
import hashlib
import logging
import math
import re
import threading
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
# Outside the language prefixes: the sitemap index and its sections' pages.
EXTRA_PATHS = re.compile(r"/sitemap(-[-\w]+)?\.xml")
SAFE_METHODS = ("GET", "HEAD")
# Headers that belong to one response, not to the page.
UNSTORED_HEADERS = {"set-cookie", "date", "content-length"}


def page_cache():
    return caches[CACHE_ALIAS]


def cache_seconds():
    return max(0, int(getattr(settings, "PAGE_CACHE_SECONDS", 0)))


# The release ---------------------------------------------------------------


def release():
    """What a deploy changes: NOREC_RELEASE (such as the git commit) and the hash of
    the static files' manifest, so that no page cached before a deploy names static
    files that are gone."""
    return f"{getattr(settings, 'NOREC_RELEASE', '')}-{_manifest.hash}"


class _Manifest:
    @cached_property
    def hash(self):
        from django.contrib.staticfiles.storage import staticfiles_storage

        return getattr(staticfiles_storage, "manifest_hash", "") or ""


_manifest = _Manifest()


# The content version ---------------------------------------------------------


def _table():
    from norec_site.models import ContentVersion

    return connection.ops.quote_name(ContentVersion._meta.db_table)


def read_version():
    """(version, next_change_at): one query. Raises the version first when a
    scheduled time has passed."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version, next_change_at FROM {_table()} WHERE id = 1")  # noqa: S608 - our own table's name
        row = cursor.fetchone()
    if row is None:
        forget_fragments()  # a version made afresh may repeat an old number
        return bump(), None
    version, next_change_at = row
    if next_change_at is not None and next_change_at <= timezone.now():
        return bump(due=next_change_at), None
    return version, next_change_at


def next_scheduled_change(now=None):
    """The earliest future publication or unpublication time of any content: one query
    (a UNION of each content type's next two times)."""
    from norec_site.models.public import Status
    from norec_site.registry import content_models

    now = now or timezone.now()
    parts = []
    for model in content_models():
        published = model._base_manager.filter(status=Status.PUBLISHED)
        for field in ("published_at", "unpublish_at"):
            upcoming = published.filter(**{f"{field}__gt": now}).order_by(field)
            parts.append(upcoming.values_list(field, flat=True)[:1])
    if not parts:
        return None
    return min(parts[0].union(*parts[1:], all=True), default=None)


def bump(due=None):
    """Raise the content version and recompute the next scheduled change; returns
    the new version. With ``due``, only if nobody else has raised it for that time."""
    next_change_at = next_scheduled_change()
    with connection.cursor() as cursor:
        if due is not None:
            cursor.execute(
                f"UPDATE {_table()} SET version = version + 1, next_change_at = %s "  # noqa: S608 - our own table's name
                "WHERE id = 1 AND next_change_at <= %s RETURNING version",
                [next_change_at, due],
            )
            row = cursor.fetchone()
            if row is not None:
                return row[0]
            cursor.execute(f"SELECT version FROM {_table()} WHERE id = 1")  # noqa: S608 - our own table's name
            return cursor.fetchone()[0]
        cursor.execute(
            f"INSERT INTO {_table()} (id, version, next_change_at) VALUES (1, 1, %s) "  # noqa: S608 - our own table's name
            "ON CONFLICT (id) DO UPDATE SET version = {table}.version + 1, "
            "next_change_at = EXCLUDED.next_change_at RETURNING version".format(table=_table()),
            [next_change_at],
        )
        return cursor.fetchone()[0]


class _PendingBump:
    """The bump waiting for the current transaction's commit: one per transaction."""

    done = False

    def __call__(self):
        self.done = True
        try:
            bump()
        except DatabaseError:
            logger.exception("The content version could not be raised; pages may be stale")


def content_changed(using="default"):
    """Raise the content version once the current transaction commits (once per
    transaction, however many rows it writes)."""
    db = transaction.get_connection(using)
    if db.in_atomic_block and change_pending(using):
        return
    db.norec_pending_bump = pending = _PendingBump()
    transaction.on_commit(pending, using=using)


def change_pending(using="default"):
    """Whether this connection's transaction has changed content that no version shows
    yet (the raise waits for the commit): what was read in it must not be kept."""
    db = transaction.get_connection(using)
    pending = getattr(db, "norec_pending_bump", None)
    return (
        pending is not None
        and not pending.done
        and any(func is pending for _sids, func, _robust in db.run_on_commit)
    )


def request_version(request):
    """The content version this request reads its pages under: the page cache's, else
    read now (one query)."""
    version = getattr(request, "norec_content_version", None)
    if version is None:
        version = request.norec_content_version = read_version()[0]
    return version


# Small parts of pages (the menus, counts), kept in this process for one content version.
_fragments = (None, {})
# Keys may come from a query string (a facet selection): past this many, the oldest goes.
FRAGMENT_LIMIT = 256
# Held while the kept parts change: threads of one process (gunicorn --threads) would
# else evict the same oldest key at once (a KeyError) or read it while another adds one.
_fragments_lock = threading.Lock()
_MISSING = object()


def fragment(request, key, make, keep_if=None):
    """``make()``, made once per process and content version: the same in every worker,
    since the version is PostgreSQL's. Made afresh, and not kept, while this
    transaction has changed content that no version shows yet, or when ``keep_if``
    says of the value that it is not worth a place."""
    global _fragments
    if change_pending():
        return make()
    version = request_version(request)
    with _fragments_lock:
        kept_version, kept = _fragments
        if kept_version != version:
            kept = {}
            _fragments = (version, kept)
        found = kept.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = make()
    if keep_if is None or keep_if(value):
        with _fragments_lock:
            while len(kept) >= FRAGMENT_LIMIT:
                del kept[next(iter(kept))]
            kept[key] = value
    return value


def forget_fragments(kind=None):
    """Every kept fragment, or only those whose key is a tuple starting with ``kind``."""
    global _fragments
    with _fragments_lock:
        if kind is None:
            _fragments = (None, {})
            return
        kept = _fragments[1]
        for key in [key for key in kept if isinstance(key, tuple) and key[:1] == (kind,)]:
            del kept[key]


def affects_pages(model):
    """Models of the site's app and of the content types' apps, unless they say
    otherwise; never the historical models of a migration."""
    return model._meta.apps is apps and _shown_on_pages(model)


@functools.cache
def _shown_on_pages(model):
    """Asked once per model class, not on every write: page_apps() walks every model.
    Asked anew when the installed apps change (a test adds a content type)."""
    from norec_site.registry import page_apps

    return model._meta.app_label in page_apps() and getattr(model, "affects_pages", True)


def _on_write(sender, using="default", raw=False, **kwargs):
    if affects_pages(sender):
        content_changed(using)


def _on_m2m(sender, instance, action, using="default", **kwargs):
    if action.startswith("post_") and (affects_pages(type(instance)) or affects_pages(sender)):
        content_changed(using)


def _on_setting_changed(setting, **kwargs):
    if setting == "INSTALLED_APPS":  # the tests' override_settings: other content types
        _shown_on_pages.cache_clear()


def connect_signals():
    setting_changed.connect(_on_setting_changed, dispatch_uid="page_cache_apps")
    post_save.connect(_on_write, dispatch_uid="page_cache_save")
    post_delete.connect(_on_write, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="page_cache_m2m")


def clear():
    page_cache().clear()
    content_changed()


# The middleware --------------------------------------------------------------


def is_public_path(path):
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return path.startswith(prefixes) or bool(EXTRA_PATHS.fullmatch(path))


def bypassed(request):
    """Staff and previews (a session), messages, and anything but GET and HEAD."""
    if request.method not in SAFE_METHODS or not is_public_path(request.path_info):
        return True
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies


def cache_key(request, version):
    parts = "\n".join(
        (request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", ""))
    )
    digest = hashlib.sha256(parts.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{release()}:{version}:{digest}"


def storable(request, response):
    """A 200 that any anonymous visitor may get the same, and that says nothing
    against caching."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.accessed or session.modified):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (
        messages._queued_messages or getattr(messages, "_loaded_data", None)
    ):
        return False
    control = {
        part.strip().split("=")[0].lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if control & {"private", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    # The language is in the path. The sitemap, outside the prefixes, lists every
    # language whatever the visitor's, though LocaleMiddleware says it varies.
    allowed = {"", "accept-encoding"}
    if EXTRA_PATHS.fullmatch(request.path_info):
        allowed.add("accept-language")
    return vary <= allowed


def etag_for(content):
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def not_modified(request, etag):
    asked = request.META.get("HTTP_IF_NONE_MATCH", "")
    return bool(asked) and (asked.strip() == "*" or etag in cc_delim_re.split(asked))


def answer(request, status, headers, content):
    etag = headers.get("ETag")
    if etag and not_modified(request, etag):
        response = HttpResponseNotModified()
        for name in ("ETag", "Cache-Control", "Content-Language", "Vary"):
            if name in headers:
                response[name] = headers[name]
        return response
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        if seconds == 0 or bypassed(request):
            return self.get_response(request)
        version, next_change_at = read_version()
        request.norec_content_version = version
        key = cache_key(request, version)
        cache = page_cache()
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            return answer(request, status, headers, content)

        response = self.get_response(request)
        if not storable(request, response):
            return response
        patch_cache_control(response, no_cache=True)
        response["ETag"] = etag_for(response.content)
        headers = {
            name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
        }
        if next_change_at is not None:
            left = (next_change_at - timezone.now()) / timedelta(seconds=1)
            seconds = max(1, min(seconds, math.ceil(left)))
        cache.set(key, (response.status_code, headers, response.content), seconds)
        if not_modified(request, response["ETag"]):
            return answer(request, response.status_code, headers, b"")
        return response
