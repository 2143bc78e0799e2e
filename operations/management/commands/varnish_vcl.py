"""manage.py varnish_vcl: deploy/varnish.vcl for this deployment's app servers."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.varnish import vcl_for


class Command(BaseCommand):
    help = (
        "Print deploy/varnish.vcl with its app servers part written for the given app servers "
        "(round robin, health probes, purge ACL); the rest of the file is printed as shipped. "
        "Save it as Varnish's VCL, e.g. > /etc/varnish/default.vcl."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "app_servers", nargs="+", metavar="HOST:PORT", help="Each app server's gunicorn."
        )
        parser.add_argument(
            "--site-host",
            help="Host name the health probes send (default: the first of ALLOWED_HOSTS).",
        )
        parser.add_argument(
            "--purger",
            action="append",
            default=[],
            metavar="HOST",
            help="A further host allowed to purge, e.g. the one running cron's publish_scheduled.",
        )

    def handle(self, *args, app_servers, site_host=None, purger=(), **options):
        if site_host is None:
            hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
            if not hosts:
                raise CommandError("ALLOWED_HOSTS names no host: give --site-host.")
            site_host = hosts[0]
        try:
            self.stdout.write(vcl_for(app_servers, site_host, purger), ending="")
        except ValueError as error:
            raise CommandError(str(error)) from error
