"""
Publication stands on its own: `renaulution/publishing.py` knows nothing of
the translators' workspace, models declare translation tracking themselves,
and the detail views take the reader's translation notice from their own
mixin.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.urls import get_resolver

from renaulution import publishing
from renaulution.publishing import Publishable, PublishedObjectMixin
from translations.notices import TranslationNoticeMixin
from translations.registry import translatable_models
from translations.tracking import TracksTranslations


def imported_modules(module):
    tree = ast.parse(Path(module.__file__).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_publishing_imports_nothing_from_the_translations_app():
    assert not [
        name for name in imported_modules(publishing) if name.split(".")[0] == "translations"
    ]


def test_publication_does_not_make_a_model_track_translations():
    assert not issubclass(Publishable, TracksTranslations)


def test_every_translatable_publishable_model_declares_both():
    publishable = [model for model in apps.get_models() if issubclass(model, Publishable)]
    assert publishable
    for model in publishable:
        assert model in translatable_models(), model
        assert issubclass(model, TracksTranslations), model


def view_classes(patterns):
    for pattern in patterns:
        yield from view_classes(getattr(pattern, "url_patterns", []))
        view_class = getattr(getattr(pattern, "callback", None), "view_class", None)
        if view_class is not None:
            yield view_class


def detail_views():
    return {
        view
        for view in view_classes(get_resolver().url_patterns)
        if issubclass(view, PublishedObjectMixin)
    }


def test_every_published_detail_view_adds_the_translation_notice():
    views = detail_views()
    assert {view.__name__ for view in views} >= {
        "CompanyDetailView",
        "PersonDetailView",
        "PressReleaseDetailView",
        "EpisodeDetailView",
    }
    for view in views:
        assert issubclass(view, TranslationNoticeMixin), view
