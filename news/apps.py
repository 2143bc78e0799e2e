from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Nyheder"

    def ready(self):
        # Feeds, the data files and the home page's news list follow every publication.
        from news import invalidation  # noqa: F401
