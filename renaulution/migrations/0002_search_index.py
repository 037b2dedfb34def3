"""
SQLite's full-text index (renaulution/search_index.py): one FTS5 table of
stems per language, with a column per PostgreSQL weight (a is the title or
name). Nothing here runs on PostgreSQL, where the tables' generated tsvector
columns do the work (companies/migrations/0003_search.py), and none of it is
in Django's model state. The tables start empty: `manage.py
rebuild_search_index` (which `load_renaulution` runs when needed) fills them.
"""

from django.db import migrations

LANGUAGES = ("en", "fr", "it")


def create_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for language in LANGUAGES:
        # The text is stemmed in Python; the tokenizer splits it and folds
        # whatever diacritics are left.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE search_index_{language} USING fts5("
            "a, b, c, d, tokenize = 'unicode61 remove_diacritics 2')"
        )


def drop_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for language in LANGUAGES:
        schema_editor.execute(f"DROP TABLE IF EXISTS search_index_{language}")


class Migration(migrations.Migration):

    dependencies = [
        ("renaulution", "0001_role_groups"),
    ]

    operations = [
        migrations.RunPython(create_tables, drop_tables, elidable=False),
    ]
