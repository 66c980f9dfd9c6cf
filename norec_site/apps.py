from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NorecSiteConfig(AppConfig):
    name = "norec_site"
    verbose_name = _("Site and shared content")

    def ready(self):
        from norec_site import revisions

        revisions.register_declared()
