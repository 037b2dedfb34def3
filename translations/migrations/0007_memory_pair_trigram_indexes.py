from django.db import migrations

# Fuzzy matching on PostgreSQL (translations.memory): one partial trigram GIN
# index per language pair besides the table-wide one of 0003. Suggestions
# always ask for one pair, and a GIN scan for `%` reads the posting lists of
# the query's trigrams: in an index of one pair they are a fraction as long
# (measured at 100,000 entries, bench/memory.py: the suggestions for a body
# took half the time). The pairs of the languages shipped when it was
# written: a language added later (README, "Adding a language") has its
# pairs searched through 0003's table-wide index, correct and slower, until
# a migration like this one adds theirs.
PAIRS = [(source, target) for source in ("en", "fr", "it") for target in ("en", "fr", "it")]
PAIRS = [(source, target) for source, target in PAIRS if source != target]


def index_name(source, target):
    return f"memory_trgm_{source}_{target}"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for source, target in PAIRS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(source, target)} ON translations_memoryentry "
            "USING gin (normalized gin_trgm_ops) "
            f"WHERE source_language = '{source}' AND target_language = '{target}'"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for source, target in PAIRS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(source, target)}")


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0006_fieldtranslation_issues_help_text"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
