"""What readers are told about the translation of the page they read."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import FieldTranslation, State
from .registry import source_language

# One sentence per source language: languages name them with adjectives that
# agree differently ("du texte anglais", "del testo inglese").
OUTDATED = {
    "en": _("This translation predates an update of the English text."),
    "fr": _("This translation predates an update of the French text."),
    "it": _("This translation predates an update of the Italian text."),
}
MISSING = {
    "en": _("Part of this page is not translated yet and is shown in English."),
    "fr": _("Part of this page is not translated yet and is shown in French."),
    "it": _("Part of this page is not translated yet and is shown in Italian."),
}


@dataclass
class Coverage:
    """The states of one object's fields, per target language."""

    source_language: str
    states: dict = field(default_factory=dict)  # language -> {state: count}

    def count(self, language, state):
        return self.states.get(language, {}).get(state, 0)

    def mostly_missing(self):
        """Languages in which more than half of the fields are missing."""
        return {
            language
            for language, counts in self.states.items()
            if counts.get(State.MISSING, 0) * 2 > sum(counts.values())
        }

    def notice(self, language):
        """The sentences to show a reader of `language`, as a list (empty: nothing to say)."""
        if language == self.source_language:
            return []
        sentences = []
        if self.count(language, State.OUTDATED):
            sentences.append(OUTDATED[self.source_language])
        if self.count(language, State.MISSING):
            sentences.append(MISSING[self.source_language])
        return sentences


def coverage(obj):
    """The object's translation coverage, in one query."""
    result = Coverage(source_language(obj))
    for row in FieldTranslation.objects.for_object(obj).values("language", "state"):
        counts = result.states.setdefault(row["language"], {})
        counts[row["state"]] = counts.get(row["state"], 0) + 1
    return result
