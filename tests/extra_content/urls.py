"""The site's URLs with the events' in front (a real app would add one include)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from norec_site.urls import handler400, handler404, handler500
from norec_site.urls import urlpatterns as site_urls

from . import views

event_urls = (
    [
        path("", views.EventList.as_view(), name="index"),
        path("<slug:slug>/", views.EventDetail.as_view(), name="detail"),
    ],
    "events",
)

urlpatterns = [*i18n_patterns(path("events/", include(event_urls))), *site_urls]

__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]
