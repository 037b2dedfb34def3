from django.core.management.base import BaseCommand

from renaulution.content.loader import load_content, summarize


class Command(BaseCommand):
    help = (
        "Load the content shipped with the site: the series, its episodes, companies, "
        "people and press releases, in English, French and Italian. Creates what is "
        "missing and never changes what exists, so it is safe to run again."
    )

    def handle(self, *args, **options):
        counts = load_content()
        self.stdout.write(self.style.SUCCESS(summarize(counts)))
