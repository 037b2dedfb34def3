from django.contrib import admin
from django.urls import path

from . import views

app_name = "translations"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard), name="dashboard"),
    path("queue/<str:language>/", admin.site.admin_view(views.queue), name="queue"),
]
