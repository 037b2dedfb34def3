"""The site's URLs plus a search page, as the search branch adds it (URL name `search`)."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

from renaulution.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(path("search/", lambda request: HttpResponse(), name="search")),
]
