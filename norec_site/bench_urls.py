"""The site's URLs behind the benchmark's floor view (norec_site.settings.bench only)."""

from django.http import HttpResponse
from django.urls import path

from norec_site.urls import handler400, handler404, handler500  # noqa: F401
from norec_site.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The smallest Django response: the whole middleware stack, no template, no query."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *site_urlpatterns]
