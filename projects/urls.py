from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import opendata, views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="index"),
    path(_("projects.csv"), opendata.projects_csv, name="csv"),
    path(_("projects.json"), opendata.projects_json, name="json"),
    path("iati-activities.xml", opendata.projects_iati, name="iati"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
