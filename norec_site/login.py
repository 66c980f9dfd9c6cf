"""Log-in throttling (django-axes): who the client is behind the proxy, and the lockout page."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def client_ip(request):
    """The client's address: the socket's, or the one our own trusted proxies recorded.

    With NOREC_TRUSTED_PROXIES = N, each of our N proxies appended the address it saw to
    X-Forwarded-For, so the N-th entry from the right is the client; entries further left
    came from the client and could say anything.
    """
    proxies = settings.NOREC_TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # not through all of our proxies: trust only the socket
    return forwarded[-proxies]


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed log-ins. Wait %(minutes)d minute and try again, or ask an "
        "administrator to unlock your account.",
        "Too many failed log-ins. Wait %(minutes)d minutes and try again, or ask an "
        "administrator to unlock your account.",
        minutes,
    ) % {"minutes": minutes}


def lockout(request, original_response=None, credentials=None):
    """The admin's log-in page again, saying why and for how long, in its language."""
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "app_path": request.get_full_path(),
        "form": AdminAuthenticationForm(request),
        "lockout_message": lockout_message(),
    }
    response = TemplateResponse(request, "admin/login.html", context, status=429).render()
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
