from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"


class PagePathConverter:
    """Slugs joined by slashes: never a file name (no dot), so /media/x.pdf stays a 404.

    Never under ``admin/`` either: an admin address that answers 404 (a refused
    view-on-site shortcut) must stay a 404, not be sent on to /nn/admin/… by
    LocaleMiddleware because a page could live there.
    """

    regex = r"(?!admin(?:/|$))[-\w]+(?:/[-\w]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PagePathConverter, "pagepath")

# Included last: every other route wins, and their first parts are reserved slugs.
urlpatterns = [
    path(_("accessibility/"), views.accessibility_statement, name="accessibility"),
    path("<pagepath:path>/", views.SitePageDetailView.as_view(), name="detail"),
]
