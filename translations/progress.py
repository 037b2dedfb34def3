"""Figures of the translation work: per language and per model, from the stored states."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from .models import FieldTranslation, State
from .registry import languages, translatable_models


@dataclass
class Counts:
    current: int = 0
    outdated: int = 0
    missing: int = 0

    @property
    def total(self):
        return self.current + self.outdated + self.missing

    def percent(self, state):
        if not self.total:
            # Nothing to translate counts as done.
            return 100.0 if state == State.CURRENT else 0.0
        return round(100 * getattr(self, state) / self.total, 1)

    @property
    def percent_current(self):
        return self.percent("current")

    def as_dict(self):
        return {
            "current": self.current,
            "outdated": self.outdated,
            "missing": self.missing,
            "total": self.total,
            "percent": {state: self.percent(state) for state in State.values},
        }


@dataclass
class LanguageStatus:
    language: str
    total: Counts = field(default_factory=Counts)
    by_model: dict = field(default_factory=dict)


def translation_status(only_languages=None):
    """
    [LanguageStatus] for each language (or the ones asked for): counts of
    current, outdated and missing fields, in total and per model. One query.
    """
    codes = [code for code in languages() if not only_languages or code in only_languages]
    models = translatable_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    label_of = {ct.pk: model._meta.label_lower for model, ct in content_types.items()}
    result = {
        code: LanguageStatus(code, by_model={model._meta.label_lower: Counts() for model in models})
        for code in codes
    }
    rows = (
        FieldTranslation.objects.filter(language__in=codes)
        .values("language", "content_type", "state")
        .annotate(count=Count("id"))
    )
    for row in rows:
        label = label_of.get(row["content_type"])
        if label is None:
            continue
        status = result[row["language"]]
        for counts in (status.total, status.by_model[label]):
            setattr(counts, row["state"], getattr(counts, row["state"]) + row["count"])
    return list(result.values())


def consistency_rows(only_languages=None):
    """Current translations with findings (`with_findings`), as the dashboard counts them."""
    queryset = FieldTranslation.objects.with_findings().select_related("content_type")
    if only_languages:
        queryset = queryset.filter(language__in=only_languages)
    return queryset.order_by("content_type", "object_id", "field", "language")
