from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "site_search"
    verbose_name = "Søgning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from site_search import signals

        signals.connect()
