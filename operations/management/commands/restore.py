"""manage.py restore ARCHIVE: a backup back into an empty database (see operations/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty database (of the same "
        "engine) and the media folder. Refuses a database that already has tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, database="default", **options):
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        manifest = restore_backup(archive, alias=database)
        self.stdout.write(
            f"Restored {archive} (made {manifest['created']}, {manifest['media_files']} media "
            "files). Next: manage.py collectstatic if this is a new machine."
        )
