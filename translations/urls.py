from django.contrib import admin
from django.urls import path

from . import comment_views, exchange_views, machine_views, memory_views, segment_views, views

app_name = "translations"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard), name="dashboard"),
    path("queue/<str:language>/", admin.site.admin_view(views.queue), name="queue"),
    path(
        "segments/<str:language>/<str:label>/<int:pk>/<str:field>/",
        admin.site.admin_view(segment_views.segment_view),
        name="segments",
    ),
    path("export/", admin.site.admin_view(exchange_views.export_view), name="export"),
    path("import/", admin.site.admin_view(exchange_views.import_view), name="import"),
    path("memory/export/", admin.site.admin_view(memory_views.export_view), name="memory_export"),
    path(
        "comments/<str:model>/<int:object_id>/",
        admin.site.admin_view(comment_views.add_view),
        name="comment_add",
    ),
    path(
        "comments/<int:pk>/state/",
        admin.site.admin_view(comment_views.state_view),
        name="comment_state",
    ),
    path("memory/import/", admin.site.admin_view(memory_views.import_view), name="memory_import"),
    path(
        "machine/<str:label>/<str:pk>/<str:field>/<str:language>/",
        admin.site.admin_view(machine_views.suggestion_view),
        name="machine_suggestion",
    ),
]
