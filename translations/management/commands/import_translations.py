from django.core.management.base import BaseCommand, CommandError

from translations.exchange import MAX_FILE_SIZE, ImportFailed, import_translations


class Command(BaseCommand):
    help = (
        "Import a translated XLIFF 1.2 or PO file (the format is read from the content). "
        "Everything is validated first; nothing is applied unless all of it can be."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also apply units whose source text changed since the export.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate and report only.")

    def handle(self, *args, file, force, dry_run, **options):
        try:
            with open(file, "rb") as handle:
                # One byte over the cap is enough for import_translations to
                # refuse the file, whatever its size (or a device's endless one).
                data = handle.read(MAX_FILE_SIZE + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            report = import_translations(data, force=force, dry_run=dry_run)
        except ImportFailed as failure:
            errors = "\n".join(f"  - {error}" for error in failure.report.errors)
            raise CommandError(
                f"Nothing was imported: {len(failure.report.errors)} error(s):\n{errors}"
            ) from failure
        verb = "would be updated" if dry_run else "updated"
        self.stdout.write(
            f"{report.language}: {report.updated} fields {verb}, {report.unchanged} unchanged."
        )
        if report.reviewed:
            self.stdout.write(
                f"{report.reviewed} outdated translations confirmed as reviewed"
                + (" (dry run)." if dry_run else ".")
            )
        if report.skipped_changed_source:
            self.stdout.write(
                f"{len(report.skipped_changed_source)} skipped because their source changed "
                "since the export (use --force to apply them):"
            )
            for unit_id in report.skipped_changed_source:
                self.stdout.write(f"  - {unit_id}")
        if report.skipped_changed_target:
            self.stdout.write(
                f"{len(report.skipped_changed_target)} skipped because someone changed the "
                "translation since the export (use --force to apply them):"
            )
            for unit_id in report.skipped_changed_target:
                self.stdout.write(f"  - {unit_id}")
        if report.skipped_unreviewed:
            self.stdout.write(
                f"{len(report.skipped_unreviewed)} skipped because their translation was "
                "pre-filled from the translation memory and is still to review (confirm it "
                "in your translation tool, then import again):"
            )
            for unit_id in report.skipped_unreviewed:
                self.stdout.write(f"  - {unit_id}")
