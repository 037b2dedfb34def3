"""
Month names as our catalogs spell them.

Django formats dates with its own catalog, whose Italian months are
capitalized ("13 Dicembre 2024"); Italian writes them in lower case. The
project's catalogs come first (LOCALE_PATHS), so the same msgids translated
there win. They are marked here so that `makemessages` keeps them.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
