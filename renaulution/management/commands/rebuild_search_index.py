from django.core.management.base import BaseCommand

from renaulution import search_index


class Command(BaseCommand):
    help = (
        "Rewrite SQLite's full-text search index from the content (every save "
        "keeps it up to date; this catches up rows written in bulk or restored "
        "another way). Does nothing on PostgreSQL, whose search columns are "
        "kept by the database itself."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="Only when the index does not hold one row per object and language.",
        )

    def handle(self, *args, **options):
        if not search_index.enabled("default"):
            self.stdout.write("The database keeps its own search index: nothing to do.")
            return
        if options["if_needed"] and search_index.is_complete():
            self.stdout.write("The search index is complete.")
            return
        count = search_index.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} objects."))
