from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from api.api import api, unknown_address

from . import views
from .sitemaps import INDEX_TEMPLATE, SITEMAPS, URLSET_TEMPLATE

# A database that is down is a 503, also when other middleware hit it.
handler500 = "renaulution.faults.server_error"

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {
            "sitemaps": SITEMAPS,
            "sitemap_url_name": "sitemap_section",
            "template_name": INDEX_TEMPLATE,
        },
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": URLSET_TEMPLATE},
        name="sitemap_section",
    ),
    path("admin/translations/", include("translations.urls")),
    path("admin/", admin.site.urls),
    # The JSON API speaks the language it is asked for: outside the language prefix.
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", unknown_address),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("episodes/", include("episodes.urls")),
    path("", include("companies.urls")),
    path("timeline/", include("timeline.urls")),
)

if settings.SERVE_MEDIA:
    # Uploaded files. A production deployment may serve MEDIA_ROOT from
    # its web server instead and leave DJANGO_SERVE_MEDIA off.
    urlpatterns += [
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media"),
    ]
