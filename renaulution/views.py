import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db import DatabaseError, connection
from django.db.models import Count, Sum
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django.views.static import serve

from companies.models import PressRelease
from episodes.models import Series

from . import invalidation, surrogate_keys
from .faults import database_logger
from .search import (
    MAX_QUERY_LENGTH,
    MIN_QUERY_CHARACTERS,
    clean_query,
    is_searchable,
)
from .search import search as search_content

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
    """
    Each dependency's state, as JSON: {"database": "ok"|"error", "cache":
    "ok"|"error", "status": "ok"|"degraded"|"unavailable"}. 503 only when the
    database fails: without it no page can be served, while without the
    cache every page still is (slower), so a load balancer must not take
    every instance out of rotation because their shared Redis is down.
    """
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    states = {name: "ok" if answered else "error" for name, answered in checks.items()}
    if not checks["database"]:
        states["status"], status = "unavailable", 503
    else:
        states["status"], status = ("ok" if checks["cache"] else "degraded"), 200
    response = JsonResponse(states, status=status)
    # The outage is logged once per interval (faults.database_logger), not
    # once per probe by Django's request logger.
    response._has_been_logged = True
    return response


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        database_logger.error("Database unavailable: %s", error)
        return False
    return True


def _cache_answers():
    """
    A write then a read of a key of our own. The cache ignores its errors
    (django-redis' IGNORE_EXCEPTIONS), so an outage shows as a value that
    does not come back, not as an exception.
    """
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key) == value
        cache.delete(key)
    except Exception:  # a backend that does raise: the answer is the same
        return False
    return answered


@require_safe
def robots_txt(request):
    """
    Crawlers may read the public site, not the admin nor the search results
    (endless pages made of other pages' text), and find the sitemap here.
    """
    disallow = [reverse("admin:index")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallow.append(reverse("search"))
    return render(
        request,
        "robots.txt",
        {"disallow": disallow, "sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def media(request, path):
    """
    An uploaded file, when Django serves MEDIA_ROOT itself (DJANGO_SERVE_MEDIA).

    Django's `serve` asks the file system about any path it is given; the
    file system answers some of them with an error rather than "no such
    file": a name longer than it allows (255 bytes on most), a path longer
    than PATH_MAX. No such file can exist, so these are a 404, not a 500.
    (A NUL byte never gets here: RefuseNulMiddleware answers 400.)
    """
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        raise Http404(_("There is no such file.")) from error
    # Every upload gets a new random folder (storage.py) and renditions are
    # named after their source: a URL's bytes never change, so keep them.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_safe
def home(request):
    series = Series.objects.published().for_home().first()
    episodes, totals = [], {"count": 0, "runtime": None}
    if series:
        # A page of the episode list at most, and their number and total
        # runtime (one aggregate over the series' episodes): the page stays
        # bounded however long the series runs, and the list's next page is
        # a link away.
        published = series.episodes.published()
        episodes = list(published.for_listing()[: settings.EPISODES_PER_PAGE])
        totals = published.aggregate(count=Count("pk"), runtime=Sum("runtime_minutes"))
    # The latest releases: a window of the public order, dropped only when
    # a change enters, leaves or moves in it.
    press_releases = invalidation.first_rows(
        PressRelease.objects.published().for_listing(), HOME_PRESS_RELEASES
    )
    return render(
        request,
        "home.html",
        {
            "series": series,
            "episodes": episodes,
            "episode_count": totals["count"],
            "total_runtime": totals["runtime"],
            "press_releases": press_releases,
        },
    )


@require_safe
def search(request):
    """
    Search every published episode, company, person, press release and
    milestone in the reader's language. Any query gives a page: an empty or
    too short one asks for more, a bad page number is a 404 (as in the press
    list).
    """
    # Results depend on the text of everything: dropped on any content change.
    invalidation.add_keys(surrogate_keys.SEARCH)
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {
        "query": query,
        "truncated": truncated,
        "max_length": MAX_QUERY_LENGTH,
        "min_characters": MIN_QUERY_CHARACTERS,
        "searchable": is_searchable(query),
        "page_obj": None,
        "results": [],
    }
    if context["searchable"]:
        results = search_content(query, language=translation.get_language())
        paginator = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(_("There is no such page of results.")) from error
        context.update(
            page_obj=page,
            results=page.object_list,
            more_results=results.has_more,
            max_results=results.limit,
            filter_query=urlencode({"q": query}),
        )
    return render(request, "search.html", context)
