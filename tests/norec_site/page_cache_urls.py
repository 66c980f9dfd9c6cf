"""The site's URLs, with a few pages that must never be cached put in front (the site
pages' catch-all would answer for them otherwise)."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from norec_site.urls import handler404, handler500  # noqa: F401
from norec_site.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse(f"cookie {request.GET.get('n', '')}")
    response.set_cookie("chosen", "1")
    return response


def adds_message(request):
    messages.info(request, "Saved")
    return HttpResponse(f"message {request.GET.get('n', '')}")


def csrf_form(request):
    token = get_token(request)
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{token}">')


@csrf_exempt
def counted(request):
    counted.calls += 1
    return HttpResponse(f"call {counted.calls}")


counted.calls = 0

urlpatterns = [
    path("nn/test-cookie/", sets_cookie),
    path("nn/test-message/", adds_message),
    path("nn/test-csrf/", csrf_form),
    path("nn/test-counted/", counted),
    *site_urlpatterns,
]
