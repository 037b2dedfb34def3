import json

from django.core.management.base import BaseCommand, CommandError

from translations.consistency import describe_issues
from translations.registry import languages, model_by_label, translatable_models
from translations.status import consistency_rows, translation_status
from translations.tracking import rebuild_all


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

    def handle(self, *args, language=None, format="table", fail_on_missing=False, **options):
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
        return {
            "languages": {
                status.language: {
                    "total": status.total.as_dict(),
                    "models": {
                        label: counts.as_dict() for label, counts in status.by_model.items()
                    },
                }
                for status in statuses
            },
            "consistency_issues": [
                {
                    "model": row.content_type.app_label + "." + row.content_type.model,
                    "object_id": row.object_id,
                    "field": row.field,
                    "language": row.language,
                    "issues": row.issues,
                }
                for row in issues
            ],
        }

    def write_table(self, statuses, issues):
        header = f"{'language':<9}{'content':<26}{'current':>9}{'outdated':>10}{'missing':>9}"
        self.stdout.write(header + f"{'done':>8}")
        self.stdout.write("-" * (len(header) + 8))
        for status in statuses:
            for label, counts in status.by_model.items():
                name = str(model_by_label(label)._meta.verbose_name_plural)
                self.stdout.write(self.line(status.language, name, counts))
            self.stdout.write(
                self.style.MIGRATE_HEADING(self.line(status.language, "all", status.total))
            )
        self.stdout.write("")
        self.stdout.write(f"Consistency issues: {len(issues)}")
        for row in issues:
            self.stdout.write(
                f"  {row.content_type.model} #{row.object_id} {row.field} [{row.language}]: "
                f"{describe_issues(row.issues)}"
            )

    @staticmethod
    def line(language, name, counts):
        return (
            f"{language:<9}{name[:25]:<26}{counts.current:>9}{counts.outdated:>10}"
            f"{counts.missing:>9}{counts.percent('current'):>7}%"
        )
