"""One-file backups of the site: the database and every media file, and their restore.

The archive (``.tar.gz``) holds ``manifest.json``, the database and ``media/`` with every media
file (original images and documents, renditions), from the disk or, with ``DJANGO_S3_BUCKET``,
every object of the bucket; a restore writes them back there (documents as private objects,
images as public ones, core/storage.py), into an empty bucket or the one the files came from:

- PostgreSQL: ``database.dump``, written by ``pg_dump --format=custom`` and read back by
  ``pg_restore`` (exact, including sequences; needs the PostgreSQL client tools).
- SQLite: ``database.exact-json``, Django's serialisation (``dumpdata``, primary keys kept,
  content types included; JSON with times to the microsecond, ``operations/exact_json.py``), read
  back with ``loaddata`` into the tables that ``migrate`` creates.

Left out of both: sessions (a key from a backup would log in to the site) and django-axes'
login records (attempts, failures, the access log: addresses and user names). Their tables come
back empty, so a restored site starts with nobody logged in and no lockouts. The archive holds
password hashes, so it is written readable by its owner only (0600), whatever the umask.

A restore goes into an empty database only, so it can never mix two sites' data.
"""

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

from core.storage import storage_for

FORMAT = 1
# Never copied, on either engine: live sessions and django-axes' login records (see above).
PRIVATE_APPS = ("sessions", "axes")
# Not copied either on SQLite: the search indexes (Wagtail's and the public one, site_search)
# are rebuilt from the pages with `update_index`.
SQLITE_EXCLUDE = [
    *PRIVATE_APPS,
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "site_search.searchtext",
]

CONTENT_TYPES_FILE = "content-types.exact-json"
CONTENT_TYPE_MODELS = ["contenttypes", "auth.permission"]
PAGE_COLUMNS_FILE = "untranslated-page-columns.json"
# Page's own columns that wagtail-modeltranslation shadows with per-language ones (title_da, ...).
UNTRANSLATED_PAGE_COLUMNS = ("title", "slug", "url_path", "seo_title", "search_description")


def engine_name(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} is not installed: apt-get install postgresql-client (the major version of "
            "the server or newer)."
        )
    return path


def postgres_env_and_args(alias: str) -> tuple[dict, list[str]]:
    db = connections[alias].settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    return env, args + ["--dbname", db["NAME"]]


def private_tables() -> list[str]:
    """The tables of PRIVATE_APPS' models: dumped without their rows."""
    return sorted(
        model._meta.db_table
        for label in PRIVATE_APPS
        for model in apps.get_app_config(label).get_models()
    )


def media_files(storage=default_storage, folder: str = ""):
    """Every file name in the storage, depth first, sorted."""
    directories, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from media_files(storage, f"{folder}/{directory}" if folder else directory)


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def write_backup(output: Path, alias: str = "default") -> dict:
    """Write the archive to `output`; returns its manifest."""
    engine = engine_name(alias)
    with tempfile.TemporaryDirectory(prefix="rv-backup-") as tmp:
        if engine == "postgresql":
            database_file = Path(tmp) / "database.dump"
            env, args = postgres_env_and_args(alias)
            command = [client_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
            # The tables stay (migrations created them), their rows do not.
            command += [f"--exclude-table-data={table}" for table in private_tables()]
            subprocess.run(command + ["--file", str(database_file)] + args, env=env, check=True)
        else:
            database_file = Path(tmp) / "database.exact-json"
            # Content types first, in a file of their own: loading other rows may look them
            # up (and create them), which must find the backup's, with the backup's keys.
            call_command(
                "dumpdata",
                *CONTENT_TYPE_MODELS,
                format="exact-json",
                database=alias,
                output=str(Path(tmp) / CONTENT_TYPES_FILE),
                verbosity=0,
            )
            call_command(
                "dumpdata",
                format="exact-json",
                exclude=SQLITE_EXCLUDE + CONTENT_TYPE_MODELS,
                database=alias,
                output=str(database_file),
                verbosity=0,
            )
            (Path(tmp) / PAGE_COLUMNS_FILE).write_text(
                json.dumps(untranslated_page_columns(alias), ensure_ascii=False)
            )
        names = list(media_files())
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": engine,
            "database": database_file.name,
            "media_files": len(names),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
        }
        partial = output.with_name(output.name + ".partial")
        # A new file, owner only from the first byte (a leftover .partial, or a link there,
        # is replaced, not written through); fchmod as the umask could take bits away.
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(database_file, arcname=database_file.name)
            if engine == "sqlite":
                for name in (CONTENT_TYPES_FILE, PAGE_COLUMNS_FILE):
                    archive.add(Path(tmp) / name, arcname=name)
            for name in names:
                storage = storage_for(name)
                with storage.open(name, "rb") as f:
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = storage.size(name)
                    archive.addfile(info, f)
        partial.replace(output)  # never a half-written archive under the final name
    return manifest


def untranslated_page_columns(alias: str) -> list[list]:
    """[id, title, slug, ...] of every page, read with SQL (see below)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in ("id", *UNTRANSLATED_PAGE_COLUMNS))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote('wagtailcore_page')} ORDER BY id")
        return [list(row) for row in cursor.fetchall()]


def restore_untranslated_page_columns(rows: list[list], alias: str):
    """Write Page's untranslated columns back as they were.

    wagtail-modeltranslation routes `title` (etc.) to the current language's column both when
    Django serialises a page and when it loads one, so these columns would not survive the
    round trip (the site never reads them, but a restore is exact). Plain SQL bypasses that.
    """
    connection = connections[alias]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(column)} = %s" for column in UNTRANSLATED_PAGE_COLUMNS)
    with connection.cursor() as cursor:
        for page_id, *values in rows:
            cursor.execute(
                f"UPDATE {quote('wagtailcore_page')} SET {assignments} WHERE id = %s",
                [*values, page_id],
            )


def database_is_empty(alias: str = "default") -> bool:
    with connections[alias].cursor() as cursor:
        return not connections[alias].introspection.table_names(cursor)


def restore_backup(archive_path: Path, alias: str = "default", stdout=None) -> dict:
    """Bring an archive back into an empty database and the media storage (disk or bucket)."""
    engine = engine_name(alias)
    if not database_is_empty(alias):
        raise CommandError(
            "The database is not empty: restore only into a new, empty database "
            "(e.g. createdb), so that no data is mixed or lost."
        )
    with tempfile.TemporaryDirectory(prefix="rv-restore-") as tmp:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(tmp, filter="data")  # refuses absolute paths, .., links out
        root = Path(tmp)
        manifest = json.loads((root / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
        if manifest["engine"] != engine:
            raise CommandError(
                f"This backup is of a {manifest['engine']} database; the target is {engine}."
            )
        database_file = root / manifest["database"]
        if engine == "postgresql":
            env, args = postgres_env_and_args(alias)
            command = [client_tool("pg_restore"), "--no-owner", "--no-privileges"]
            command += ["--exit-on-error", "--single-transaction"]
            subprocess.run(command + args + [str(database_file)], env=env, check=True)
        else:
            verbosity = {"verbosity": 0}
            call_command("migrate", interactive=False, database=alias, **verbosity)
            # Empty every table that migrations filled (Wagtail's welcome page, default site,
            # content types, ...): the backup brings them back with their primary keys.
            call_command(
                "flush", interactive=False, inhibit_post_migrate=True, database=alias, **verbosity
            )
            fixtures = [str(root / CONTENT_TYPES_FILE), str(database_file)]
            call_command("loaddata", *fixtures, database=alias, **verbosity)
            restore_untranslated_page_columns(
                json.loads((root / PAGE_COLUMNS_FILE).read_text()), alias
            )
            # migrate cached the content types it made; the backup's have other keys.
            ContentType.objects.clear_cache()
            call_command("update_index", **verbosity)
        media = root / "media"
        restored = 0
        for path in sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []:
            name = path.relative_to(media).as_posix()
            with path.open("rb") as f:
                saved = storage_for(name).restore(name, File(f))
            if saved != name:
                raise CommandError(f"Media file {name} was stored as {saved}.")
            restored += 1
        if restored != manifest["media_files"]:
            raise CommandError(
                f"{restored} media files, the manifest lists {manifest['media_files']}."
            )
    return manifest
