"""Files and rows written together: no orphan file when the transaction fails."""

import os
import tempfile
from contextlib import contextmanager

from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
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


class _MovableFile(File):
    """A complete file on disk that the storage may move into place (one rename)."""

    def __init__(self, path):
        super().__init__(None, name=path)
        self._path = path

    def temporary_file_path(self):
        return self._path


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes each file under a temporary name in its folder, then renames it.

    When a write fails (disk full, file size limit), no partial file is left under
    the real name: the temporary one is removed and the error goes on.
    """

    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as output:
                if hasattr(content, "seek"):
                    content.seek(0)
                for chunk in content.chunks():
                    output.write(chunk)
            return super()._save(name, _MovableFile(partial))
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
