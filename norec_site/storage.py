"""Files and rows written together: no orphan file when the transaction fails."""

from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.db import transaction


@contextmanager
def atomic_with_files():
    """A transaction that also deletes the files written inside it if it fails.

    Yields a list; append the storage name of every file you write.
    """
    written = []
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def delete_after_commit(*names):
    """Delete replaced files only once the new rows are safely committed."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [default_storage.delete(name) for name in names])
