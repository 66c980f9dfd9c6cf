from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NorecSiteConfig(AppConfig):
    name = "norec_site"
    verbose_name = _("Site and shared content")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # For the whole process, not only uploads: no decoder expands a picture past this.
        Image.MAX_IMAGE_PIXELS = settings.NOREC_IMAGE_MAX_PIXELS
