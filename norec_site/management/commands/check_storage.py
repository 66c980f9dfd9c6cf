import urllib.error
import urllib.request
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from norec_site.media_check import media_aliases
from norec_site.object_storage import StorageUnavailable

ADVICE = {
    "down": "the store did not answer: is it running, and is AWS_S3_ENDPOINT_URL right?",
    "credentials": "the store refused the credentials: check AWS_ACCESS_KEY_ID and "
    "AWS_SECRET_ACCESS_KEY, and that this key may read, write and delete in the bucket",
    "refused": "the store refused the request: does the bucket exist?",
}
# What anonymous visitors must get: pictures are public, report PDFs are not.
ANONYMOUS_STATUS = {"default": 200, "private": 403}


def describe(storage):
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        return f"bucket {bucket} at {storage.endpoint_url or 'AWS S3'}"
    return f"folder {storage.location}"


def anonymous_status(url):
    try:
        # The store's own http(s) address, built from the settings, not from input.
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Command(BaseCommand):
    help = (
        "Write, read and delete a probe file in each media storage (the public and the "
        "private bucket), and check what anonymous visitors may read. Exits 1 on a failure."
    )

    def handle(self, *args, **options):
        failures = 0
        for alias in media_aliases():
            storage = storages[alias]
            try:
                problem = self.probe(alias, storage)
            except StorageUnavailable as error:
                problem = f"{ADVICE[error.reason]} ({error.detail})"
            except OSError as error:
                problem = f"cannot write there: {error}"
            if problem:
                failures += 1
                self.stdout.write(self.style.ERROR(f"{alias}: {describe(storage)}: {problem}"))
            else:
                self.stdout.write(
                    self.style.SUCCESS(f"{alias}: {describe(storage)}: write, read, delete OK")
                )
        if failures:
            raise CommandError(f"{failures} storage(s) failed the check.", returncode=1)

    def probe(self, alias, storage):
        """None when the storage works, else what is wrong."""
        content = f"Norec storage probe {uuid.uuid4()}".encode()
        name = storage.save(f"norec-probe/{uuid.uuid4().hex}.txt", ContentFile(content))
        try:
            with storage.open(name, "rb") as stored:
                if stored.read() != content:
                    return "the probe read back differs from what was written"
            if hasattr(storage, "anonymous_url"):
                status = anonymous_status(storage.anonymous_url(name))
                if alias in ANONYMOUS_STATUS and status != ANONYMOUS_STATUS[alias]:
                    return self.anonymous_problem(alias, status)
        finally:
            storage.delete(name)
        if storage.exists(name):
            return "the probe is still there after it was deleted"
        return None

    def anonymous_problem(self, alias, status):
        if alias == "private":
            return (
                f"anonymous visitors read the private bucket (HTTP {status}): report PDFs of "
                "drafts would be public. Remove every public-read policy or ACL from it."
            )
        return (
            f"anonymous visitors cannot read the media bucket (HTTP {status}), so pictures "
            "will not show: give it a public-read policy for GetObject."
        )
