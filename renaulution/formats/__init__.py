"""
The site's date formats, per language (FORMAT_MODULE_PATH): `en` and `it`
override Django's defaults, `fr` keeps them. `local_date` adds what a format
string cannot say.
"""

from django.utils import formats, translation


def local_date(value):
    """
    A full date as the active language writes it (DATE_FORMAT), with the one
    case a format string cannot express: French writes the first of the
    month as an ordinal, "1er novembre 2023" ("13 novembre 2023" otherwise).
    """
    date_format = formats.get_format("DATE_FORMAT")
    if value.day == 1 and translation.get_language() == "fr":
        date_format = date_format.replace("j", r"j\e\r", 1)
    return formats.date_format(value, date_format)
