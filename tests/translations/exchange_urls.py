"""The exchange views at their final paths, for the view tests (see test_exchange.py)."""

from django.contrib import admin
from django.urls import path

from translations import exchange_views

urlpatterns = [
    path(
        "admin/translations/export/",
        admin.site.admin_view(exchange_views.export_view),
        name="exchange-export",
    ),
    path(
        "admin/translations/import/",
        admin.site.admin_view(exchange_views.import_view),
        name="exchange-import",
    ),
    path("admin/", admin.site.urls),
]
