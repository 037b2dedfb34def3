"""
`manage.py typeset_french`: set the French catalogs' translations with the
site's typography (renaulution/content/typography.py), so a string added by
`make messages` follows the rule without anyone remembering it.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from renaulution.content.typography import french


def french_catalogs():
    """The .po files of the French interface, under LOCALE_PATHS."""
    return sorted(
        path for base in settings.LOCALE_PATHS for path in Path(base).glob("fr*/LC_MESSAGES/*.po")
    )


def typeset(path):
    """Apply the rule to one catalog's translations; the number of entries changed."""
    catalog = polib.pofile(str(path))
    changed = 0
    for entry in catalog:
        before = (entry.msgstr, dict(entry.msgstr_plural))
        entry.msgstr = french(entry.msgstr)
        entry.msgstr_plural = {n: french(text) for n, text in entry.msgstr_plural.items()}
        changed += before != (entry.msgstr, entry.msgstr_plural)
    if changed:
        catalog.save(str(path))
    return changed


class Command(BaseCommand):
    help = "Set the French catalogs' spaces by the rule of renaulution/content/typography.py."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path, help="Catalogs (default: every French one)."
        )

    def handle(self, *args, paths, **options):
        for path in paths or french_catalogs():
            count = typeset(path)
            self.stdout.write(f"{path}: {count} translation(s) typeset")
