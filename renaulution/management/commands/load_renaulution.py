from django.core.management.base import BaseCommand

from renaulution import search_index
from renaulution.content.loader import load_content, summarize
from renaulution.images import generate_all_renditions
from translations import memory


class Command(BaseCommand):
    help = (
        "Load the content shipped with the site: the series, its episodes, companies, "
        "people and press releases, in English, French and Italian. Creates what is "
        "missing and never changes what exists, so it is safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--renditions",
            action="store_true",
            help=(
                "Also write the responsive renditions of every stored image that are "
                "missing, so that no reader waits for them (pages make them otherwise)."
            ),
        )

    def handle(self, *args, **options):
        counts = load_content()
        self.stdout.write(self.style.SUCCESS(summarize(counts)))
        # Each save writes its own index rows; an index made before them (a
        # database restored another way, rows written in bulk) is caught up.
        if not search_index.is_complete():
            count = search_index.rebuild()
            self.stdout.write(f"Search index rebuilt: {count} objects.")
        # Saves fill the translation memory too; one made before it is filled now.
        if not memory.is_filled():
            count = memory.rebuild()
            self.stdout.write(f"Translation memory rebuilt: {count} segments.")
        if options["renditions"]:
            count = generate_all_renditions()
            self.stdout.write(f"Renditions checked: {count}.")
