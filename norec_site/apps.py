from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NorecSiteConfig(AppConfig):
    name = "norec_site"
    verbose_name = _("Site and shared content")

    def ready(self):
        from django.db.models.signals import pre_delete

        from norec_site import history, revisions

        revisions.register_declared()
        for model in revisions.declared_models():
            pre_delete.connect(history.snapshot_before_delete, sender=model)
