"""`manage.py update_admin_messages` (`make admin-messages`): bring the project's Danish
catalogue of Wagtail's msgids (locale_wagtail/da/) up to the installed Wagtail version.

New msgids arrive as untranslated entries; translate them, then `make messages` compiles."""

from django.core.management.base import BaseCommand

from editorial.admin_messages import DOMAINS, catalogue_path, update_catalogue


class Command(BaseCommand):
    help = "Merge the installed Wagtail's msgids lacking Danish into locale_wagtail/da/."

    def handle(self, *args, **options):
        for domain in DOMAINS:
            entries, untranslated = update_catalogue(domain)
            self.stdout.write(
                f"{catalogue_path(domain)}: {entries} entries, {untranslated} untranslated"
            )
