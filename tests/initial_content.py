"""The shipped initial content for tests that need it: `manage.py load_initial_content` once per
test process, then the same rows and files copied back in SQL instead of running it again.

The command takes 8-10 s (32 pages, each added, revised and published through Wagtail, with
their search and reference index); some 70 test classes and browser tests start from its
result. Only a database in the state the first load started from (the migrations' rows, nothing
added) is given the copy, in the same settings; anything else gets the real command. The tests
of the command itself (tests/test_initial_content.py) always run it.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from tests.migrated_data import TableRows, row_counts


class LoadedContent:
    def __init__(self, before: dict, key: tuple, rows: TableRows, files: dict[str, bytes]):
        self.before, self.key, self.rows, self.files = before, key, rows, files


_loaded: LoadedContent | None = None


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def settings_key() -> tuple:
    """What the content (its rows and where its files go) depends on besides the database."""
    return (repr(settings.STORAGES), tuple(settings.LANGUAGES), settings.LANGUAGE_CODE)


def load_initial_content():
    """The database (and MEDIA_ROOT) as `manage.py load_initial_content` leaves them."""
    global _loaded
    before = row_counts()
    key = settings_key()
    if _loaded is not None and (before, key) == (_loaded.before, _loaded.key):
        _loaded.rows.restore()
        root = Path(settings.MEDIA_ROOT)
        for name, content in _loaded.files.items():
            path = root / name
            # A test may have replaced or deleted a file (an editor's new PDF).
            if not path.is_file() or path.read_bytes() != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
        return
    files_before = media_files()
    call_command("load_initial_content", stdout=io.StringIO())
    on_disk = all(
        settings.STORAGES[alias]["BACKEND"] == "core.storage.MediaStorage"
        for alias in ("default", "documents")
    )
    if _loaded is None and on_disk:
        new_files = {
            name: content
            for name, content in media_files().items()
            if files_before.get(name) != content
        }
        _loaded = LoadedContent(before, key, TableRows().capture(), new_files)
