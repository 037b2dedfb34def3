# Django's format module for English: the formats renaulution/languages.py declares.
from renaulution.languages import date_formats

globals().update(date_formats("en"))
