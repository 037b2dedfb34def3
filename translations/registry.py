"""
Which models and fields translators work on, and what their source is.

A translatable field is a localized field that holds human text. Slugs are
localized too, but they are addresses that fall back to English, not text
to translate, so they are left out.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from modeltranslation.translator import translator

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
