"""
The admin's search finds a word in any language's fields, whatever the
language of the interface: an editor working in English finds the release
whose Italian title holds the word, on PostgreSQL (the stored vectors of
every language, renaulution/admin_scale.py) and on SQLite (`search_fields`
over every language's column).
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution.roles import EDITORS
from tests import factories
from tests.test_admin_scale import staff
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

# A word no factory writes, in Italian only.
WORD = "Quokkaverde"

# Each changelist, its factory, and the localized text fields its search
# promises (the title first; a company and a person have a name, which is
# the same in every language, so their first localized field stands in).
SEARCHED = {
    Company: (factories.CompanyFactory, ["tagline", "description", "headquarters"]),
    Person: (factories.PersonFactory, ["headline", "biography"]),
    PressRelease: (factories.PressReleaseFactory, ["title", "summary", "body"]),
    Series: (factories.SeriesFactory, ["title", "tagline", "synopsis"]),
    Episode: (factories.EpisodeFactory, ["title", "synopsis"]),
    Milestone: (factories.MilestoneFactory, ["title", "summary"]),
}
RICH = {"description", "biography", "body", "synopsis"}


@pytest.fixture
def editor(client):
    return staff(client, "editor", EDITORS)


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def search(client, model, term):
    response = client.get(changelist(model), {"q": term}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    return list(response.context["cl"].result_list)


CASES = [(model, field) for model, (_factory, fields) in SEARCHED.items() for field in fields]


@pytest.mark.parametrize(
    ("model", "field"), CASES, ids=[f"{m._meta.model_name}-{f}" for m, f in CASES]
)
def test_a_word_only_in_the_italian_text_is_found_from_the_english_interface(
    client, editor, model, field
):
    factory, _fields = SEARCHED[model]
    text = f"<p>Il {WORD} arriva</p>" if field in RICH else f"Il {WORD} arriva"
    found = factory(**{f"{field}_it": text})
    other = factory()
    for term in (WORD, WORD.lower(), WORD[:8]):
        results = search(client, model, term)
        assert found in results, term
        assert other not in results, term


def test_every_content_changelist_is_covered():
    content = {
        model
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in ("companies", "episodes", "timeline")
        and model_admin.search_fields
    }
    assert content == set(SEARCHED)
