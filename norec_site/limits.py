"""Request size limits, checked before anything reads the body.

The proxy in front (client_max_body_size) is the real guard; this answers 413 from
the Content-Length alone, ahead of the CSRF middleware, which reads POST bodies, and
cuts a chunked body that gives no length at the same limit.
"""

import re
import tempfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.handlers.wsgi import LimitedStream
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from norec_site.errors import error_page, visitor_language
from norec_site.registry import content_models

MEGABYTE = 1024 * 1024
ADMIN_FORM = re.compile(r"^/admin/(?P<app>\w+)/(?P<model>\w+)/(?:add|[0-9]+/change)/$")


def form_limit(model):
    """What the admin form of a content type that carries files (one per language,
    as large as its declared setting allows) may send; None for the others."""
    setting = model.content.form_file_limit_setting
    if not setting:
        return None
    return len(settings.LANGUAGES) * getattr(settings, setting) + MEGABYTE


def check_file_size(upload, max_bytes, message):
    """Refuse an upload larger than ``max_bytes``: ``message`` tells the editor what to do,
    with the file's ``%(size)s`` and the ``%(max)s`` allowed."""
    if upload.size > max_bytes:
        raise ValidationError(
            message % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )


def limit_for(path):
    match = ADMIN_FORM.match(path)
    if match:
        for model in content_models():
            opts = model._meta
            if (opts.app_label, opts.model_name) == (match["app"], match["model"]):
                return form_limit(model) or settings.NOREC_REQUEST_MAX_BYTES
    return settings.NOREC_REQUEST_MAX_BYTES


def too_large(request, limit):
    with translation.override(visitor_language(request)):
        message = _("What you sent is too large: at most %(max)s at a time.") % {
            "max": filesizeformat(limit)
        }
    response = error_page(request, "413.html", 413, message=message)
    # The rest of the body is never read; the connection must not be reused for it.
    response["Connection"] = "close"
    return response


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = limit_for(request.path_info)
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.strip():
            try:
                too_big = int(length) > limit
            except ValueError:
                too_big = False  # Django treats a bad length as no body
            if too_big:
                return too_large(request, limit)
        elif self.is_chunked(request) and not self.read_chunked(request, limit):
            return too_large(request, limit)
        return self.get_response(request)

    @staticmethod
    def is_chunked(request):
        return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()

    @staticmethod
    def read_chunked(request, limit):
        """Read a body that gives no length, up to ``limit``; False when it is longer.

        The server (gunicorn) decodes the chunks; Django would otherwise read nothing.
        """
        source = request.environ["wsgi.input"]
        # Handed to the request, which reads and closes it: no context manager here.
        body = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)  # noqa: SIM115
        size = 0
        while size <= limit:
            chunk = source.read(min(64 * 1024, limit + 1 - size))
            if not chunk:
                break
            body.write(chunk)
            size += len(chunk)
        if size > limit:
            body.close()
            return False
        body.seek(0)
        request.META["CONTENT_LENGTH"] = str(size)
        request._stream = LimitedStream(body, size)
        request._read_started = False
        return True
