"""Files and rows written together: no orphan file when the transaction fails."""

from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.db import transaction


@contextmanager
def atomic_with_files(storage=None):
    """A transaction that also deletes the files written inside it if it fails.

    Yields a list; append the name of every file you write to ``storage``
    (the default storage unless another is given).
    """
    storage = storage or default_storage
    written = []
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        for name in written:
            storage.delete(name)
        raise


def delete_after_commit(*names, storage=None):
    """Delete replaced files only once the new rows are safely committed."""
    storage = storage or default_storage
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
