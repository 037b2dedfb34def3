from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations.tmx import MAX_FILE_SIZE, TmxRefused, import_tmx


class Command(BaseCommand):
    help = (
        "Merge a TMX file into the translation memory: segments it translates the same way "
        "are left alone, earlier imports are updated, the others added."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; change nothing."
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        try:
            if path.stat().st_size > MAX_FILE_SIZE:
                raise CommandError(f"{file}: larger than {MAX_FILE_SIZE // 2**20} MB.")
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        try:
            report = import_tmx(data, dry_run=dry_run)
        except TmxRefused as refused:
            raise CommandError(f"{file} not imported:\n  " + "\n  ".join(refused.errors)) from None
        prefix = "Dry run, nothing changed: would have " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {report.skipped} skipped."
            )
        )
