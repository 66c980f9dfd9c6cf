from django.urls import path
from django.utils.translation import gettext_lazy as _

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="index"),
    path(_("feed/"), views.ReportFeed(), name="feed"),
    path(_("feed/atom/"), views.AtomReportFeed(), name="feed_atom"),
    path(_("files/<int:pk>/<str:filename>"), views.download, name="download"),
    path("<slug:slug>/", views.ReportDetailView.as_view(), name="detail"),
    path("<slug:slug>/citation.bib", views.bibtex, name="bibtex"),
    path("<slug:slug>/citation.ris", views.ris, name="ris"),
]
