from django.urls import path
from django.views.generic import TemplateView

app_name = "projects"

# Placeholder until the projects pages land.
urlpatterns = [path("", TemplateView.as_view(template_name="norec_site/home.html"), name="index")]
