"""Report PDFs live in the ``private`` storage, so a draft's file has no public address.

On disk that is a folder outside MEDIA_ROOT; on S3 a bucket that denies anonymous
reads (STORAGES["private"], see norec_site/storage_settings.py).
"""

import os

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

from norec_site.storage import AtomicFileSystemStorage


class PrivateFileSystemStorage(AtomicFileSystemStorage):
    """Files reached only through the download view, which checks publication."""

    @property
    def base_location(self):
        return settings.NOREC_PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; link to the download view.")

    def download_url(self, name, *, filename, content_type="application/pdf"):
        """None: a file on disk has no address of its own, so the view streams it."""
        return None


class PrivateStorage(LazyObject):
    """STORAGES["private"], looked up on first use (and again when a test changes it)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty
