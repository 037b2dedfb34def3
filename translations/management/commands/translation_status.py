import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from translations.consistency import describe_issues
from translations.progress import consistency_rows, translation_status
from translations.registry import (
    languages,
    load_objects,
    model_by_label,
    translatable_models,
)
from translations.tracking import rebuild_all

STATES = ("current", "outdated", "missing")


def counts_json(counts):
    return {
        **{state: getattr(counts, state) for state in STATES},
        "total": counts.total,
        "percent": {state: counts.percent(state) for state in STATES},
    }


class Command(BaseCommand):
    help = (
        "Print, per language and per model, how many localized fields are current, "
        "outdated or missing, and the translations whose figures differ from the source."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=languages(), help="Only this language.")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--fail-on-missing",
            action="store_true",
            help="Exit with an error when any field is missing (for builds).",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Recompute every state from the content first.",
        )

    def handle(self, *args, **options):
        # Model and object names in the site's default language, whatever is
        # active in the calling thread: the report reads the same everywhere.
        with translation.override(settings.LANGUAGE_CODE):
            self.report(**options)

    def report(self, *, language=None, format="table", fail_on_missing=False, **options):
        if options["rebuild"]:
            rebuild_all(translatable_models())
        selected = [language] if language else None
        statuses = translation_status(selected)
        issues = list(consistency_rows(selected))
        if format == "json":
            self.stdout.write(json.dumps(self.as_json(statuses, issues), indent=2))
        else:
            self.write_table(statuses, issues)
        missing = sum(status.total.missing for status in statuses)
        if fail_on_missing and missing:
            raise CommandError(f"{missing} localized fields are missing a translation.")

    def as_json(self, statuses, issues):
        names = self.object_names(issues)
        return {
            "languages": {
                status.language: {
                    "total": counts_json(status.total),
                    "models": {
                        label: counts_json(counts) for label, counts in status.by_model.items()
                    },
                }
                for status in statuses
            },
            "consistency_issues": [
                {
                    "object": names.get((row.content_type_id, row.object_id), ""),
                    "model": row.content_type.app_label + "." + row.content_type.model,
                    "object_id": row.object_id,
                    "field": row.field,
                    "language": row.language,
                    "issues": row.issues,
                }
                for row in issues
            ],
        }

    @staticmethod
    def object_names(issues):
        """{(content type id, object id): str(object)}: one query per model with issues."""
        objects = load_objects((row.content_type_id, row.object_id) for row in issues)
        return {key: str(obj) for key, obj in objects.items()}

    def write_table(self, statuses, issues):
        header = f"{'language':<9}{'content':<26}" + "".join(f"{s:>16}" for s in STATES)
        header += f"{'total':>8}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for status in statuses:
            for label, counts in status.by_model.items():
                name = str(model_by_label(label)._meta.verbose_name_plural)
                self.stdout.write(self.line(status.language, name, counts))
            self.stdout.write(
                self.style.MIGRATE_HEADING(self.line(status.language, "all", status.total))
            )
        self.stdout.write("")
        self.stdout.write(f"Consistency issues: {len(issues)}")
        names = self.object_names(issues)
        for row in issues:
            name = names.get((row.content_type_id, row.object_id), "")
            self.stdout.write(
                f"  {row.content_type.model} #{row.object_id} ({name}) {row.field} "
                f"[{row.language}]: {describe_issues(row.issues)}"
            )

    @staticmethod
    def line(language, name, counts):
        cells = "".join(
            f"{getattr(counts, state):>8}{counts.percent(state):>7}%" for state in STATES
        )
        return f"{language:<9}{name[:25]:<26}{cells}{counts.total:>8}"
