"""The admin speaks each editor's own language: Nynorsk unless they chose another.

The public site follows the address (/nn/, /nb/, /en/). The admin has no prefix:
signed-in staff get the language stored in their ``EditorPreference``, Nynorsk by
default whatever their browser says. The login page, where nobody is known yet,
keeps what LocaleMiddleware chose from the browser, with Nynorsk as the fallback.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from norec_site.models import EditorPreference

SESSION_KEY = "norec_admin_language"
DEFAULT = "nn"


def admin_language(user):
    preference = EditorPreference.objects.filter(user=user).values_list(
        "admin_language", flat=True
    )
    return preference.first() or DEFAULT


class AdminLanguageMiddleware:
    """After authentication: activate the editor's language on every admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        in_admin = request.path.startswith(reverse("admin:index"))
        if in_admin and user is not None and user.is_authenticated and user.is_staff:
            language = request.session.get(SESSION_KEY)
            if language not in dict(settings.LANGUAGES):
                language = admin_language(user)
                request.session[SESSION_KEY] = language
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
def set_admin_language(request):
    """The switch in the admin header: store the choice, then go back."""
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES):
        EditorPreference.objects.update_or_create(
            user=request.user, defaults={"admin_language": language}
        )
        request.session[SESSION_KEY] = language
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("admin:index")
    return HttpResponseRedirect(back)
