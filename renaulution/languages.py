"""
What the site needs to know about each language it speaks, declared once.

settings.LANGUAGES says which languages the site speaks (the URL prefixes,
the switcher, the hreflang alternates, modeltranslation's `_<code>` columns,
the translators' groups); this module says, for each of them, what code
cannot derive from the code alone: OpenGraph's locale, the search's stemmer
and PostgreSQL configuration, the reader notices' sentences, the language's
name inside a sentence, its date formats. Everything else iterates
`codes()`, which reads settings.LANGUAGES.

A language in settings.LANGUAGES without an entry here fails `manage.py
check` (renaulution.E101, `check_languages`). Adding a language is: its line
in settings.LANGUAGES, its entry here, `makemigrations` (modeltranslation's
columns), `migrate` (which creates its search documents and its translators'
group, see `renaulution.apps`), and its catalog in locale/. An entry whose
language the site does not speak is inert: `de` below is the one the
fourth-language test run (tests/settings_fourth_language.py) speaks.
"""

from dataclasses import dataclass, field
from importlib.util import find_spec

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy, pgettext_lazy


@dataclass(frozen=True)
class Language:
    code: str
    #: OpenGraph's `og:locale`, language_TERRITORY.
    og_locale: str
    #: The Snowball algorithm of the language: SQLite's index stems with it
    #: (snowballstemmer), and PostgreSQL's configuration copies the built-in
    #: one of that name, with its `<snowball>_stem` dictionary.
    snowball: str
    #: The language's name inside a sentence ("Titre original (italien)"),
    #: where settings.LANGUAGES capitalises it as the language menu does.
    name_in_text: str
    #: The reader notices under a title when this language is the source: one
    #: sentence each, as languages name the source with adjectives that agree
    #: differently ("du texte anglais", "del testo inglese").
    outdated_notice: str
    missing_notice: str
    #: The link to the version in this language, written in this language:
    #: the reader who follows it reads it ("la version française" agrees).
    source_version: str
    #: Overrides of Django's date formats for the language (renaulution/formats/).
    date_formats: dict = field(default_factory=dict)
    #: What follows the day number on the first of a month, when the
    #: language writes it as an ordinal ("1er novembre 2023"); a format string
    #: cannot say "on the first only".
    first_day_suffix: str = ""

    @property
    def search_configuration(self):
        """PostgreSQL's accent-folding text search configuration (companies/migrations/0003)."""
        return f"{self.snowball}_unaccent"


ENTRIES = {
    entry.code: entry
    for entry in (
        Language(
            code="en",
            og_locale="en_GB",
            snowball="english",
            name_in_text=pgettext_lazy("language name inside a sentence", "English"),
            outdated_notice=gettext_lazy(
                "This translation predates an update of the English text."
            ),
            missing_notice=gettext_lazy(
                "Part of this page is not translated yet and is shown in English."
            ),
            source_version="Read the English version",
            # British order, as the site's English texts write dates: "13
            # December 2024", not Django's American default "Dec. 13, 2024".
            date_formats={
                "DATE_FORMAT": "j F Y",
                "DATETIME_FORMAT": "j F Y, H:i",
                "MONTH_DAY_FORMAT": "j F",
            },
        ),
        Language(
            code="fr",
            og_locale="fr_FR",
            snowball="french",
            name_in_text=pgettext_lazy("language name inside a sentence", "French"),
            outdated_notice=gettext_lazy("This translation predates an update of the French text."),
            missing_notice=gettext_lazy(
                "Part of this page is not translated yet and is shown in French."
            ),
            source_version="Lire la version française",
            # Django's French formats are ours, but for the first of the month.
            first_day_suffix="er",
        ),
        Language(
            code="it",
            og_locale="it_IT",
            snowball="italian",
            name_in_text=pgettext_lazy("language name inside a sentence", "Italian"),
            outdated_notice=gettext_lazy(
                "This translation predates an update of the Italian text."
            ),
            missing_notice=gettext_lazy(
                "Part of this page is not translated yet and is shown in Italian."
            ),
            source_version="Leggi la versione italiana",
            # No leading zero on the day ("1 novembre 2023"), as Italian press
            # writes it; Django's own format is "01 novembre 2023".
            date_formats={"DATE_FORMAT": "j F Y"},
        ),
        Language(
            code="de",
            og_locale="de_DE",
            snowball="german",
            name_in_text=pgettext_lazy("language name inside a sentence", "German"),
            outdated_notice=gettext_lazy("This translation predates an update of the German text."),
            missing_notice=gettext_lazy(
                "Part of this page is not translated yet and is shown in German."
            ),
            source_version="Die deutsche Fassung lesen",
            # Django's German formats ("13. Dezember 2024") are ours.
        ),
    )
}


def codes():
    """The site's language codes, in settings.LANGUAGES order (the default first)."""
    return [code for code, _name in settings.LANGUAGES]


def non_default_codes():
    """The site's languages but the default (English), which other texts fall back to."""
    return [code for code in codes() if code != settings.LANGUAGE_CODE]


def get(code):
    """The entry of language `code`; KeyError for a language nobody declared."""
    return ENTRIES[code]


def entries():
    """The entries of the site's languages, in settings.LANGUAGES order."""
    return [ENTRIES[code] for code in codes()]


def date_formats(code):
    """Django format settings for renaulution/formats/<code>/formats.py."""
    return dict(ENTRIES[code].date_formats)


@checks.register()
def check_languages(app_configs=None, **kwargs):
    """Every language of settings.LANGUAGES needs its entry here."""
    errors = []
    for code in codes():
        if code not in ENTRIES:
            errors.append(
                checks.Error(
                    f"settings.LANGUAGES has {code!r}, but renaulution/languages.py "
                    "declares nothing about it.",
                    hint=(
                        f"Add a Language(code={code!r}, ...) entry to ENTRIES in "
                        "renaulution/languages.py: its OpenGraph locale, Snowball "
                        "stemmer, notice sentences and date formats."
                    ),
                    id="renaulution.E101",
                )
            )
            continue
        # Django reads formats from a module per language (FORMAT_MODULE_PATH).
        module = f"renaulution.formats.{code}.formats"
        if ENTRIES[code].date_formats and find_spec(f"renaulution.formats.{code}") is None:
            errors.append(
                checks.Error(
                    f"renaulution/languages.py gives {code!r} date formats, but Django "
                    f"would not read them: {module} is missing.",
                    hint=(
                        f"Create renaulution/formats/{code}/__init__.py (empty) and "
                        f"renaulution/formats/{code}/formats.py as the en one is."
                    ),
                    id="renaulution.E102",
                )
            )
    return errors
