from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NorecSiteConfig(AppConfig):
    name = "norec_site"
    verbose_name = _("Site and shared content")

    def ready(self):
        from norec_site import change_messages, revisions
        from norec_site.translation_status import connect_signals

        revisions.register_declared()
        connect_signals()
        change_messages.translate_field_names_in_change_messages()
