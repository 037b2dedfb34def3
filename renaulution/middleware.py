"""
The site's own middleware: headers Django's SecurityMiddleware does not send,
and input that no page of ours can mean, refused before any view sees it.

A NUL character has no place in an address, a query, a cookie or a form
field of this site, yet it reaches the code behind them: PostgreSQL refuses
it in any string ("A string literal cannot contain NUL"), the file system in
any path ("embedded null byte"). Checking every view, filter and admin
lookup one by one would leave the next one open, so the request is refused
here, once:

- in a query, a cookie or posted form data: 400 and the site's "bad
  request" page (Django's handler400 renders templates/400.html, in the
  language LocaleMiddleware chose, without the request, so a bad session
  cookie is never looked up);
- in the path: 404, as for any address that names no page (no slug or
  file name can hold a NUL).

Nothing is stripped silently: `?company=renault%00` is not `renault`.
"""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404

NUL = "\x00"


def security_headers(get_response):
    """
    Permissions-Policy and Cross-Origin-Resource-Policy on every response.

    It sits above WhiteNoise, so static files get them too; a view that
    sets its own value keeps it.
    """
    permissions_policy = ", ".join(
        f"{feature}={allow}" for feature, allow in settings.PERMISSIONS_POLICY.items()
    )
    resource_policy = settings.CROSS_ORIGIN_RESOURCE_POLICY

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", resource_policy)
        return response

    return middleware


def _has_nul(data):
    """True when a key or any value of a QueryDict or plain dict holds a NUL."""
    for key in data:
        if NUL in key:
            return True
        values = data.getlist(key) if hasattr(data, "getlist") else [data[key]]
        if any(isinstance(value, str) and NUL in value for value in values):
            return True
    return False


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The Host header first, as CommonMiddleware would: the 404 page for a
        # NUL path builds absolute links, and a host that is not ours must be
        # the 400 Django answers for it there, not a 500 from the error page.
        request.get_host()
        if (
            _has_nul(request.GET)
            or _has_nul(request.COOKIES)
            or (request.method == "POST" and _has_nul(request.POST))
        ):
            raise BadRequest("NUL character in the request")
        if NUL in request.path:
            raise Http404("NUL character in the path")
        return self.get_response(request)
