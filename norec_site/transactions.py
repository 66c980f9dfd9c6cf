"""Files and rows written together: no orphan file when the transaction fails."""

import logging
import threading
from contextlib import contextmanager

from django.core.files.storage import default_storage
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
