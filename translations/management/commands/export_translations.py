import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations.exchange import export_units, write_po, write_xliff
from translations.registry import languages


class Command(BaseCommand):
    help = "Write the strings to translate into one language as XLIFF 1.2 or gettext PO."

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help=f"One of {', '.join(languages())}.")
        parser.add_argument("--format", choices=["xliff", "po"], default="xliff")
        parser.add_argument(
            "--only-pending", action="store_true", help="Only missing and outdated fields."
        )
        parser.add_argument("-o", "--output", help="File to write (standard output if omitted).")

    def handle(self, *args, language, format, only_pending, output, **options):
        if language not in languages():
            raise CommandError(
                f"Unknown language {language!r}: use one of {', '.join(languages())}."
            )
        units = export_units(language, only_pending=only_pending)
        write = write_xliff if format == "xliff" else write_po
        data = write(units, target_language=language)
        if output:
            Path(output).write_bytes(data)
            self.stderr.write(f"{len(units)} units written to {output}.")
        elif self.stdout._out is sys.stdout:
            sys.stdout.buffer.write(data)
        else:
            self.stdout.write(data.decode(), ending="")
