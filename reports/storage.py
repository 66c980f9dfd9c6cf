"""Report PDFs live outside MEDIA_ROOT, so a draft's file has no public address."""

import os
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction


class PrivateStorage(FileSystemStorage):
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


@contextmanager
def private_files_cleanup():
    """Yields a list; the private files named in it are deleted if the block fails."""
    written = []
    try:
        yield written
    except BaseException:
        for name in written:
            private_storage.delete(name)
        raise


def delete_private_after_commit(*names):
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [private_storage.delete(name) for name in names])
