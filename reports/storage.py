"""Report PDFs live outside MEDIA_ROOT, so a draft's file has no public address."""

import os

from django.conf import settings

from norec_site.storage import AtomicFileSystemStorage


class PrivateStorage(AtomicFileSystemStorage):
    """Files reached only through the download view, which checks publication."""

    @property
    def base_location(self):
        return settings.NOREC_PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; link to the download view.")


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage
