"""
The episodes' full-text documents on PostgreSQL, like companies' 0003_search
(which creates the text search configurations): a stored tsvector column per
language with its GIN index, outside Django's model state. No-op on SQLite.
"""

from django.db import migrations

CONFIGURATIONS = {"en": "english_unaccent", "fr": "french_unaccent", "it": "italian_unaccent"}
TABLE = "episodes_episode"
# (column, weight): both localized, with the English text as fallback.
COLUMNS = [("title", "A"), ("synopsis", "C")]


def document_sql(language):
    config = CONFIGURATIONS[language]
    parts = []
    for column, weight in COLUMNS:
        if language == "en":
            text = f'"{column}_en"'
        else:
            text = f"""NULLIF("{column}_{language}", ''), "{column}_en\""""
        parts.append(
            f"setweight(to_tsvector('{config}'::regconfig, COALESCE({text}, '')), '{weight}')"
        )
    return " || ".join(parts)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in CONFIGURATIONS:
        schema_editor.execute(
            f'ALTER TABLE "{TABLE}" ADD COLUMN "search_{language}" tsvector '
            f"GENERATED ALWAYS AS ({document_sql(language)}) STORED"
        )
        # In the row rather than in TOAST, as in companies' 0003_search.
        schema_editor.execute(
            f'ALTER TABLE "{TABLE}" ALTER COLUMN "search_{language}" SET STORAGE MAIN'
        )
        schema_editor.execute(
            f'CREATE INDEX "{TABLE}_search_{language}" ON "{TABLE}" USING gin ("search_{language}")'
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in CONFIGURATIONS:
        schema_editor.execute(f'ALTER TABLE "{TABLE}" DROP COLUMN IF EXISTS "search_{language}"')


class Migration(migrations.Migration):

    dependencies = [
        ("companies", "0003_search"),
        ("episodes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
