"""Company, person, episode and press release pages list their published milestones."""

import datetime

import pytest
from django.utils import translation
from lxml import html

from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
)

pytestmark = pytest.mark.django_db


def milestone_links(client, obj, language="en"):
    with translation.override(language):
        response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    return [
        (link.get("href"), " ".join(link.text_content().split()))
        for link in tree.xpath('//section[@aria-labelledby="milestones-title"]//li/a')
    ]


@pytest.fixture
def linked():
    """One object of each kind, each linked to a published and a draft milestone."""
    objects = {
        "companies": CompanyFactory(),
        "people": PersonFactory(),
        "episodes": EpisodeFactory(),
        "press_releases": PressReleaseFactory(),
    }
    early = MilestoneFactory(
        slug="early",
        date=datetime.date(2020, 7, 1),
        title_en="Early",
        title_fr="Tôt",
        **{kind: [obj] for kind, obj in objects.items()},
    )
    late = MilestoneFactory(
        slug="late",
        date=datetime.date(2023, 11, 1),
        title_en="Late",
        title_fr="Tard",
        **{kind: [obj] for kind, obj in objects.items()},
    )
    MilestoneFactory(slug="draft", draft=True, **{kind: [obj] for kind, obj in objects.items()})
    MilestoneFactory(slug="unrelated")
    return objects, early, late


@pytest.mark.parametrize("kind", ["companies", "people", "episodes", "press_releases"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_detail_page_links_its_published_milestones_to_the_timeline(
    client, linked, kind, language
):
    objects, early, late = linked
    with translation.override(language):
        expected = [early.get_absolute_url(), late.get_absolute_url()]
    links = milestone_links(client, objects[kind], language)
    assert [href for href, _text in links] == expected
    assert expected[0] == f"/{language}/timeline/2020/#early"
    assert [label for _href, label in links] == (
        ["Early", "Late"] if language == "en" else ["Tôt", "Tard"]
    )


def test_a_page_without_milestones_has_no_timeline_section(client):
    company = CompanyFactory()
    assert milestone_links(client, company) == []
    with translation.override("en"):
        content = client.get(company.get_absolute_url()).content.decode()
    assert 'id="milestones-title"' not in content


def test_a_milestone_past_the_first_page_of_its_year_links_to_its_page(client, settings):
    """In a year fuller than one page, the link names the page the anchor is on."""
    settings.TIMELINE_MILESTONES_PER_PAGE = 2
    company = CompanyFactory()
    for day in (1, 2, 3):
        MilestoneFactory(slug=f"day-{day}", date=datetime.date(2022, 5, day), companies=[company])
    # A draft before them does not push them down a page.
    MilestoneFactory(slug="draft", date=datetime.date(2022, 1, 1), draft=True)
    links = [href for href, _text in milestone_links(client, company)]
    assert links == [
        "/en/timeline/2022/#day-1",
        "/en/timeline/2022/#day-2",
        "/en/timeline/2022/?page=2#day-3",
    ]
    for href in links:
        path, anchor = href.split("#")
        response = client.get(path)
        assert response.status_code == 200
        assert html.fromstring(response.content).xpath(f'//li[@id="{anchor}"]'), href
