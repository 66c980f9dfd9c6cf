from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"

# Included last: every other route wins, and their first parts are reserved slugs.
urlpatterns = [
    path(_("accessibility/"), views.accessibility_statement, name="accessibility"),
    path("<path:path>/", views.SitePageDetailView.as_view(), name="detail"),
]
