"""The test suite: real PostgreSQL, fast hashing, local-memory cache."""

import os

from norec_site import embedded_db
from norec_site.storage_settings import LOCAL_MEDIA

from .base import *  # noqa: F403
from .base import database_from_url

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off, since each test's rolled-back writes never raise the content version; the
# page-cache tests turn it on (tests/norec_site/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# Local folders whatever the environment says; the object-store tests set their own.
STORAGES = {
    **LOCAL_MEDIA,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Live-server browser tests get static files straight from the app folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# MEDIA_ROOT and NOREC_PRIVATE_MEDIA_ROOT: tests/conftest.py points them at a folder of the
# test session, removed at its end, and each test at its own tmp_path.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if not os.environ.get("DATABASE_URL"):
    DATABASES = database_from_url(embedded_db.start_throwaway())
