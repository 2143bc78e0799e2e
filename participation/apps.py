from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = _("Borgerinddragelse")

    def ready(self):
        from participation.models import ParticipationPage

        # wagtail-modeltranslation replaced every page type's route() in its own ready() (an
        # earlier app): the form's thank-you address is added back here.
        ParticipationPage.route = ParticipationPage.route_with_thanks
