"""Settings shared by every environment; dev, test and prod adjust them."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # norec_site's ready() registers content with django-reversion: after
    # modeltranslation has added the per-language fields, before the admin loads.
    "norec_site",
    "reversion",
    "norec_site.admin_apps.NorecAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "django_countries",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "reports",
    "projects",
    "news",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "norec_site.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "norec_site.limits.RequestSizeLimitMiddleware",
    # Before the session, locale and CSRF work: a cached page for an anonymous
    # visitor is answered here (norec_site.page_cache says when it may be).
    "norec_site.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware needs the session and must run before CommonMiddleware
    # so that /nn/-less paths are redirected before the slash is appended.
    "django.middleware.locale.LocaleMiddleware",
    "norec_site.middleware.StripNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "norec_site.admin_language.AdminLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "norec_site.twofactor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
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
    # A socket folder given as ?host= (the embedded server's) is the host, so that
    # every DATABASE_URL made from these settings (test and benchmark servers) keeps it.
    if not config.get("HOST") and "host" in config.get("OPTIONS", {}):
        config["HOST"] = config["OPTIONS"].pop("host")
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
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
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
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# --- Media storage: local folders, or S3-compatible buckets from the environment ---
# When AWS_S3_ENDPOINT_URL or AWS_STORAGE_BUCKET_NAME is set, pictures go to that
# public bucket and report PDFs (the "private" storage) to NOREC_PRIVATE_BUCKET;
# a missing bucket stops the start with a message (norec_site/storage_settings.py).
from norec_site.storage_settings import media_storages  # noqa: E402

STORAGES = {
    **media_storages(os.environ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# --- end of media storage ---

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

# The cache of whole pages for anonymous visitors (norec_site.page_cache): how long a
# page is kept at most, in seconds (0 turns it off). Its entries never outlive a change
# of content, nor the next scheduled publication. Production with REDIS_URL keeps
# them in Redis; without it, each process keeps its own in memory.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 300))
# Part of every cached page's key, with the static files' manifest: set it to the
# deployed commit (or any name of the release) so that a deploy starts afresh.
NOREC_RELEASE = os.environ.get("NOREC_RELEASE", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

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

# --- Hardening (issue 11): headers, limits, throttling, faults ---------------------------
# A refused Host is logged once, at warning level, by norec_site.errors.bad_request;
# Django's own security logger would add an error line with a traceback for each.
LOGGING["loggers"]["django.security.DisallowedHost"] = {"handlers": [], "propagate": False}

# Content-Security-Policy (django-csp 4): public pages get 'self' only, no nonce, because
# they are cached whole; norec_site.csp adds nonces for the admin. No 'unsafe-inline'
# or 'unsafe-eval' anywhere. frame-ancestors also replaces X-Frame-Options in browsers
# that know it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Nothing on the site uses these browser features; say so, so that no injected
# or embedded content may either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi",
        "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock",
        "sync-xhr", "usb", "xr-spatial-tracking",
    )
} | {"fullscreen": ["self"]}  # fmt: skip
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Requests larger than this get 413 before anything reads them (norec_site.limits); the
# report form allows one NOREC_REPORT_MAX_BYTES PDF per language, plus 1 MB.
NOREC_REQUEST_MAX_BYTES = int(os.environ.get("NOREC_REQUEST_MAX_BYTES", 20 * 1024 * 1024))

# Log-in throttling (django-axes): attempts are rows in PostgreSQL. Lock the account
# from one address, and one address trying many accounts; never an account on its own,
# so that nobody elsewhere can lock an editor out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("NOREC_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NOREC_LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "norec_site.login.lockout"
AXES_CLIENT_IP_CALLABLE = "norec_site.login.client_ip"
# How many proxies of ours stand in front (each appends to X-Forwarded-For); 0 means the
# socket's address is the client's.
NOREC_TRUSTED_PROXIES = int(os.environ.get("NOREC_TRUSTED_PROXIES", 0))
# Two-factor log-in (django-otp, TOTP): staff may turn it on, superusers must.
OTP_TOTP_ISSUER = "Norec"
