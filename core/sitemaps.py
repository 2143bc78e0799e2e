"""The sitemap: every public page once per language it is translated into, with alternates."""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from core.languages import is_translated, language_codes


class PageSitemap(WagtailSitemap):
    """Wagtail's page sitemap (live, public pages of the request's site) made per language.

    Wagtail lists each page once, at the admin language's URL. Django's i18n sitemap gives one
    entry per (page, language) with `xhtml:link` alternates, so its URL building is used again,
    limited to the languages each page is translated into.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if is_translated(item, code)]

    def location(self, item):
        # Django's i18n sitemap activates the entry's language; Wagtail's prefix follows it.
        _site_id, _root_url, page_path = item.get_url_parts(self.request)
        return page_path

    def _urls(self, page, protocol, domain):
        return DjangoSitemap._urls(self, page, protocol, domain)
