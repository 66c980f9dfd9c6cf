"""Settings shared by every environment; dev, test and prod adjust them."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "django_countries",
    "norec_site",
    "reports",
    "projects",
    "news",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware needs the session and must run before CommonMiddleware
    # so that /nn/-less paths are redirected before the slash is appended.
    "django.middleware.locale.LocaleMiddleware",
    "norec_site.middleware.StripNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "norec_site.urls"
WSGI_APPLICATION = "norec_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "norec_site.context_processors.site",
                "norec_site.pages.chrome.chrome",
            ],
        },
    },
]


def database_from_url(url):
    """One place that turns DATABASE_URL into Django's settings."""
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {"default": config}


DATABASES = database_from_url(os.environ["DATABASE_URL"]) if os.environ.get("DATABASE_URL") else {}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nn"
LANGUAGES = [
    ("nn", _("Norwegian Nynorsk")),
    ("nb", _("Norwegian Bokmål")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["norec_site.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "nn"
MODELTRANSLATION_LANGUAGES = ("nn", "nb", "en")
# Names in the shared vocabulary (topics, goals, series) fall back to another
# language rather than show nothing. Content and pictures do not (their translation
# options say so): an English page never shows a Nynorsk subtitle or caption.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nn", "nb", "en")
# The admin's language tabs need jQuery UI (modeltranslation reads this name); we serve
# our own copy (jquery-ui 1.14.1 from npm, in static/vendor/) instead of a CDN's.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: refuse what we cannot safely decode or store.
NOREC_IMAGE_MAX_BYTES = 20 * 1024 * 1024
NOREC_IMAGE_MAX_PIXELS = 50_000_000
NOREC_IMAGE_RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
NOREC_REPORT_MAX_BYTES = 100 * 1024 * 1024
# Norec's organisation identifier in the IATI files (reporting-org): set the real,
# registered one in production; the default only serves development and tests.
NOREC_IATI_REF = os.environ.get("NOREC_IATI_REF", "NO-BRC-971277882")
# Report PDFs: outside MEDIA_ROOT and never served directly; the download view
# checks that the report is published (in production: a private bucket).
NOREC_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("NOREC_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's own loggers print through the root handler, once.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
