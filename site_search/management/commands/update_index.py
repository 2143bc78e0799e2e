"""Wagtail's `update_index`, then the public site search's own index.

This app comes before wagtail.search in INSTALLED_APPS, so `manage.py update_index` runs this
command: one command rebuilds both the admin's search index and the public one.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from site_search.indexing import rebuild


class Command(WagtailUpdateIndex):
    help = "Rebuild Wagtail's search index (admin search) and the public site search's index."

    def handle(self, **options):
        super().handle(**options)
        if options.get("schema_only"):
            return
        count = rebuild()
        self.write(f"site_search: indexed {count} page texts")
