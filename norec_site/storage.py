"""Local media storage that never leaves a partial file, and local copies of stored files."""

import os
import shutil
import tempfile
from contextlib import contextmanager

from django.core.files import File
from django.core.files.storage import FileSystemStorage


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
