"""Where uploaded media is written: Django's file system storage, without half-written files."""

import contextlib
import os

from django.core.files.storage import FileSystemStorage


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
