from django.urls import path
from django.views.generic import TemplateView

app_name = "news"

# Placeholder until the news pages land.
urlpatterns = [path("", TemplateView.as_view(template_name="norec_site/home.html"), name="index")]
