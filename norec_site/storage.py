"""Files and rows written together: no orphan file when the transaction fails."""

import logging
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager

from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction

logger = logging.getLogger(__name__)
# The files written inside each open atomic_with_files block of this thread, innermost
# last, as (storage, names) pairs: an inner block that succeeds hands its files to the
# outer one, so that they are deleted if the outer transaction fails after all.
_open_blocks = threading.local()


def _stack():
    if not hasattr(_open_blocks, "stack"):
        _open_blocks.stack = []
    return _open_blocks.stack


def delete_quietly(storage, names):
    """Delete what a failed transaction wrote; a store that is down leaves it to check_media."""
    for name in names:
        try:
            storage.delete(name)
        except Exception:
            logger.warning("Could not delete %s after a failed save; check_media lists it.", name)


@contextmanager
def atomic_with_files(storage=None):
    """A transaction that also deletes the files written inside it if it fails.

    Yields a list; append the name of every file you write to ``storage``
    (the default storage unless another is given).
    """
    storage = storage or default_storage
    written = []
    block = [(storage, written)]
    stack = _stack()
    stack.append(block)
    try:
        with transaction.atomic():
            yield written
    except BaseException:
        stack.pop()
        for block_storage, names in block:
            delete_quietly(block_storage, names)
        raise
    stack.pop()
    if stack:
        stack[-1].extend(block)


class LocalCopy(File):
    """A stored file copied to a local temporary file, which pdfium can read by path."""

    def temporary_file_path(self):
        return self.file.name


@contextmanager
def local_copy(storage, name):
    """``name`` from ``storage`` in a temporary file, copied in chunks (never all in memory)."""
    with tempfile.NamedTemporaryFile(suffix=f"-{name.rsplit('/', 1)[-1]}") as copy:
        with storage.open(name, "rb") as stored:
            shutil.copyfileobj(stored, copy, length=1024 * 1024)
        copy.flush()
        copy.seek(0)
        yield LocalCopy(copy, name=name)


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
