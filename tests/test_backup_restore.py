"""`manage.py backup` and `restore`: the initial content plus uploaded media, restored into an
empty database (PostgreSQL: a new database; SQLite: a new file), comes back identical, without
sessions or login records, in an archive only its owner can read."""

import hashlib
import io
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from operations.backup import private_tables
from tests.browser.conftest import recreate_wagtail_defaults
from tests.initial_content import load_initial_content

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


PASSPHRASE = "fjord-storm-bolværk-42"
# Does the session cookie open the admin? Asked of the restored site in a process of its own.
ADMIN_WITH_SESSION = (
    "import os; from django.test import Client; c = Client(); "
    "c.cookies['sessionid'] = os.environ['RV_SESSION_KEY']; print(c.get('/admin/').status_code)"
)


def admin_status_with_session(client: Client, session_key: str) -> int:
    client.cookies["sessionid"] = session_key
    return client.get("/admin/").status_code


def log_in_through_the_form() -> str:
    """Failed and successful logins through the admin's form: axes records and a session."""
    get_user_model().objects.create_superuser("redaktør", "r@example.org", PASSPHRASE)
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="80.62.10.66")
    for _ in range(5):
        attacker.post("/admin/login/", {"username": "redaktør", "password": "forkert-æøå"})
    editor = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="80.62.10.7")
    response = editor.post("/admin/login/", {"username": "redaktør", "password": PASSPHRASE})
    assert response.status_code == 302
    return editor.cookies["sessionid"].value


def run_manage(*args, database_url: str, media: Path, **extra_env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.test",
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(media),
            **extra_env,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )


def run_restore(archive: Path, database_url: str, media: Path):
    return run_manage("restore", str(archive), database_url=database_url, media=media)


@pytest.fixture
def site_with_media(transactional_db):
    """The initial content, uploaded media, and an editor logged in (returns the session key)."""
    recreate_wagtail_defaults()
    load_initial_content()
    add_uploaded_media()
    return log_in_through_the_form()


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
    session_key = site_with_media
    assert admin_status_with_session(Client(), session_key) == 200  # logged in on the site
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    assert archive.is_file()
    assert_holds_no_sessions_or_login_records(archive, session_key, tmp_path)

    database_url, connect = empty_database
    media = tmp_path / "restored-media"
    result = run_restore(archive, database_url, media)
    assert result.returncode == 0, result.stdout + result.stderr

    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
    # Left out of the backup: compared below as "empty after the restore" instead.
    private = private_tables()
    assert set(private) >= {"django_session", "axes_accessattempt", "axes_accesslog"}
    tables = [t for t in tables if t not in private]
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

    # The source had sessions and login records; the restored site has none of them ...
    source_private = table_rows(source_connection(), private)
    assert source_private["django_session"] and source_private["axes_accessattempt"]
    restored_connection = connect()
    restored_private = table_rows(restored_connection.cursor(), private)
    restored_connection.close()
    assert restored_private == {table: [] for table in private}
    # ... so the session that was valid before the backup does not open the restored admin.
    opened = run_manage(
        "shell",
        "-c",
        ADMIN_WITH_SESSION,
        database_url=database_url,
        media=media,
        RV_SESSION_KEY=session_key,
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.splitlines()[-1] == "302"  # to the login form

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


def assert_holds_no_sessions_or_login_records(archive: Path, session_key: str, tmp_path: Path):
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    unpacked = tmp_path / "unpacked"
    if connection.vendor == "sqlite":
        text = (unpacked / "database.exact-json").read_text()
        assert session_key not in text
        assert '"model": "sessions.' not in text and '"model": "axes.' not in text
        assert "80.62.10.66" not in text
        return
    # pg_dump's table of contents: the private tables are there, their rows are not.
    listing = subprocess.run(
        ["pg_restore", "--list", str(unpacked / "database.dump")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert " TABLE public django_session " in listing
    for table in private_tables():
        assert f" TABLE DATA public {table} " not in listing, table
    assert " TABLE DATA public wagtailcore_page " in listing


@pytest.mark.parametrize("leftover", [None, "archive", "partial"])
def test_the_archive_is_readable_by_its_owner_only(db, tmp_path, leftover):
    archive = tmp_path / "backup.tar.gz"
    if leftover:  # an older, world-readable file where the new one is written
        old = archive if leftover == "archive" else tmp_path / "backup.tar.gz.partial"
        old.write_bytes(b"gammel")
        old.chmod(0o644)
    previous = os.umask(0o022)
    try:
        call_command("backup", output=archive, stdout=io.StringIO())
    finally:
        os.umask(previous)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not (tmp_path / "backup.tar.gz.partial").exists()
    with tarfile.open(archive) as tar:
        assert "manifest.json" in tar.getnames()


def test_restore_refuses_a_database_with_tables(db, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
