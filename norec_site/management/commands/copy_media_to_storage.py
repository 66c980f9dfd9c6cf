import hashlib

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from norec_site.media_check import listed_files
from norec_site.object_storage import StorageUnavailable


def sha256_of(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        for chunk in stored.chunks():
            digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = (
        "Copy pictures (MEDIA_ROOT) and report PDFs (NOREC_PRIVATE_MEDIA_ROOT) from local "
        "folders to the configured storages, under the same names, verifying each copy's "
        "SHA-256. Files already there with the same content are skipped: safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--media-root", default=settings.MEDIA_ROOT, help="pictures' folder")
        parser.add_argument(
            "--private-root",
            default=settings.NOREC_PRIVATE_MEDIA_ROOT,
            help="report PDFs' folder",
        )

    def handle(self, *args, media_root, private_root, **options):
        failures = []
        for alias, root in (("default", media_root), ("private", private_root)):
            source = FileSystemStorage(location=root)
            target = storages[alias]
            if isinstance(target, FileSystemStorage) and target.location == source.location:
                raise CommandError(
                    f"The {alias} storage is the folder {source.location} itself. Set "
                    "AWS_STORAGE_BUCKET_NAME and NOREC_PRIVATE_BUCKET (see the README) first."
                )
            failures += self.copy_all(alias, source, target)
        for failure in failures:
            self.stderr.write(self.style.ERROR(failure))
        if failures:
            raise CommandError(f"{len(failures)} file(s) not copied.", returncode=1)

    def copy_all(self, alias, source, target):
        names = sorted(name for name, _modified in listed_files(source))
        counts = {"copied": 0, "already there": 0}
        failures = []
        for name in tqdm(names, desc=f"{alias}", unit="file", file=self.stderr):
            try:
                outcome = self.copy(source, target, name)
            except (StorageUnavailable, OSError) as error:
                outcome = "; ".join(getattr(error, "messages", [])) or str(error)
                if isinstance(error, StorageUnavailable):
                    outcome = f"{error.reason}: {error.detail}"
            if outcome in counts:
                counts[outcome] += 1
            else:
                failures.append(f"{alias}: {name}: {outcome}")
        self.stdout.write(
            f"{alias}: {len(names)} file(s) in {source.location}: {counts['copied']} copied, "
            f"{counts['already there']} already there, {len(failures)} failed."
        )
        return failures

    def copy(self, source, target, name):
        """``copied``, ``already there``, or what went wrong."""
        checksum = sha256_of(source, name)
        if target.exists(name):
            if sha256_of(target, name) == checksum:
                return "already there"
            return "a different file of that name is already there; left both as they are"
        with source.open(name, "rb") as content:
            stored = target.save(name, content)
        if stored != name:
            target.delete(stored)
            return f"the storage renamed it to {stored}"
        if sha256_of(target, name) != checksum:
            target.delete(name)
            return "the copy's checksum differs from the original's; deleted the copy"
        return "copied"
