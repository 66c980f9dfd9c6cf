"""Refuse PDFs that carry JavaScript or actions that run by themselves.

Looks at every name in the file, with #xx escapes decoded, and inside compressed
object streams (where PDF 1.5+ keeps dictionaries), for the keys that start code:
/JavaScript and /JS (scripts, also behind /OpenAction), /AA (actions on open, close,
page view, field focus...), /Launch (starts a program) and /RichMedia (embedded Flash).
An /OpenAction that only goes to a page is fine.
"""

import mmap
import re
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ACTIVE_NAMES = {b"JavaScript", b"JS", b"AA", b"Launch", b"RichMedia"}
NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
STREAM_START = re.compile(rb"stream\r?\n")
# An object stream holds small dictionaries; this is far more than any real one needs.
MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024


def active_names(data):
    found = set()
    for match in NAME.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name)
        if name in ACTIVE_NAMES:
            found.add(name.decode())
    return found


def object_streams(data):
    """The decompressed contents of the file's object streams (FlateDecode)."""
    for marker in OBJECT_STREAM.finditer(data):
        start = STREAM_START.search(data, marker.end())
        if start is None:
            continue
        end = data.find(b"endstream", start.end())
        if end < 0:
            continue
        inflater = zlib.decompressobj()
        try:
            yield inflater.decompress(data[start.end() : end], MAX_OBJECT_STREAM_BYTES)
        except zlib.error:
            continue


def scripts_in(data):
    found = active_names(data)
    for content in object_streams(data):
        found |= active_names(content)
    return found


def _scan(upload):
    if hasattr(upload, "temporary_file_path"):
        path = upload.temporary_file_path()
        with (
            open(path, "rb") as file,
            mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            return scripts_in(data)
    upload.seek(0)
    try:
        return scripts_in(upload.read())
    finally:
        upload.seek(0)


def check_no_scripts(upload):
    """Raise a ValidationError that says what to do when the PDF can run code."""
    if _scan(upload):
        raise ValidationError(
            _(
                "This PDF contains JavaScript or actions that run by themselves when it is "
                "opened, which we do not publish. Save or export it again as a plain PDF "
                "(for example “PDF/A” or “Print to PDF”) and upload that file."
            ),
            code="pdf_scripts",
        )
