"""The site's URLconf with the benchmark's two reference views in front."""

from django.urls import path

from renaulution import urls as site_urls

from . import views

handler500 = site_urls.handler500

urlpatterns = [
    path("_bench/constant/", views.constant, name="bench_constant"),
    path("_bench/floor/", views.floor, name="bench_floor"),
    *site_urls.urlpatterns,
]
