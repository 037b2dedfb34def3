"""
The language a request's Accept-Language header asks for, among
settings.LANGUAGES, else the default: for answers outside the language
prefix that speak the client's language (the JSON API, api/languages.py),
and for the page cache's key of such answers (renaulution/pagecache.py).

Only the header counts, not the language cookie: an integrator's client
says what it wants in each request.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header


def accept_language(request):
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    # The header is bounded as Django bounds it; an unreadable one is no choice.
    for code, _quality in parse_accept_lang_header(header[:500]):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE
