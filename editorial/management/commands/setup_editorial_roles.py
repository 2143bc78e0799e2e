"""`manage.py setup_editorial_roles`: reset the Editors and Moderators groups to the site's roles.

The data migration does this once; run it again after installing an app the roles cover (e.g.
wagtail.contrib.search_promotions) or to undo hand-made changes to the two groups.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.roles import apply_roles


class Command(BaseCommand):
    help = "Give the Editors and Moderators groups exactly the site's editorial permissions."

    def handle(self, *args, **options):
        with transaction.atomic():
            apply_roles(apps)
        self.stdout.write("Editors and Moderators are set up.")
