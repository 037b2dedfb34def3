"""
Which models and fields translators work on, and what their source is.

A translatable field is a localized field that holds human text. Slugs are
localized too, but they are addresses that fall back to English, not text
to translate, so they are left out.
"""

import hashlib
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modeltranslation.translator import translator

from renaulution.richtext import RichTextField

CONTENT_APPS = ("companies", "episodes", "timeline")
NOT_TRANSLATED = {"slug"}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def translatable_models():
    """Content models with localized text, in a stable order."""
    models = [
        model
        for model in translator.get_registered_models(abstract=False)
        if model._meta.app_label in CONTENT_APPS and translatable_fields(model)
    ]
    return sorted(models, key=lambda model: (model._meta.app_label, model._meta.model_name))


def translatable_fields(model):
    fields = translator.get_options_for_model(model).fields
    return [name for name in fields if name not in NOT_TRANSLATED]


def is_rich(model, field):
    """Whether `field` (or one of its language columns) of `model` holds rich text (HTML)."""
    return isinstance(model._meta.get_field(field), RichTextField)


def source_language(obj):
    """The language translators translate from: the original one, else English."""
    language = getattr(obj, "original_language", "") or settings.LANGUAGE_CODE
    return language if language in languages() else settings.LANGUAGE_CODE


def value(obj, field, language):
    return getattr(obj, f"{field}_{language}", None) or ""


def text_hash(text):
    return hashlib.sha256((text or "").encode()).hexdigest()


def model_by_label(label):
    """`companies.pressrelease` → the model, if it is translatable; else None."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if model in translatable_models() else None


def load_objects(keys, *, for_update=False):
    """
    {(content type id, pk): object} for the objects `keys` name, one query
    per model, whatever the number of keys. Keys of deleted objects or
    removed models are left out: callers that must say so compare with the
    keys they asked for. `for_update` locks the objects' rows (not their
    related rows) until the transaction ends, in pk order.
    """
    by_type = defaultdict(set)
    for content_type_id, object_id in keys:
        by_type[content_type_id].add(object_id)
    objects = {}
    for content_type_id, ids in by_type.items():
        # get_for_id is cached by ContentType's manager: no query after the first.
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        # The related objects a name is made of (a position's person and
        # company) come in the same query.
        queryset = model._base_manager.select_related()
        if for_update:
            queryset = queryset.select_for_update(of=("self",))
        for pk, obj in queryset.in_bulk(sorted(ids)).items():
            objects[(content_type_id, pk)] = obj
    return objects
