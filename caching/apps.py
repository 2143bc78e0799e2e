from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Cache"

    def ready(self):
        from caching import invalidation

        # Page signals connect on import; snippets, settings, documents and images here.
        invalidation.connect_snippets_and_settings()
