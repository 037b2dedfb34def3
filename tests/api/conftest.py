"""
Content for the API's tests: public objects beside drafts, scheduled and
expired ones that must never show, and helpers that validate each answer
against the schema the API serves.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from openapi_schema_validator import OAS31Validator

from companies.models import Company
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
)

API = "/api/v1"


def hidden(**fields):
    """The three ways an object is not public: a draft, scheduled, expired."""
    now = timezone.now()
    return [
        {"draft": True, **fields},
        {"published_at": now + datetime.timedelta(days=1), **fields},
        {
            "published_at": now - datetime.timedelta(days=3),
            "expires_at": now - datetime.timedelta(hours=1),
            **fields,
        },
    ]


@dataclass
class Content:
    group: Company
    brand: Company
    hidden_companies: list
    person: object
    hidden_people: list
    release: object
    older_release: object
    hidden_releases: list
    series: object
    episode: object
    hidden_episodes: list
    milestone: object
    hidden_milestones: list


@pytest.fixture
def content(db):
    group = CompanyFactory(
        name="Renault Group",
        slug_en="renault-group",
        slug_fr="groupe-renault",
        slug_it="gruppo-renault",
        kind=Company.Kind.GROUP,
        tagline_it="",
    )
    brand = CompanyFactory(name="Dacia", slug_en="dacia", parent=group)
    hidden_companies = [
        CompanyFactory(name=f"Hidden company {n}", slug_en=f"hidden-company-{n}", **fields)
        for n, fields in enumerate(hidden(parent=group))
    ]
    person = PersonFactory(name="Luca de Meo", slug_en="luca-de-meo", headline_it="")
    PositionFactory(person=person, company=group)
    for company in hidden_companies:
        PositionFactory(person=person, company=company, title_en="Secret post")
    hidden_people = [
        PersonFactory(name=f"Hidden person {n}", slug_en=f"hidden-person-{n}", **fields)
        for n, fields in enumerate(hidden())
    ]
    release = PressReleaseFactory(
        slug_en="renaulution-plan",
        slug_fr="plan-renaulution",
        title_en="The Renaulution plan",
        title_fr="Le plan Renaulution",
        title_it="",
        company=group,
        issued_on=datetime.date(2021, 1, 14),
    )
    release.people.set([person, *hidden_people])
    older_release = PressReleaseFactory(
        slug_en="dacia-news", company=hidden_companies[0], issued_on=datetime.date(2020, 7, 1)
    )
    hidden_releases = [
        PressReleaseFactory(slug_en=f"hidden-release-{n}", company=group, **fields)
        for n, fields in enumerate(hidden())
    ]
    series = SeriesFactory(platform=hidden_companies[1], subject=group)
    SeriesProducerFactory(series=series, company=brand)
    SeriesProducerFactory(series=series, company=hidden_companies[2])
    episode = EpisodeFactory(series=series, number=1, slug_en="episode-one", slug_it="episodio-uno")
    episode.people.set([person, hidden_people[0]])
    EpisodeCompanyFactory(episode=episode, company=group)
    EpisodeCompanyFactory(episode=episode, company=hidden_companies[0])
    hidden_episodes = [
        EpisodeFactory(series=series, number=n + 2, slug_en=f"hidden-episode-{n}", **fields)
        for n, fields in enumerate(hidden())
    ]
    milestone = MilestoneFactory(
        slug="plan",
        companies=[group, *hidden_companies],
        people=[person, *hidden_people],
        episodes=[episode, *hidden_episodes],
        press_releases=[release, *hidden_releases],
    )
    hidden_milestones = [
        MilestoneFactory(slug=f"hidden-milestone-{n}", **fields)
        for n, fields in enumerate(hidden())
    ]
    return Content(
        group,
        brand,
        hidden_companies,
        person,
        hidden_people,
        release,
        older_release,
        hidden_releases,
        series,
        episode,
        hidden_episodes,
        milestone,
        hidden_milestones,
    )


@pytest.fixture
def openapi(client):
    return client.get(f"{API}/openapi.json").json()


@pytest.fixture
def conforms(openapi):
    """`conforms(response)`: the JSON of a 200 answer, validated against its operation's schema."""

    def check(response, path_template):
        assert response.status_code == 200, response.content
        operation = openapi["paths"][f"{API}{path_template}"]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        data = response.json()
        OAS31Validator({**schema, "components": openapi["components"]}).validate(data)
        return data

    return check
