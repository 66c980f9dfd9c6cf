from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NorecSiteConfig(AppConfig):
    name = "norec_site"
    verbose_name = _("Site and shared content")

    def ready(self):
        from django.db.models.signals import post_delete, pre_delete

        from norec_site import change_messages, drafts, history, media_check, page_cache, revisions
        from norec_site.models import Publishable
        from norec_site.translation_status import connect_signals

        revisions.register_declared()
        for model in revisions.declared_models():
            pre_delete.connect(history.snapshot_before_delete, sender=model)
            if issubclass(model, Publishable):
                post_delete.connect(drafts.forget_drafts_of_deleted, sender=model)
        # Files a revision names can be restored: check_media never calls them orphans.
        media_check.keep_names_from(lambda alias: history.files_named_by_revisions())
        connect_signals()
        page_cache.connect_signals()
        change_messages.translate_field_names_in_change_messages()

        from django.conf import settings
        from PIL import Image

        # For the whole process, not only uploads: no decoder expands a picture past this.
        Image.MAX_IMAGE_PIXELS = settings.NOREC_IMAGE_MAX_PIXELS
