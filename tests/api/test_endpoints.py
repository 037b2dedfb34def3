"""
Every endpoint of the API in each language: the answers match the schema,
localized values say when they fell back to English, `?lang=all` gives
every language with its translation state, and nothing that is not public
(drafts, scheduled, expired, and their names under public objects) appears.
"""

import pytest

from renaulution.languages import codes
from tests.api.conftest import API

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()


def endpoints(content):
    """(list path, detail path template, detail path) of each kind of content."""
    return [
        ("/series/", "/series/{series_id}/", f"/series/{content.series.pk}/"),
        ("/episodes/", "/episodes/{slug}/", "/episodes/episode-one/"),
        ("/companies/", "/companies/{slug}/", "/companies/renault-group/"),
        ("/people/", "/people/{slug}/", "/people/luca-de-meo/"),
        ("/press-releases/", "/press-releases/{slug}/", "/press-releases/renaulution-plan/"),
        ("/milestones/", "/milestones/{slug}/", "/milestones/plan/"),
    ]


def localized_values(data):
    """Every localized value in an answer (a dict with `fallback`)."""
    if isinstance(data, dict):
        if "fallback" in data:
            yield data
        for value in data.values():
            yield from localized_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from localized_values(value)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", range(6))
def test_every_list_and_detail_answers_in_each_language(client, content, conforms, language, kind):
    list_path, template, detail_path = endpoints(content)[kind]

    listed = conforms(client.get(f"{API}{list_path}", {"lang": language}), list_path)
    one = conforms(client.get(f"{API}{detail_path}", {"lang": language}), template)

    assert listed["language"] == language
    assert len(listed["items"]) >= 1
    assert one["id"] in [item["id"] for item in listed["items"]]
    for value in [*localized_values(listed), *localized_values(one)]:
        # A value is in the asked language, or English standing in for it.
        if value["fallback"]:
            assert value["language"] == "en" != language
        elif value["value"] is not None:
            assert value["language"] == language


@pytest.mark.parametrize("kind", range(6))
def test_every_endpoint_answers_every_language_side_by_side(client, content, conforms, kind):
    list_path, template, detail_path = endpoints(content)[kind]

    listed = conforms(client.get(f"{API}{list_path}", {"lang": "all"}), list_path)
    one = conforms(client.get(f"{API}{detail_path}", {"lang": "all"}), template)

    assert listed["language"] == "all"
    assert client.get(f"{API}{list_path}", {"lang": "all"})["Content-Language"] == "en, fr, it"
    assert not list(localized_values(one))  # no single-language value in "all"


def test_a_missing_translation_falls_back_to_english_and_says_so(client, content):
    english = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "en"}).json()
    french = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "fr"}).json()
    italian = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "it"}).json()

    plan = "The Renaulution plan"
    assert english["title"] == {"value": plan, "language": "en", "fallback": False}
    assert french["title"] == {"value": "Le plan Renaulution", "language": "fr", "fallback": False}
    assert italian["title"] == {"value": plan, "language": "en", "fallback": True}
    assert italian["urls"]["it"].endswith("/it/press/renaulution-plan/")
    assert french["urls"]["fr"].endswith("/fr/press/plan-renaulution/")


def test_every_language_comes_with_its_translation_state(client, content):
    data = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "all"}).json()

    assert data["title"] == {
        "en": {"value": "The Renaulution plan", "state": "source"},
        "fr": {"value": "Le plan Renaulution", "state": "current"},
        "it": {"value": None, "state": "missing"},
    }


def test_a_changed_source_makes_its_translations_outdated(client, content):
    content.release.title_en = "The Renaulution plan, in three phases"
    content.release.save()

    data = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "all"}).json()

    assert data["title"]["fr"]["state"] == "outdated"
    assert data["title"]["it"]["state"] == "missing"


def test_a_release_written_in_french_has_french_as_its_source(client, content):
    content.release.original_language = "fr"
    content.release.save()

    data = client.get(f"{API}/press-releases/renaulution-plan/", {"lang": "all"}).json()

    assert data["title"]["fr"]["state"] == "source"
    assert data["title"]["en"]["state"] in ("current", "outdated")


def test_states_of_nested_values_are_given_too(client, content):
    data = client.get(f"{API}/people/luca-de-meo/", {"lang": "all"}).json()

    (position,) = data["positions"]
    assert position["title"]["en"]["state"] == "source"
    assert position["title"]["fr"] == {"value": "Directeur général", "state": "current"}


def test_accept_language_chooses_the_language_when_no_lang_is_given(client, content):
    response = client.get(f"{API}/press-releases/", headers={"accept-language": "fr-CH, it;q=0.5"})

    assert response.json()["language"] == "fr"
    assert response.json()["items"][0]["title"]["value"] == "Le plan Renaulution"
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]


def test_lang_wins_over_accept_language(client, content):
    response = client.get(
        f"{API}/press-releases/", {"lang": "it"}, headers={"accept-language": "fr"}
    )

    assert response.json()["language"] == "it"
    assert response["Content-Language"] == "it"


def test_english_is_the_default(client, content):
    for headers in ({}, {"accept-language": "de-DE, es;q=0.8"}, {"accept-language": ";;q=x"}):
        assert client.get(f"{API}/press-releases/", headers=headers).json()["language"] == "en"


@pytest.mark.parametrize(
    ("path", "expected_id"),
    [
        ("/press-releases/plan-renaulution/", "release"),
        ("/companies/groupe-renault/", "group"),
        ("/companies/gruppo-renault/", "group"),
        ("/episodes/episodio-uno/", "episode"),
    ],
)
def test_a_detail_is_found_by_any_of_its_localized_slugs(client, content, path, expected_id):
    response = client.get(f"{API}{path}", {"lang": "en"})

    assert response.status_code == 200
    assert response.json()["id"] == getattr(content, expected_id).pk


@pytest.mark.parametrize(
    "path",
    [
        "/press-releases/no-such-release/",
        "/companies/no-such-company/",
        "/people/no-such-person/",
        "/episodes/no-such-episode/",
        "/milestones/no-such-milestone/",
        "/series/999999/",
    ],
)
def test_an_unknown_object_is_a_json_404(client, content, path):
    response = client.get(f"{API}{path}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["status"] == 404
    assert response.json()["error"]["message"]


def test_no_draft_scheduled_or_expired_object_is_ever_shown(client, content):
    """Neither as an item, a detail, nor a name under a public object, in any language."""
    hidden = {
        "/companies/": [c.slug_en for c in content.hidden_companies],
        "/people/": [p.slug_en for p in content.hidden_people],
        "/press-releases/": [r.slug_en for r in content.hidden_releases],
        "/episodes/": [e.slug_en for e in content.hidden_episodes],
        "/milestones/": [m.slug for m in content.hidden_milestones],
    }
    for list_path, _template, detail_path in endpoints(content):
        for language in [*LANGUAGES, "all"]:
            for path in (list_path, detail_path):
                body = client.get(f"{API}{path}", {"lang": language}).content.decode()
                assert "Hidden" not in body, (path, language)
                assert "hidden-" not in body, (path, language)
                assert "Secret post" not in body, (path, language)
    for list_path, slugs in hidden.items():
        for slug in slugs:
            assert client.get(f"{API}{list_path}{slug}/").status_code == 404, slug


def test_related_objects_are_named_only_when_public(client, content):
    older = client.get(f"{API}/press-releases/dacia-news/").json()
    release = client.get(f"{API}/press-releases/renaulution-plan/").json()
    series = client.get(f"{API}/series/{content.series.pk}/").json()
    group = client.get(f"{API}/companies/renault-group/").json()
    brand = client.get(f"{API}/companies/dacia/").json()

    assert older["company"] is None  # issued by a draft company
    assert release["company"]["slug"] == "renault-group"
    assert [p["slug"] for p in release["people"]] == ["luca-de-meo"]
    assert series["platform"] is None
    assert series["subject"]["slug"] == "renault-group"
    assert [c["slug"] for c in series["producers"]] == ["dacia"]
    assert [e["slug"] for e in series["episodes"]] == ["episode-one"]
    assert [c["slug"] for c in group["children"]] == ["dacia"]
    assert group["more_children"] is False
    assert brand["parent"]["slug"] == "renault-group"


def test_a_company_whose_parent_is_a_draft_names_no_parent(client, content):
    content.brand.parent = content.hidden_companies[0]
    content.brand.save()

    assert client.get(f"{API}/companies/dacia/").json()["parent"] is None


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "There is no such press release."),
        ("fr", "Ce communiqué n’existe pas."),
        ("it", "Questo comunicato non esiste."),
    ],
)
def test_errors_speak_the_asked_language(client, db, language, message):
    response = client.get(f"{API}/press-releases/nope/", {"lang": language})

    assert response.json()["error"]["message"] == message
