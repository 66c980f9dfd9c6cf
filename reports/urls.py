from django.urls import path
from django.utils.translation import gettext_lazy as _

from reports import feeds, views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="index"),
    # File names with a dot can never clash with a report's slug.
    path("rss.xml", feeds.ReportFeed(), name="feed"),
    path("atom.xml", feeds.ReportAtomFeed(), name="feed_atom"),
    path(_("files/<int:pk>/<str:filename>"), views.download, name="download"),
    path("<slug:slug>/", views.ReportDetailView.as_view(), name="detail"),
    path("<slug:slug>/citation.bib", views.bibtex, name="bibtex"),
    path("<slug:slug>/citation.ris", views.ris, name="ris"),
]
