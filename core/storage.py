"""Where uploaded media is written: the local disk, or a bucket of S3-compatible storage.

Without ``DJANGO_S3_BUCKET`` everything is on the disk (``MediaStorage``), as on one machine.
With it (settings/base.py, ``s3_storages``), several app servers share one bucket:

- ``PublicMediaStorage`` ("default": original images and renditions) writes objects readable by
  anyone, with far-future caching; every name it writes is new (a random part is added), so a
  cached copy can never be of another file.
- ``PrivateMediaStorage`` ("documents") writes objects nobody can read without the keys: the
  documents are served by the site's own views, which check permissions.

Both stream reads in chunks (``stream``) so a big document never sits whole in a worker's memory.
"""

import contextlib
import os

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.crypto import get_random_string
from django.utils.functional import LazyObject, cached_property, empty
from storages.backends.s3 import S3Storage

# The alias in settings.STORAGES of the documents' storage (the same as "default" on disk).
DOCUMENTS_ALIAS = "documents"
# Wagtail's upload folder of documents (AbstractDocument.file's upload_to): a backup's files
# under it go back into the documents' storage.
DOCUMENTS_FOLDER = "documents/"
CHUNK_SIZE = 64 * 1024


def storage_unavailable(error: BaseException) -> bool:
    """Whether `error` means the bucket cannot be used right now (not reached, timed out,
    overloaded, failing), as opposed to a mistake in the request or a missing file."""
    if isinstance(error, BotoCoreError):  # refused, timed out, DNS, closed connection
        return True
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        return status >= 500 or error.response.get("Error", {}).get("Code") == "SlowDown"
    return False


class MediaStorage(FileSystemStorage):
    """FileSystemStorage that deletes what it wrote when the write fails (disk full, quota).

    Django leaves the partial file behind; the model row is never written because the file is
    saved first, so without the partial file nothing of the failed upload remains.
    """

    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
            raise

    def stream(self, name: str, start: int = 0, length: int | None = None):
        """The file's bytes from `start`, `length` of them (all when None), in chunks."""
        with self.open(name, "rb") as f:
            f.seek(start)
            while length is None or length > 0:
                chunk = f.read(CHUNK_SIZE if length is None else min(CHUNK_SIZE, length))
                if not chunk:
                    break
                if length is not None:
                    length -= len(chunk)
                yield chunk

    def restore(self, name: str, content) -> str:
        """Write a backup's file under its own name (restore: the database names it)."""
        if self.exists(name):
            self.delete(name)
        return self._save(name, content)


class BucketStorage(S3Storage):
    """django-storages' S3 backend with ranged, chunked reads."""

    def stream(self, name: str, start: int = 0, length: int | None = None):
        """The object's bytes from `start`, `length` of them (all when None), in chunks: one
        ranged GET, read as it arrives (django-storages' File would download it whole)."""
        key = self._normalize_name(name)
        end = "" if length is None else start + length - 1
        arguments = {"Range": f"bytes={start}-{end}"} if start or length is not None else {}
        try:
            body = self.bucket.Object(key).get(**arguments)["Body"]
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                raise FileNotFoundError(f"No object {key}") from error
            raise
        try:
            yield from body.iter_chunks(CHUNK_SIZE)
        finally:
            body.close()

    def restore(self, name: str, content) -> str:
        """Write a backup's file under its own name (an object is replaced by a PUT)."""
        return self._save(name, content)


class PublicMediaStorage(BucketStorage):
    """Images: public objects with far-future caching, each written under a new name."""

    def get_available_name(self, name, max_length=None):
        # A random part in every name: an image deleted and uploaded again under the same file
        # name (and so its renditions) gets a new address, never one a browser or CDN has kept.
        folder, filename = os.path.split(name)
        stem, extension = os.path.splitext(filename)
        token = get_random_string(7)
        if max_length is not None:
            stem = stem[: max(1, max_length - len(folder) - len(token) - len(extension) - 2)]
        return super().get_available_name(
            os.path.join(folder, f"{stem}_{token}{extension}"), max_length
        )

    @cached_property
    def origin(self) -> str:
        """scheme://host of the images' addresses (for the Content-Security-Policy)."""
        url = self.url("x")  # computed locally, no request to the bucket
        scheme, rest = url.split("//", 1)
        return f"{scheme}//{rest.split('/', 1)[0]}"


class PrivateMediaStorage(BucketStorage):
    """Documents: private objects, read only with the keys by the site's document views."""


class DocumentStorage(LazyObject):
    """storages["documents"], looked up when first used (and again after settings change)."""

    def _setup(self):
        self._wrapped = storages[DOCUMENTS_ALIAS]


document_storage_proxy = DocumentStorage()


def document_storage():
    """The documents' file field storage (a callable, so migrations do not name a backend)."""
    return document_storage_proxy


@receiver(setting_changed)
def forget_document_storage(*, setting, **kwargs):
    # Django resets default_storage when a test overrides STORAGES; this one follows.
    if setting == "STORAGES":
        document_storage_proxy._wrapped = empty


def storage_for(name: str):
    """The storage a media file of this name belongs to (backups and their restore)."""
    from django.core.files.storage import default_storage

    return document_storage_proxy if name.startswith(DOCUMENTS_FOLDER) else default_storage
