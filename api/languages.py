"""
The language an API answer speaks, and how each localized value says it.

`?lang=<code>` (one of settings.LANGUAGES) wins, else Accept-Language, else
English. In one language a localized value is

    {"value": "…", "language": "fr", "fallback": false}

where `language` is the language of `value` and `fallback` says it is the
English text standing in for an empty translation (as the pages show it).
With `?lang=all` it is every language's own text side by side, each with
its translation state:

    {"en": {"value": "…", "state": "source"},
     "fr": {"value": "…", "state": "current"},
     "it": {"value": null, "state": "missing"}}

`state` is "source" for the object's source language (a press release's
original language, else English), else the `translations` app's state of
that field in that language (missing, outdated, current), or null when the
source is empty and there is nothing to translate.
"""

import enum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from renaulution.negotiation import accept_language
from translations.models import FieldTranslation
from translations.registry import source_language

ALL = "all"


def codes():
    return [code for code, _name in settings.LANGUAGES]


# The values of `?lang=`, for the schema: every language of the site, and "all".
Language = enum.Enum("Language", {code: code for code in [*codes(), ALL]}, type=str)


def requested(request, lang):
    """The code the answer speaks ("all" for every language): `?lang=`, else Accept-Language."""
    if lang is not None:
        return Language(lang).value
    return accept_language(request)


class Localizer:
    """
    Turns the localized fields of loaded objects into the values above.

    With "all", the states are filled in by `fill_states` once the whole
    answer is built: one query per model shown, so an answer costs the same
    queries at any size.
    """

    def __init__(self, language):
        self.language = language
        self.pending = []  # (object, field, its values by language) still without states

    @property
    def every_language(self):
        return self.language == ALL

    def __call__(self, obj, field):
        if self.every_language:
            return self.side_by_side(obj, field)
        own = getattr(obj, f"{field}_{self.language}", None)
        if own:
            return {"value": own, "language": self.language, "fallback": False}
        english = getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None)
        if english and self.language != settings.LANGUAGE_CODE:
            return {"value": english, "language": settings.LANGUAGE_CODE, "fallback": True}
        return {"value": None, "language": self.language, "fallback": False}

    def side_by_side(self, obj, field):
        source = source_language(obj)
        values = {
            code: {
                "value": getattr(obj, f"{field}_{code}", None) or None,
                "state": "source" if code == source else None,
            }
            for code in codes()
        }
        self.pending.append((obj, field, values))
        return values

    def fill_states(self):
        """The translation states of every value given so far, read per model."""
        by_model = {}
        for obj, _field, _values in self.pending:
            by_model.setdefault(type(obj), set()).add(obj.pk)
        states = {}
        for model, pks in by_model.items():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            rows = FieldTranslation.objects.filter(
                content_type=content_type, object_id__in=sorted(pks)
            ).values_list("object_id", "field", "language", "state")
            for pk, field, language, state in rows:
                states[model, pk, field, language] = state
        for obj, field, values in self.pending:
            for code, value in values.items():
                if value["state"] is None:
                    value["state"] = states.get((type(obj), obj.pk, field, code))
        self.pending = []
