from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.documents import document_view
from news import feeds as news_feeds
from open_data import views as open_data_views
from operations import health
from site_search import views as site_search_views
from strategy import views as strategy_views

# Addresses outside the page tree: the admin, documents, the legal /was redirect, the files
# search engines read, and the strategy's stable download address per language.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, streaming from the disk or the bucket with ETag and Range, for
    # GET and HEAD only (405 with Allow otherwise). Same name, so reverse() finds the same URL.
    re_path(r"^documents/(\d+)/(.*)$", document_view, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("was", core_views.accessibility_statement, name="accessibility_statement"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("healthz", health.healthz, name="healthz"),
    path(
        "strategien.pdf",
        strategy_views.strategy_document,
        {"language": "da"},
        name="strategy_document_da",
    ),
    path(
        "en/strategy.pdf",
        strategy_views.strategy_document,
        {"language": "en"},
        name="strategy_document_en",
    ),
    # Atom feeds per language (news/feeds.py), fixed addresses like the PDF's.
    path("nyheder.atom", news_feeds.news_feed, {"language": "da"}, name="news_feed_da"),
    path("en/news.atom", news_feeds.news_feed, {"language": "en"}, name="news_feed_en"),
    path("projekter.atom", news_feeds.projects_feed, {"language": "da"}, name="projects_feed_da"),
    path("en/projects.atom", news_feeds.projects_feed, {"language": "en"}, name="projects_feed_en"),
    # Open data (open_data/): both languages in one file; the /data/ page describes them.
    path("data/projects.json", open_data_views.projects_json, name="open_data_projects_json"),
    path("data/projects.csv", open_data_views.projects_csv, name="open_data_projects_csv"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Danish at unprefixed paths, English under /en/; the page tree comes last.
urlpatterns += i18n_patterns(
    # The site search: /soeg/ in Danish, /en/search/ in English (the route follows the language).
    path(site_search_views.SEARCH_ROUTE, site_search_views.search_view, name="site_search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
