"""
The read-only public API, /api/v1/, with django-ninja.

django-ninja rather than Django REST framework + drf-spectacular: the API
is a handful of read-only GET endpoints over QuerySets we already have, and
ninja builds the OpenAPI 3 schema from the endpoints' type hints and
pydantic schemas in one package, with Swagger UI shipped in its static
files (served by WhiteNoise like ours, no CDN, no inline script: it runs
under our Content-Security-Policy). DRF would bring serializers, viewsets,
routers, its own pagination, throttling and content negotiation, most of
which we would override to keep the pages' `published()` and page cache.

Errors are JSON that names the parameter at fault (api/errors.py): a
parameter ninja cannot read (`?limit=abc`, `?limit=500`) is a 400, not
ninja's 422.
"""

import functools

from csp.decorators import csp_update
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from .errors import ApiError, error_response
from .views import router

DESCRIPTION = """
Read-only access to the published content of the site: the series, its
episodes, the companies (with the group tree), people (with their
positions), press releases and the timeline's milestones, in English,
French or Italian.

**Language.** `?lang=en|fr|it`, else the `Accept-Language` header, else
English. A localized value is `{"value", "language", "fallback"}`:
`fallback` is true when the language has no text yet and `value` is the
English one. `?lang=all` gives every language's own value side by side,
each with its translation state (`source`, `current`, `outdated`,
`missing`, or null when there is nothing to translate).

**Pages.** Lists are in a fixed order, `limit` items a page (at most 100,
50 by default); `next_cursor` (also as the whole `next` address) gives the
following page, and stays valid while items are published or withdrawn.

**Caching.** Every answer has an `ETag` and `Last-Modified`; send
`If-None-Match` or `If-Modified-Since` to get a 304.

**Errors.** `{"error": {"status", "message", "parameter"}}`: 400 for a
parameter that cannot be read or names nothing public (`parameter` says
which), 404 for an unknown object, 429 past the rate limit per address
(with `Retry-After`).
"""


def docs_page(view):
    """
    The docs page: Swagger UI's stylesheet draws its icons as data: SVG
    images, which the site's `img-src 'self'` refuses; this page alone
    allows them (an image cannot run script). Never stored by the page
    cache, whose hits get the site's policy without this change.
    """
    allowed = csp_update({"img-src": ["data:"]})(view)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = allowed(request, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        return response

    return wrapped


api = NinjaAPI(
    title="Renaulution API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # The validator badge would load an image from another site: the CSP refuses it.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_decorator=docs_page,
)
api.add_router("/", router)


@api.exception_handler(ValidationError)
def invalid_parameter(request, exc):
    first = exc.errors[0] if exc.errors else {}
    location = [part for part in first.get("loc", ()) if isinstance(part, str)]
    parameter = location[-1] if location else None
    message = first.get("msg") or _("This value cannot be read.")
    return error_response(400, message, parameter)


@api.exception_handler(ApiError)
def bad_parameter(request, exc):
    return error_response(exc.status, exc.message, exc.parameter)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(404, str(exc) or _("There is nothing here."))


def unknown_address(request, rest):
    """
    Any other address under /api/v1/: a JSON 404, as for an unknown object
    (the site's HTML 404 page is for readers), or the address with its
    trailing slash when that one exists, as APPEND_SLASH does for pages.
    """
    if not rest.endswith("/"):
        try:
            resolve(f"{request.path}/")
        except Resolver404:
            pass
        else:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                f"{request.path}/" + (f"?{query}" if query else "")
            )
    return error_response(404, _("There is nothing here."))
