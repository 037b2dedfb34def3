from django.core.management.base import BaseCommand

from translations.registry import languages
from translations.tmx import export_entries, write_tmx


class Command(BaseCommand):
    help = "Write the translation memory as a TMX 1.4 file, for CAT tools."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", choices=languages(), help="Only the entries into this language."
        )
        parser.add_argument("--output", "-o", help="The file to write (default: standard output).")

    def handle(self, *args, language=None, output=None, **options):
        data = write_tmx(export_entries([language] if language else None))
        if output:
            with open(output, "wb") as file:
                file.write(data)
            self.stderr.write(f"Wrote {output}.")
        else:
            self.stdout.write(data.decode(), ending="")
