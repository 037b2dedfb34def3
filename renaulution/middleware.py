"""Response headers Django's SecurityMiddleware does not send."""

from django.conf import settings


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
