"""S3-compatible media storage whose failures say what happened, in the editor's words."""

import functools
import logging
from contextlib import contextmanager

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3File, S3Storage
from storages.utils import clean_name

logger = logging.getLogger(__name__)

CREDENTIAL_CODES = {
    "403",
    "AccessDenied",
    "Forbidden",
    "InvalidAccessKeyId",
    "InvalidToken",
    "SignatureDoesNotMatch",
    "ExpiredToken",
}


class StorageUnavailable(ValidationError):
    """The object store did not answer or refused the site: nothing was stored.

    A ValidationError, so that services and forms show it as the reason a save failed.
    ``reason`` is ``down``, ``credentials`` or ``refused``; ``detail`` is for logs.
    """

    def __init__(self, reason, detail=""):
        messages = {
            "down": _(
                "The file store did not answer, so nothing was saved. Try again in a few "
                "minutes; if it keeps failing, tell the site's administrator."
            ),
            "credentials": _(
                "The file store refused the site's credentials, so nothing was saved. "
                "Tell the site's administrator (manage.py check_storage says more)."
            ),
            "refused": _(
                "The file store refused the file, so nothing was saved. Tell the site's "
                "administrator (manage.py check_storage says more)."
            ),
        }
        super().__init__(messages[reason], code=f"storage_{reason}")
        self.reason = reason
        self.detail = detail


def classify(error):
    """``down``, ``credentials`` or ``refused`` for a boto3 error."""
    if isinstance(error, NoCredentialsError):
        return "credentials"
    if isinstance(error, ClientError):
        code = str(error.response.get("Error", {}).get("Code", ""))
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        if code in CREDENTIAL_CODES or status in (401, 403):
            return "credentials"
        return "down" if status >= 500 else "refused"
    if isinstance(error, Boto3Error):
        # s3transfer wraps the store's answer to an upload in a message.
        text = str(error)
        if any(code in text for code in CREDENTIAL_CODES - {"403"}):
            return "credentials"
        return "refused" if "NoSuchBucket" in text else "down"
    return "down"


@contextmanager
def storage_errors():
    """Turn boto3's exceptions into StorageUnavailable (and log the detail once)."""
    try:
        yield
    except (BotoCoreError, ClientError, Boto3Error) as error:
        reason = classify(error)
        logger.warning("Object store %s: %s", reason, error)
        raise StorageUnavailable(reason, detail=str(error)) from error


def _translated(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with storage_errors():
            return method(*args, **kwargs)

    return wrapper


class NorecS3File(S3File):
    """An S3 file whose download (on first read) raises StorageUnavailable too."""

    file = property(_translated(S3File._get_file), S3File._set_file)


class NorecS3Storage(S3Storage):
    """django-storages' S3 backend, raising StorageUnavailable instead of boto3 errors."""

    def _open(self, name, mode="rb"):
        name = self._normalize_name(clean_name(name))
        with storage_errors():
            try:
                return NorecS3File(name, mode, self)
            except ClientError as error:
                if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                    raise FileNotFoundError(f"File does not exist: {name}") from error
                raise

    _save = _translated(S3Storage._save)
    delete = _translated(S3Storage.delete)
    exists = _translated(S3Storage.exists)
    listdir = _translated(S3Storage.listdir)
    size = _translated(S3Storage.size)
    get_modified_time = _translated(S3Storage.get_modified_time)

    def list_all(self):
        """Every stored name with its modification time, in one listing (no walk by folder)."""
        prefix = self._normalize_name("")
        prefix = f"{prefix}/" if prefix and not prefix.endswith("/") else prefix
        with storage_errors():
            paginator = self.connection.meta.client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self.bucket_name, Prefix=prefix):
                for entry in page.get("Contents", ()):
                    yield entry["Key"][len(prefix) :], entry["LastModified"]

    def anonymous_url(self, name):
        """The object's address without a signature: what anyone on the internet may ask for."""
        client = self.unsigned_connection.meta.client
        key = self._normalize_name(name)
        return client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket_name, "Key": key}
        )


class MediaS3Storage(NorecS3Storage):
    """The public bucket: pictures and renditions, read by anyone without a signature."""


class PrivateS3Storage(NorecS3Storage):
    """The private bucket: report PDFs, handed out only as short-lived signed addresses."""

    def download_url(self, name, *, filename, content_type="application/pdf"):
        """A signed address valid for ``querystring_expire`` seconds, with the file's headers."""
        return self.url(
            name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": f'inline; filename="{filename}"',
                "ResponseCacheControl": "private, no-store",
            },
        )
