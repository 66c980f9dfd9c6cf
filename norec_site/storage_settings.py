"""Where media lives, read from the environment: local folders, or S3-compatible buckets.

Imported by the settings, so it imports nothing from Django's apps.
"""

from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured

LOCAL_MEDIA = {
    "default": {"BACKEND": "norec_site.storage.AtomicFileSystemStorage"},
    # Report PDFs: a folder outside MEDIA_ROOT, reached only through the download view.
    "private": {"BACKEND": "reports.storage.PrivateFileSystemStorage"},
}


def _value(environ, name):
    return (environ.get(name) or "").strip()


def uses_object_storage(environ):
    names = ("AWS_S3_ENDPOINT_URL", "AWS_STORAGE_BUCKET_NAME")
    return any(_value(environ, name) for name in names)


def client_config(environ):
    """Short time-outs and few retries: an editor waits seconds, not minutes, on an outage."""
    endpoint = _value(environ, "AWS_S3_ENDPOINT_URL")
    # Stores other than AWS (SeaweedFS, MinIO) answer on one host: bucket in the path.
    addressing = _value(environ, "AWS_S3_ADDRESSING_STYLE") or ("path" if endpoint else "auto")
    # boto3 1.36+ adds CRC checksums to every upload, which many S3-compatible stores
    # refuse; "when_required" sends them only where S3's API requires one.
    checksums = _value(environ, "AWS_REQUEST_CHECKSUM_CALCULATION") or "when_required"
    validation = _value(environ, "AWS_RESPONSE_CHECKSUM_VALIDATION") or "when_required"
    return Config(
        s3={"addressing_style": addressing},
        signature_version="s3v4",
        connect_timeout=5,
        read_timeout=60,
        retries={"max_attempts": 2, "mode": "standard"},
        request_checksum_calculation=checksums,
        response_checksum_validation=validation,
    )


def media_storages(environ):
    """The ``default`` (pictures) and ``private`` (report PDFs) entries of STORAGES.

    Raises ImproperlyConfigured, naming what is missing, rather than ever putting
    report PDFs in the public bucket.
    """
    if not uses_object_storage(environ):
        return dict(LOCAL_MEDIA)
    media_bucket = _value(environ, "AWS_STORAGE_BUCKET_NAME")
    private_bucket = _value(environ, "NOREC_PRIVATE_BUCKET")
    if not media_bucket:
        raise ImproperlyConfigured(
            "AWS_S3_ENDPOINT_URL is set but AWS_STORAGE_BUCKET_NAME is not: set it to the "
            "public bucket for pictures (and NOREC_PRIVATE_BUCKET to the private one for "
            "report PDFs), or unset AWS_S3_ENDPOINT_URL to keep media on local disk."
        )
    if not private_bucket:
        raise ImproperlyConfigured(
            "Media is on S3 (AWS_STORAGE_BUCKET_NAME is set) but NOREC_PRIVATE_BUCKET is not: "
            "set it to a private bucket for report PDFs. They are never stored in the "
            "public media bucket."
        )
    if private_bucket == media_bucket:
        raise ImproperlyConfigured(
            "NOREC_PRIVATE_BUCKET names the public media bucket (AWS_STORAGE_BUCKET_NAME): "
            "report PDFs need a bucket of their own that denies anonymous reads."
        )
    shared = {
        "endpoint_url": _value(environ, "AWS_S3_ENDPOINT_URL") or None,
        "region_name": _value(environ, "AWS_S3_REGION_NAME") or None,
        "access_key": _value(environ, "AWS_ACCESS_KEY_ID") or None,
        "secret_key": _value(environ, "AWS_SECRET_ACCESS_KEY") or None,
        "location": _value(environ, "AWS_LOCATION"),
        "client_config": client_config(environ),
        # Names are unique already (a hash or a random part); never overwrite silently.
        "file_overwrite": False,
        "default_acl": None,
        "custom_domain": None,
        # Files read back (a PDF to reprocess) spill to a temporary file past 2 MB
        # instead of being held in memory whole.
        "max_memory_size": 2 * 1024 * 1024,
        # One part at a time: parallel downloads buffer several parts in memory.
        "transfer_config": TransferConfig(use_threads=False),
    }
    custom_domain = _value(environ, "AWS_S3_CUSTOM_DOMAIN") or None
    return {
        "default": {
            "BACKEND": "norec_site.object_storage.MediaS3Storage",
            "OPTIONS": {
                **shared,
                "bucket_name": media_bucket,
                # Plain URLs: cached pages never carry an address that expires.
                "querystring_auth": False,
                "custom_domain": custom_domain,
                "url_protocol": _value(environ, "AWS_S3_URL_PROTOCOL") or "https:",
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
        "private": {
            "BACKEND": "norec_site.object_storage.PrivateS3Storage",
            "OPTIONS": {
                **shared,
                "bucket_name": private_bucket,
                "querystring_auth": True,
                "querystring_expire": int(_value(environ, "NOREC_DOWNLOAD_URL_SECONDS") or 300),
            },
        },
    }
