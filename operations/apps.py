from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backups and restore, /healthz, security headers, client addresses,
    the Varnish VCL for the app servers."""

    name = "operations"
    verbose_name = "Drift"
