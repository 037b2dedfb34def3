import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations.exchange import export_units, write_po, write_xliff
from translations.registry import languages

WRITERS = {"xliff": write_xliff, "po": write_po}


class Command(BaseCommand):
    help = "Write the texts to translate into one language as XLIFF 1.2 or gettext PO."

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help=f"One of {', '.join(languages())}.")
        parser.add_argument("--format", default="xliff", help="xliff (default) or po.")
        parser.add_argument(
            "--only-pending", action="store_true", help="Only missing and outdated fields."
        )
        parser.add_argument(
            "--segment",
            action="store_true",
            help="Rich text one block (paragraph, heading, list item) per unit.",
        )
        parser.add_argument(
            "--prefill",
            action="store_true",
            help="XLIFF: fill empty targets with the translation memory's exact matches, "
            'to review (state="needs-review-translation").',
        )
        parser.add_argument("-o", "--output", help="File to write (standard output if omitted).")

    def handle(self, *args, language, format, only_pending, segment, prefill, output, **options):
        if language not in languages():
            raise CommandError(
                f"Unknown language {language!r}: use one of {', '.join(languages())}."
            )
        if format not in WRITERS:
            raise CommandError(f"Unknown format {format!r}: use xliff or po.")
        if prefill and format != "xliff":
            # PO has no "to review" state that a pre-fill could carry but fuzzy,
            # which PO editors hide as done-but-doubtful: XLIFF only.
            raise CommandError("--prefill is for XLIFF: PO cannot mark a target as to review.")
        units = export_units(language, only_pending=only_pending, segment=segment, prefill=prefill)
        data = WRITERS[format](units, target_language=language)
        if output:
            try:
                Path(output).write_bytes(data)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error}") from error
            self.stderr.write(f"{len(units)} units written to {output}.")
        elif self.stdout._out is sys.stdout:
            # The real standard output: bytes as they are, whatever the terminal's encoding.
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
