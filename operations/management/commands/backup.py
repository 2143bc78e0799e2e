"""manage.py backup: the database and all media in one archive (see operations/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write one .tar.gz archive with the database (pg_dump on PostgreSQL, Django's "
        "serialisation on SQLite) and every media file. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Archive to write (default: resilient-vejle-YYYYmmdd-HHMMSS.tar.gz here).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output=None, database="default", **options):
        if output is None:
            output = Path(f"resilient-vejle-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        manifest = write_backup(output, alias=database)
        self.stdout.write(
            f"Wrote {output} ({manifest['engine']} database, "
            f"{manifest['media_files']} media files)."
        )
