"""The 400, 404, 500 and 503 pages: they need neither the request's host nor the database.

They are rendered without context processors (which could read the session or the
user) and without anything that builds absolute addresses (which asks for the host),
so that they still render when the host is refused or PostgreSQL is down.
"""

import logging
import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_from_path

from norec_site.pages.chrome import fixed_chrome

logger = logging.getLogger("norec.security")

RETRY_AFTER_SECONDS = 30


def visitor_language(request):
    """The language of the address, else of the browser's Accept-Language header."""
    return get_language_from_path(request.path_info) or translation.get_language_from_request(
        request, check_path=False
    )


def error_page(request, template, status, **context):
    with translation.override(visitor_language(request)):
        # The fixed menu and footer (with the accessibility statement): no database.
        chrome = fixed_chrome(request.path_info)
        context = {"status": status, "default_alternates": [], "site_chrome": chrome, **context}
        html = render_to_string(template, context)
    return HttpResponse(html, status=status)


def bad_request(request, exception):
    response = error_page(request, "400.html", 400)
    if isinstance(exception, DisallowedHost):
        # One warning per refused request; Django's own two error lines are silenced
        # in LOGGING. The host is what the client sent, so log it quoted.
        logger.warning(
            "Refused a request for an unknown host %r: %s %s",
            request.META.get("HTTP_HOST", ""),
            request.method,
            request.path_info[:200],
        )
        response._has_been_logged = True
    return response


def page_not_found(request, exception):
    return error_page(request, "404.html", 404)


def database_unreachable(error):
    """Whether ``error`` says the database cannot be reached (down, restarting, refused)."""
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    """A 500, unless the error in flight is the database being away: then a 503."""
    if database_unreachable(sys.exc_info()[1]):
        return service_unavailable(request)
    return error_page(request, "500.html", 500)


def service_unavailable(request):
    """The database cannot be reached: ask the visitor (and crawlers) to come back soon."""
    response = error_page(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
