from django.apps import AppConfig


class ExtraContentConfig(AppConfig):
    name = "tests.extra_content"
    label = "extra_content"
    default_auto_field = "django.db.models.BigAutoField"
