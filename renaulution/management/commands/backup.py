from pathlib import Path

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from renaulution.backups import backup_write, default_backup_path


class Command(BaseCommand):
    help = (
        "Write the database and the media folder (uploaded images and their "
        "renditions) to one .tar.gz archive, which `restore` reads back on SQLite "
        "or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Archive to write (default: BACKUP_DIR/renaulution-<date>-<time>.tar.gz).",
        )
        parser.add_argument("--database", default="default", help="Database alias to read.")

    def handle(self, *args, **options):
        path = Path(options["output"]) if options["output"] else default_backup_path()
        manifest = backup_write(path=path, database=options["database"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path} ({filesizeformat(path.stat().st_size)}: "
                f"{sum(manifest['rows'].values())} rows, {len(manifest['media'])} media files)."
            )
        )
