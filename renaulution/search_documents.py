"""
The search's per-language structures for every language of
settings.LANGUAGES, created after `migrate` when one is missing: what makes a
language added later searchable without a hand-written migration.

The shipped migrations create them for en, fr and it, as they were when
written (companies/migrations/0003_search.py, episodes/migrations/0002_search.py,
timeline/migrations/0005_search.py on PostgreSQL, renaulution/migrations/0002_search_index.py
on SQLite); migrations are history and do not read settings. After every
`migrate` (`renaulution.apps`, post_migrate) `create_missing` adds what a
language of settings.LANGUAGES lacks:

- SQLite: its FTS5 table (renaulution/search_index.py), empty until
  `manage.py rebuild_search_index` (which `load_renaulution` runs when the
  index is incomplete) fills it;
- PostgreSQL: its accent-folding text search configuration and, in each
  searched table, its generated `search_<code>` tsvector column with its GIN
  index, built from renaulution/search.py's `SOURCES` exactly as the
  migrations build theirs (tests/test_languages.py compares them).
"""

from django.conf import settings
from django.db import connections

from . import languages, search_index


def create_missing(*, using="default"):
    """Create what a language lacks; returns the names of what was created."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        return _create_sqlite_tables(connection)
    if connection.vendor == "postgresql":
        return _create_postgresql_documents(connection)
    return []


def _create_sqlite_tables(connection):
    existing = set(connection.introspection.table_names())
    created = []
    with connection.cursor() as cursor:
        for code in languages.codes():
            table = search_index.table(code)
            if table in existing:
                continue
            # As renaulution/migrations/0002_search_index.py creates them.
            cursor.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                "a, b, c, d, tokenize = 'unicode61 remove_diacritics 2')"
            )
            created.append(table)
    return created


def document_sql(source, code):
    """
    The SQL of the tsvector of `source`'s document in language `code`: the
    title (weight A) and the other fields by weight, each localized field in
    `code` or its default-language text when empty; names are not localized.
    """
    model = source.model
    config = languages.get(code).search_configuration
    default = settings.LANGUAGE_CODE
    parts = []
    for field, weight in zip((source.title, *source.texts), "A" + source.weights, strict=True):
        if not source.is_localized(field):
            text = f'"{model._meta.get_field(field).column}"'
        else:
            own = model._meta.get_field(f"{field}_{code}").column
            fallback = model._meta.get_field(f"{field}_{default}").column
            text = f'"{own}"' if code == default else f"""NULLIF("{own}", ''), "{fallback}\""""
        parts.append(
            f"setweight(to_tsvector('{config}'::regconfig, COALESCE({text}, '')), '{weight}')"
        )
    return " || ".join(parts)


def _create_postgresql_documents(connection):
    from .search import SOURCES

    created = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for entry in languages.entries():
            config = entry.search_configuration
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [config])
            if cursor.fetchone() is None:
                # As companies/migrations/0003_search.py makes them (unaccent
                # is its extension): accents fold before stemming.
                cursor.execute(
                    f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {entry.snowball})"
                )
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR "
                    f"hword, hword_part, word WITH unaccent, {entry.snowball}_stem"
                )
                created.append(config)
            for source in SOURCES.values():
                table = source.model._meta.db_table
                column = f"search_{entry.code}"
                if table not in tables:
                    continue
                cursor.execute(
                    "SELECT 1 FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s "
                    "AND column_name = %s",
                    [table, column],
                )
                if cursor.fetchone() is not None:
                    continue
                cursor.execute(
                    f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector '
                    f"GENERATED ALWAYS AS ({document_sql(source, entry.code)}) STORED"
                )
                # In the row rather than in TOAST, as the migrations keep theirs.
                cursor.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET STORAGE MAIN')
                cursor.execute(
                    f'CREATE INDEX "{table}_{column}" ON "{table}" USING gin ("{column}")'
                )
                created.append(f"{table}.{column}")
    return created
