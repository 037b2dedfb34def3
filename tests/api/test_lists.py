"""
The API's lists: the press list's filters as the press page has them, the
companies' tree filters, cursor pagination that stays stable while items
are published, bounded `limit`, the search, 400s naming the parameter, and
query counts that do not grow with the data.
"""

import datetime

import pytest
from django.utils import timezone

from companies.models import PressRelease
from renaulution.publishing import Status
from tests.api.conftest import API
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
)


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def error(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["error"]


def test_press_releases_newest_first(client, content):
    assert slugs(client.get(f"{API}/press-releases/")) == ["renaulution-plan", "dacia-news"]


@pytest.mark.parametrize("company", ["renault-group", "groupe-renault", "gruppo-renault"])
def test_press_releases_of_one_company_by_any_of_its_slugs(client, content, company):
    assert slugs(client.get(f"{API}/press-releases/", {"company": company})) == ["renaulution-plan"]


def test_press_releases_of_one_year_and_one_person(client, content):
    assert slugs(client.get(f"{API}/press-releases/", {"year": 2020})) == ["dacia-news"]
    assert slugs(client.get(f"{API}/press-releases/", {"person": "luca-de-meo"})) == [
        "renaulution-plan"
    ]
    both = client.get(f"{API}/press-releases/", {"person": "luca-de-meo", "year": 2020})
    assert slugs(both) == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"company": "no-such-company"}, "company"),
        ({"company": "hidden-company-0"}, "company"),  # a draft is no filter value
        ({"person": "hidden-person-1"}, "person"),
        ({"person": "nobody"}, "person"),
        ({"year": "twenty"}, "year"),
        ({"year": "20210"}, "year"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"lang": "nl"}, "lang"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, content, query, parameter):
    found = error(client.get(f"{API}/press-releases/", query))

    assert found["parameter"] == parameter
    assert found["message"]


def test_a_cursor_of_another_list_or_edited_is_refused(client, content):
    companies = client.get(f"{API}/companies/", {"limit": 1}).json()
    assert companies["next_cursor"]

    assert (
        error(client.get(f"{API}/press-releases/", {"cursor": companies["next_cursor"]}))[
            "parameter"
        ]
        == "cursor"
    )
    edited = companies["next_cursor"][:-2] + "xx"
    assert error(client.get(f"{API}/companies/", {"cursor": edited}))["parameter"] == "cursor"


def test_limit_defaults_to_50_and_stops_at_100(client, db):
    company = CompanyFactory()
    PressReleaseFactory.create_batch(101, company=company)

    assert len(slugs(client.get(f"{API}/press-releases/"))) == 50
    assert len(slugs(client.get(f"{API}/press-releases/", {"limit": 100}))) == 100


def walk(client, path, **query):
    """Every page of a list, following `next` addresses: the slugs in order."""
    return follow(client, client.get(path, query))


def follow(client, response):
    """The slugs of `response`'s page and of every page after it."""
    found = []
    while True:
        data = response.json()
        found += [item["slug"] for item in data["items"]]
        if not data["next"]:
            return found
        assert len(data["items"]) == data["limit"]
        response = client.get(data["next"])


def test_every_list_can_be_walked_page_by_page(client, content):
    CompanyFactory.create_batch(4)
    PersonFactory.create_batch(3)
    MilestoneFactory.create_batch(3, date=datetime.date(2021, 1, 14))
    EpisodeFactory.create_batch(2, series=content.series)
    for path in ("/companies/", "/people/", "/milestones/", "/episodes/", "/press-releases/"):
        whole = slugs(client.get(f"{API}{path}", {"limit": 100}))
        assert walk(client, f"{API}{path}", limit=2) == whole, path


def test_cursor_pages_stay_stable_while_items_are_published(client, db):
    company = CompanyFactory()
    releases = [
        PressReleaseFactory(company=company, issued_on=datetime.date(2024, 1, day))
        for day in range(1, 8)
    ]
    newest_first = [r.slug_en for r in reversed(releases)]
    first = client.get(f"{API}/press-releases/", {"limit": 3}).json()
    assert [item["slug"] for item in first["items"]] == newest_first[:3]

    # Between two pages: a draft is published among the ones already seen,
    # another among those to come, and one seen is withdrawn.
    seen_early = PressReleaseFactory(
        company=company, issued_on=datetime.date(2024, 1, 6), draft=True
    )
    to_come = PressReleaseFactory(company=company, issued_on=datetime.date(2024, 1, 2), draft=True)
    PressRelease.objects.filter(pk__in=[seen_early.pk, to_come.pk]).update(
        status=Status.PUBLISHED, published_at=timezone.now()
    )
    PressRelease.objects.filter(pk=releases[-1].pk).update(status=Status.DRAFT)

    rest = follow(client, client.get(first["next"]))
    # Nothing seen comes again, nothing to come is skipped, the new one is in its place.
    assert rest == [
        newest_first[3],
        newest_first[4],
        to_come.slug_en,
        newest_first[5],
        newest_first[6],
    ]


def test_companies_tree_filters(client, content):
    assert slugs(client.get(f"{API}/companies/", {"parent": "groupe-renault"})) == ["dacia"]
    assert slugs(client.get(f"{API}/companies/", {"roots": "true"})) == ["renault-group"]
    assert error(client.get(f"{API}/companies/", {"parent": "nope"}))["parameter"] == "parent"
    assert error(client.get(f"{API}/companies/", {"roots": "perhaps"}))["parameter"] == "roots"


def test_a_company_lists_its_first_children_and_says_when_there_are_more(client, content, settings):
    settings.DETAIL_CHILDREN = 2
    CompanyFactory(name="Alpine", slug_en="alpine", parent=content.group)
    CompanyFactory(name="Ampere", slug_en="ampere", parent=content.group)

    group = client.get(f"{API}/companies/renault-group/").json()

    assert [c["slug"] for c in group["children"]] == ["alpine", "ampere"]
    assert group["more_children"] is True


def test_milestones_of_one_year(client, content):
    MilestoneFactory(slug="later", date=datetime.date(2023, 5, 2))

    assert slugs(client.get(f"{API}/milestones/", {"year": 2023})) == ["later"]
    assert slugs(client.get(f"{API}/milestones/", {"year": 2021})) == ["plan"]


def test_search_uses_the_search_pages_engine_in_the_asked_language(client, content):
    english = client.get(f"{API}/search/", {"q": "Renaulution plan", "lang": "en"}).json()
    french = client.get(f"{API}/search/", {"q": "plan Renaulution", "lang": "fr"}).json()

    assert ("pressrelease", "renaulution-plan") in [
        (i["kind"], i["slug"]) for i in english["items"]
    ]
    assert french["language"] == "fr"
    assert "<mark>" in french["items"][0]["title"]
    assert not any("hidden" in item["slug"] for item in english["items"])


def test_search_pages_follow_their_cursor(client, db):
    company = CompanyFactory()
    for n in range(5):
        PressReleaseFactory(company=company, title_en=f"Electric news {n}")

    walked = walk(client, f"{API}/search/", q="electric", limit=2)

    assert len(walked) == len(set(walked)) == 5


@pytest.mark.parametrize(
    ("query", "parameter"),
    [({}, "q"), ({"q": "a"}, "q"), ({"q": "electric", "lang": "all"}, "lang")],
)
def test_search_refuses_what_it_cannot_search(client, db, query, parameter):
    assert error(client.get(f"{API}/search/", query))["parameter"] == parameter


def rows(n):
    """`n` public releases, each mentioning a person, and people with a position."""
    company = CompanyFactory()
    person = PersonFactory()
    for release in PressReleaseFactory.create_batch(n, company=company):
        release.people.add(person)
    for someone in PersonFactory.create_batch(n):
        PositionFactory(person=someone, company=company)
    CompanyFactory.create_batch(n, parent=company)


@pytest.mark.parametrize("n", [5, 60])
def test_a_page_of_press_releases_costs_the_same_queries_at_any_size(
    client, db, django_assert_num_queries, n
):
    rows(n)
    # The releases with their company (one join), then their public people
    # (one prefetch); with every language, their translation states (one).
    with django_assert_num_queries(2):
        response = client.get(f"{API}/press-releases/", {"limit": 50})
    assert len(response.json()["items"]) == min(n, 50)
    assert all(item["people"] and item["company"] for item in response.json()["items"])
    with django_assert_num_queries(3):
        client.get(f"{API}/press-releases/", {"limit": 50, "lang": "all"})


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # The people, then their latest positions at public companies.
        ("/people/", 2),
        # The companies, then the first children of all of them.
        ("/companies/", 2),
        # The episodes with their series, then public people and companies.
        ("/episodes/", 3),
        # The milestones, then their public companies, people, episodes, releases.
        ("/milestones/", 5),
    ],
)
@pytest.mark.parametrize("n", [5, 60])
def test_other_lists_cost_the_same_queries_at_any_size(
    client, db, django_assert_num_queries, path, queries, n
):
    rows(n)
    series = EpisodeFactory().series
    EpisodeFactory.create_batch(n, series=series)
    MilestoneFactory.create_batch(n)
    with django_assert_num_queries(queries):
        response = client.get(f"{API}{path}")
    assert len(response.json()["items"]) >= 5
