from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="index"),
    path(_("projects.csv"), views.projects_csv, name="csv"),
    path(_("projects.json"), views.projects_json, name="json"),
    path("iati-activities.xml", views.projects_iati, name="iati"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
