from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "open_data"
    verbose_name = "Åbne data"

    def ready(self):
        # The data files follow every publication; the licence setting drops the data page.
        from open_data import invalidation  # noqa: F401
