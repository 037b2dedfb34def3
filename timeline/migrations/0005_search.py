"""
The milestones' full-text documents on PostgreSQL: a stored tsvector column
per language with its GIN index, outside Django's model state, built by the
same function as the companies' (companies/migrations/0003_search.py, which
also creates the text search configurations). No-op on SQLite, whose index
is renaulution/migrations/0002_search_index.py.
"""

from importlib import import_module

from django.db import migrations

company_search = import_module("companies.migrations.0003_search")

# (column, localized, weight): the title weighs most, as everywhere.
DOCUMENTS = {
    "timeline_milestone": [
        ("title", True, "A"),
        ("summary", True, "B"),
    ],
}

add_milestone_documents, drop_milestone_documents = company_search.add_documents(DOCUMENTS)


class Migration(migrations.Migration):

    dependencies = [
        ("companies", "0003_search"),
        ("timeline", "0004_expiry"),
    ]

    operations = [
        migrations.RunPython(add_milestone_documents, drop_milestone_documents, elidable=False),
    ]
