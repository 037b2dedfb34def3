from django.core.management.base import BaseCommand, CommandError

from renaulution.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup`: its database rows and its media "
        "files. Refuses a database that already holds content unless --force, which "
        "first writes a backup of that content."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Replace the content of a database that is not empty (a backup of it is "
                "written to BACKUP_DIR first)."
            ),
        )
        parser.add_argument("--database", default="default", help="Database alias to write.")

    def handle(self, *args, **options):
        try:
            manifest, safety = backup_restore(
                path=options["archive"], force=options["force"], database=options["database"]
            )
        except FileNotFoundError as error:
            raise CommandError(f"No archive at {options['archive']}.") from error
        except BackupError as error:
            raise CommandError(str(error)) from error
        if safety:
            self.stdout.write(f"The content that was replaced is saved in {safety}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(manifest['rows'].values())} rows and "
                f"{len(manifest['media'])} media files from a backup of {manifest['created']}."
            )
        )
