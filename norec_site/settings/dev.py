"""Local development: DEBUG on, embedded PostgreSQL unless DATABASE_URL is set."""

import os

from norec_site import embedded_db

from .base import *  # noqa: F403
from .base import database_from_url

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - dev only; production reads its own
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]

if not os.environ.get("DATABASE_URL"):
    DATABASES = database_from_url(embedded_db.start(embedded_db.DEV_DATA_DIR))

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
