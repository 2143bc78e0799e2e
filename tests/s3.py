"""A real S3 API on loopback for the media tests: moto's standalone server in its own process.

``S3Server`` starts ``python -m moto.server`` on a free port (never inside the test process),
``bucket_environment`` makes a bucket and returns what a server process needs in its
environment to keep its media there (the variables settings/base.py reads). The fixtures
``s3_server``, ``s3_bucket`` and ``media_in_bucket`` (tests/conftest.py) use them; without moto
installed the tests that need them are skipped, or fail when CI is set.
"""

import importlib.util
import socket
import subprocess
import sys
import time
import uuid
from contextlib import suppress
from pathlib import Path

from tests.servers import free_port

# Any keys do for moto; a real store checks them.
ACCESS_KEY = "rv-test-access-key"
SECRET_KEY = "rv-test-secret-key"  # noqa: S105
REGION = "eu-north-1"


def keep_media_in(environment: dict, settings, monkeypatch, media_root: Path):
    """This process's media in the bucket of `environment` (settings/base.py's own reading
    of it), MEDIA_ROOT an empty folder: pytest-django's `settings`, pytest's `monkeypatch`."""
    from resilient_vejle.settings.base import media_storages

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    media_root.mkdir(parents=True, exist_ok=True)
    settings.MEDIA_ROOT = str(media_root)
    settings.STORAGES = {**settings.STORAGES, **media_storages(environment)}


def files_below(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def moto_missing_reason() -> str | None:
    if importlib.util.find_spec("moto") is None or importlib.util.find_spec("flask") is None:
        return "moto's server is not installed: pip install -e '.[test]' (moto[server])"
    return None


class S3Server:
    """moto's S3 API server as a separate process on 127.0.0.1 (stop() is an S3 outage)."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "S3Server":
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("moto's server exited at start")
            with suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.5):
                return self
            time.sleep(0.1)
        self.stop()
        raise AssertionError("moto's server did not listen within 30 s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def client(self):
        """A boto3 client with the keys, as an operator's tools would use."""
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def bucket_environment(self, bucket: str | None = None) -> dict[str, str]:
        """A new, empty bucket, and the environment a server process needs to use it."""
        bucket = bucket or f"rv-media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return {
            "DJANGO_S3_BUCKET": bucket,
            "DJANGO_S3_ENDPOINT_URL": self.endpoint,
            "DJANGO_S3_REGION": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def objects(self, bucket: str) -> dict[str, dict]:
        """Every object in the bucket: key → list_objects' entry (Size, LastModified, ETag)."""
        paginator = self.client().get_paginator("list_objects_v2")
        return {
            entry["Key"]: entry
            for page in paginator.paginate(Bucket=bucket)
            for entry in page.get("Contents", ())
        }

    def empty(self, bucket: str):
        client = self.client()
        for key in self.objects(bucket):
            client.delete_object(Bucket=bucket, Key=key)
