from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The admin side for communications staff: roles, reports, redirects, image rules."""

    name = "editorial"
    verbose_name = _("redaktion")

    def ready(self):
        from editorial import admin_language, redirects

        redirects.connect()
        admin_language.apply()
