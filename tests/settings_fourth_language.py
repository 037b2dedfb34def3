"""
The test settings with a fourth language, German: what adding a language
takes (README, "Adding a language"), for the part of the suite marked
`fourth_language` (`make test` runs it after the whole suite):

    DJANGO_SETTINGS_MODULE=tests.settings_fourth_language \
        pytest --no-migrations -m fourth_language

- settings: ("de", "Deutsch") in LANGUAGES, below;
- its entry in renaulution/languages.py (there, inert without this line);
- `makemigrations`: modeltranslation adds the `*_de` columns from LANGUAGES.
  The shipped migrations do not have them, so this run makes its tables from
  the models (`--no-migrations`), and `migrate`'s post_migrate step
  (renaulution.apps.after_migrate) adds the German search index and the
  "Translators (de)" group, as it would after a real `migrate`;
- a catalog: German ships none, so the run's catalog is kept under
  tests/fourth_language/locale, searched first.

Always on SQLite, whatever DATABASE_URL says: without migrations the
PostgreSQL-only parts they make (the tsvector columns' text search
configurations come with the unaccent extension, the memory's pg_trgm index)
would not exist, and the run would test a database no site has.
"""

from renaulution.test_settings import *  # noqa: F403
from renaulution.test_settings import BASE_DIR, LANGUAGES, LOCALE_PATHS

LANGUAGES = [*LANGUAGES, ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "tests" / "fourth_language" / "locale", *LOCALE_PATHS]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        # Tests run on an in-memory copy; the file is never opened.
        "NAME": BASE_DIR / "db.sqlite3",
    }
}
