from django.core.management.base import BaseCommand

from translations.memory import rebuild


class Command(BaseCommand):
    help = (
        "Fill the translation memory anew from the current translations of the content "
        "(entries imported from TMX files are kept). Saves keep it up to date; this is "
        "for a database filled another way."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Translation memory rebuilt: {count} segments."))
