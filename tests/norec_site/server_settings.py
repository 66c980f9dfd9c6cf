"""Production settings for the two-server test: plain HTTP on 127.0.0.1.

Everything else (Redis cache and sessions, media from the environment) is prod's own.
"""

from norec_site.settings.prod import *  # noqa: F403
from norec_site.settings.prod import STORAGES

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# No collectstatic in a test: whitenoise serves the files from the app folders.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
