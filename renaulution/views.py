import contextlib

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from companies.models import PressRelease
from episodes.models import Series

HOME_PRESS_RELEASES = 3


@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def root_redirect(request):
    """Send the reader to the home page in their language (else English)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return HttpResponseRedirect(reverse("home"))


@never_cache
@require_safe
def healthz(request):
    """200 when the app and its database answer, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def robots_txt(request):
    """
    Crawlers may read the public site, not the admin nor the search results
    (endless pages made of other pages' text), and find the sitemap here.
    """
    disallow = [reverse("admin:index")]
    for code, _name in settings.LANGUAGES:
        # A site without the search page has nothing more to disallow.
        with translation.override(code), contextlib.suppress(NoReverseMatch):
            disallow.append(reverse("search"))
    return render(
        request,
        "robots.txt",
        {"disallow": disallow, "sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def home(request):
    series = Series.objects.published().for_home().first()
    episodes = series.episodes.published().for_listing() if series else []
    press_releases = PressRelease.objects.published().for_listing()[:HOME_PRESS_RELEASES]
    return render(
        request,
        "home.html",
        {"series": series, "episodes": episodes, "press_releases": press_releases},
    )
