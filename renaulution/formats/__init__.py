"""
The site's date formats, per language (FORMAT_MODULE_PATH): the modules here
hand Django the overrides renaulution/languages.py declares (`en` and `it`;
the other languages keep Django's). `local_date` adds what a format string
cannot say.
"""

from django.utils import formats, translation

from renaulution import languages


def local_date(value):
    """
    A full date as the active language writes it (DATE_FORMAT), with the one
    case a format string cannot express: a language that writes the first of
    the month as an ordinal (its `first_day_suffix`: French "1er novembre
    2023", "13 novembre 2023" otherwise).
    """
    date_format = formats.get_format("DATE_FORMAT")
    if value.day == 1:
        entry = languages.ENTRIES.get(translation.get_language())
        if entry is not None and entry.first_day_suffix:
            escaped = "".join(f"\\{character}" for character in entry.first_day_suffix)
            date_format = date_format.replace("j", f"j{escaped}", 1)
    return formats.date_format(value, date_format)
