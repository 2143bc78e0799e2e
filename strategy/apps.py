from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategien"

    def ready(self):
        from strategy.models import HomePage

        # wagtail-modeltranslation replaced every page type's route() in its own ready();
        # this app comes later in INSTALLED_APPS, so the one-query route wins for the home page.
        HomePage.route = HomePage.route_by_url_path
