from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from revisions.services import prune


class Command(BaseCommand):
    help = (
        "Delete the oldest revisions of each object beyond the newest REVISIONS_KEEP "
        "(or --keep). Without either, every revision is kept and nothing is deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="How many revisions of each object to keep (default: the REVISIONS_KEEP setting).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be deleted, delete nothing.",
        )

    def handle(self, *args, keep=None, dry_run=False, **options):
        keep = settings.REVISIONS_KEEP if keep is None else keep
        if keep is None:
            self.stdout.write("REVISIONS_KEEP is not set: every revision is kept.")
            return
        if keep < 1:
            raise CommandError("Keep at least 1 revision of each object (the current state).")
        versions, revisions = prune(keep=keep, dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"Keeping the newest {keep} of each object: {versions} old versions and "
            f"{revisions} emptied revisions {verb}."
        )
