"""`manage.py backup` and `restore`: the initial content plus uploaded media, restored into an
empty database (PostgreSQL: a new database; SQLite: a new file), comes back identical."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.browser.conftest import recreate_wagtail_defaults

BASE_DIR = Path(__file__).resolve().parent.parent
# Rebuilt on restore rather than copied (operations/backup.py), or bookkeeping of the run itself.
NOT_COMPARED_ON_SQLITE = {
    "django_session",
    "django_migrations",
    "sqlite_sequence",
    "site_search_searchtext",  # rebuilt by update_index: same texts, new ids
}


def file_hashes(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def add_uploaded_media():
    """An image (with a rendition) and a document, as an editor would upload them."""
    out = io.BytesIO()
    PILImage.frombytes("RGB", (64, 48), os.urandom(64 * 48 * 3)).save(out, format="PNG")
    image = get_image_model().objects.create(
        title="Fjorden", file=ImageFile(io.BytesIO(out.getvalue()), name="fjorden.png")
    )
    image.get_rendition("fill-32x32|format-webp")
    get_document_model().objects.create(
        title="Data",
        file=SimpleUploadedFile("data.csv", "år;mål\n2026;resiliens\n".encode()),
    )


def automatic_m2m_tables() -> set[str]:
    """Tables of many-to-many fields without their own model (e.g. a group's permissions)."""
    from django.apps import apps

    return {
        field.remote_field.through._meta.db_table
        for model in apps.get_models()
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    }


def table_rows(cursor, tables, without_own_id=frozenset()) -> dict[str, list]:
    """Every row of every table; for `without_own_id` tables the rows without their id column
    (Django's serialisation keeps many-to-many pairs, not the ids of their rows)."""
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
        # By column name: columns added by a later migration may sit elsewhere in the table.
        names = [column[0] for column in cursor.description]
        found = [tuple(sorted(zip(names, row, strict=True))) for row in cursor.fetchall()]
        if table in without_own_id:
            found = sorted(tuple(item for item in row if item[0] != "id") for row in found)
        rows[table] = found
    return rows


def run_restore(archive: Path, database_url: str, media: Path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.test",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(media),
        },
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def site_with_media(transactional_db):
    recreate_wagtail_defaults()
    call_command("load_initial_content", stdout=io.StringIO())
    add_uploaded_media()


@pytest.fixture
def empty_database(tmp_path):
    """(DATABASE_URL, connect) of a new, empty database of the engine the tests run on."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield (
            f"sqlite:///{path}",
            lambda: sqlite3.connect(path, detect_types=sqlite3.PARSE_DECLTYPES),
        )
        return
    import psycopg

    db = connection.settings_dict
    name = f"rv_hardening_restore_{uuid.uuid4().hex[:8]}"
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{db['USER']}@{server['host']}:{server['port']}/{name}"
    try:
        yield url, lambda: psycopg.connect(dbname=name, **server)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def source_connection():
    """The test database, read the same way as the restored one."""
    if connection.vendor == "sqlite":
        return connection.cursor()
    import psycopg

    db = connection.settings_dict
    return psycopg.connect(
        dbname=db["NAME"],
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
    ).cursor()


def test_backup_restores_into_an_empty_database_identically(
    site_with_media, empty_database, tmp_path
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    assert archive.is_file()

    database_url, connect = empty_database
    media = tmp_path / "restored-media"
    result = run_restore(archive, database_url, media)
    assert result.returncode == 0, result.stdout + result.stderr

    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
    if connection.vendor == "sqlite":
        tables = [t for t in tables if t not in NOT_COMPARED_ON_SQLITE and "indexentry" not in t]
    for table in (
        "wagtailcore_page",
        "wagtailcore_revision",
        "core_sitedocument",
        "wagtailimages_image",
    ):
        assert table in tables
    m2m = automatic_m2m_tables() if connection.vendor == "sqlite" else frozenset()
    source = table_rows(source_connection(), tables, m2m)
    restored_connection = connect()
    restored = table_rows(restored_connection.cursor(), tables, m2m)
    restored_connection.close()
    assert source["wagtailcore_page"] and source["wagtailcore_revision"]
    assert source["wagtailimages_image"] and source["core_sitedocument"]
    for table in tables:
        for restored_row, source_row in zip(restored[table], source[table], strict=True):
            assert dict(restored_row) == dict(source_row), table

    # Every media file (originals, documents, renditions), byte for byte.
    source_files = file_hashes(Path(settings.MEDIA_ROOT))
    assert any(name.startswith("original_images/fjorden") for name in source_files)
    assert any(name.startswith("images/") for name in source_files)  # the rendition
    assert any(name.startswith("documents/") for name in source_files)
    assert file_hashes(media) == source_files

    # A second restore into the now full database is refused.
    again = run_restore(archive, database_url, media)
    assert again.returncode != 0
    assert "The database is not empty" in again.stderr


def test_restore_refuses_a_database_with_tables(db, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
