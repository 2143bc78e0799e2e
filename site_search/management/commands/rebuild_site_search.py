"""Rebuild the public search's index (site_search.SearchText) from the live pages."""

from django.core.management.base import BaseCommand

from site_search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the public site search's per-language index from the live pages. "
        "`update_index` runs this too."
    )

    def handle(self, **options):
        count = rebuild()
        if options["verbosity"] > 0:
            self.stdout.write(f"site_search: indexed {count} page texts")
