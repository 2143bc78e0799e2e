from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Fælles"

    def ready(self):
        from core import cache_invalidation

        # Page signals connect on import; snippets, settings, documents and images here.
        cache_invalidation.connect_snippets_and_settings()
