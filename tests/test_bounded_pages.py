"""
No public page grows with the data (issue 9).

Every public page type is requested with a few rows of each model and again
after ten times as many were added, all linked to the objects the pages
show: each page must cost the same number of SQL queries both times, and at
most MAX_QUERIES. On PostgreSQL the same pages' queries are then run through
EXPLAIN with sequential scans disabled: PostgreSQL still plans a `Seq Scan`
only when no index can serve the query, so none on the content tables proves
every filter, ordering and lookup has its index, without 100,000 rows in CI.
(`make bench` measures the same pages on the large data set.)
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import TREE_CHILDREN, TREE_GRANDCHILDREN, Company
from companies.views import CompanyListView, PersonListView, PressReleaseListView
from episodes.models import Episode, Series
from episodes.views import EpisodeListView
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

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8
SMALL, LARGE = 3, 30

# The tables of press releases, companies and people, and the tables that
# link them to each other and to episodes and milestones.
CONTENT_TABLES = [
    "companies_company",
    "companies_person",
    "companies_position",
    "companies_pressrelease",
    "companies_pressrelease_people",
    "episodes_episode_people",
    "episodes_episodecompany",
    "episodes_seriesproducer",
    "timeline_milestone",
    "timeline_milestone_companies",
    "timeline_milestone_people",
    "timeline_milestone_press_releases",
]

# Every public page type (sitemaps are measured in tests/test_sitemaps.py).
# Lists are cut to two rows a page (see `small_pages`), so that a page 2
# exists at both sizes.
PAGES = [
    "/en/",
    "/en/episodes/",
    "/en/episodes/?page=2",
    "/en/episodes/the-episode/",
    "/en/companies/",
    "/en/companies/?page=2",
    "/en/companies/?parent=group",
    "/en/companies/group/",
    "/en/people/",
    "/en/people/?page=2",
    "/en/people/someone/",
    "/en/press/",
    "/en/press/?page=2",
    "/en/press/?company=group",
    "/en/press/?company=the+group",
    "/en/press/?year=2024",
    "/en/press/?person=someone",
    "/en/press/?company=group&year=2024&person=someone&page=2",
    "/en/press/the-release/",
    "/en/timeline/",
    "/en/timeline/2021/",
    "/en/timeline/2021/?page=2",
    "/en/search/?q=press",
    "/en/press/feed/",
    "/en/press/feed/atom/",
    "/robots.txt",
]
# Every page is bounded: the timeline too, since its year pages (issue 9).
UNBOUNDED = set()


@dataclass
class Core:
    """The objects the detail pages and filters show, which every new row links to."""

    group: Company
    person: object
    series: Series
    episode: Episode
    release: object


@pytest.fixture
def small_pages(monkeypatch):
    for view in (CompanyListView, PersonListView, PressReleaseListView, EpisodeListView):
        monkeypatch.setattr(view, "paginate_by", 2)
    monkeypatch.setattr(settings, "TIMELINE_MILESTONES_PER_PAGE", 2)


@pytest.fixture
def core():
    group = CompanyFactory(name="The Group", slug_en="group", kind=Company.Kind.GROUP)
    person = PersonFactory(name="Someone", slug_en="someone")
    series = SeriesFactory(platform=CompanyFactory(kind=Company.Kind.BROADCASTER), subject=group)
    # A series' producers are a short editorial list, shown in full.
    SeriesProducerFactory.create_batch(2, series=series)
    episode = EpisodeFactory(series=series, slug_en="the-episode", number=1)
    release = PressReleaseFactory(
        company=group, slug_en="the-release", issued_on=datetime.date(2024, 12, 13)
    )
    release.people.add(person)
    return Core(group, person, series, episode, release)


def grow(core, rows):
    """`rows` more of every model, each linked to the core objects and to each other."""
    for index in range(rows):
        brand = CompanyFactory(parent=core.group)
        CompanyFactory(parent=brand)
        CompanyFactory(kind=Company.Kind.GROUP)  # another top-level company
        other = PersonFactory()
        PositionFactory(person=other, company=core.group)
        PositionFactory(person=core.person, company=brand)
        episode = EpisodeFactory(series=core.series)
        episode.people.add(core.person, other)
        EpisodeCompanyFactory(episode=episode, company=core.group)
        EpisodeCompanyFactory(episode=core.episode, company=brand)
        core.episode.people.add(other)
        release = PressReleaseFactory(
            company=core.group, issued_on=datetime.date(2024 - index % 2, 1 + index % 12, 1)
        )
        release.people.add(core.person, other)
        core.release.people.add(other)
        MilestoneFactory(
            companies=[core.group, brand],
            people=[core.person, other],
            episodes=[core.episode, episode],
            press_releases=[core.release, release],
        )


def page_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in captured.captured_queries]


def query_counts(client):
    return {path: len(page_queries(client, path)) for path in PAGES}


def test_every_public_page_costs_the_same_few_queries_at_any_size(client, core, small_pages):
    grow(core, SMALL)
    small = query_counts(client)
    grow(core, LARGE - SMALL)
    large = query_counts(client)
    assert large == small
    assert max(small.values()) <= MAX_QUERIES, small


def test_every_public_page_is_bounded_in_size(client, core, monkeypatch):
    """
    Once the lists are full (a page of each, the first rows of each detail
    list), twice the rows make the same page: each list is cut, not grown.
    """
    # All the milestones fall in 2021: 20 a page fills its page 2 at 60.
    monkeypatch.setattr(settings, "TIMELINE_MILESTONES_PER_PAGE", 20)
    paths = [path for path in PAGES if path not in UNBOUNDED]
    grow(core, 60)
    full = {path: len(client.get(path).content) for path in paths}
    grow(core, 40)
    more = {path: len(client.get(path).content) for path in paths}
    # What changes is figures ("Page 1 of 3" → "of 5") and which names
    # come first (random names of random lengths): not the number of rows.
    grown = {path: (full[path], more[path]) for path in paths if more[path] > full[path] * 1.1}
    assert not grown
    assert all(size < 100_000 for size in more.values()), more


def sequential_scans(sql):
    """The content tables a query's plan reads in full, with sequential scans disabled."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return {
        table for table in re.findall(r"Seq Scan on (\w+)", plan) if table in CONTENT_TABLES
    }, plan


def test_no_public_page_reads_a_content_table_in_full_on_postgresql(client, core, small_pages):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's; the query counts above run everywhere")
    grow(core, SMALL)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    scans, explained = {}, 0
    for path in PAGES:
        for sql in page_queries(client, path):
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")
            try:
                tables, plan = sequential_scans(sql)
                explained += 1
            finally:
                with connection.cursor() as cursor:
                    cursor.execute("RESET enable_seqscan")
            if tables:
                scans.setdefault(path, []).append((tables, sql, plan))
    print(f"\n{explained} queries of {len(PAGES)} pages explained")
    assert explained > len(PAGES)
    assert not scans, "\n\n".join(
        f"{path}: {tables}\n{sql}\n{plan}"
        for path, found in scans.items()
        for tables, sql, plan in found
    )


def test_the_company_list_costs_the_same_with_or_without_children(client):
    """The tree's levels are read by subqueries: an empty level still costs its query."""
    for index in range(SMALL):
        CompanyFactory(name=f"Lone {index}", kind=Company.Kind.GROUP)
    alone = len(page_queries(client, "/en/companies/"))
    group = CompanyFactory(name="A group", kind=Company.Kind.GROUP)
    brands = CompanyFactory.create_batch(LARGE, parent=group)
    with_children = len(page_queries(client, "/en/companies/"))
    for brand in brands:
        CompanyFactory.create_batch(TREE_GRANDCHILDREN + 1, parent=brand)
    with_grandchildren = len(page_queries(client, "/en/companies/"))
    assert alone == with_children == with_grandchildren <= MAX_QUERIES
    # And the tree is cut at each level, with a link to the rest.
    page = client.get("/en/companies/").content.decode()
    assert "All brands and units of A group" in page
    shown = SMALL + 1 + TREE_CHILDREN * (1 + TREE_GRANDCHILDREN)
    assert page.count('class="tree__name"') == shown
    assert page.count("All brands and units of") == 1 + TREE_CHILDREN


def test_search_costs_the_same_whatever_kinds_it_finds(client, core):
    PressReleaseFactory(title_en="Zircon news", company=core.group)
    one_kind = len(page_queries(client, "/en/search/?q=zircon"))
    CompanyFactory(name="Zircon Motors")
    PersonFactory(name="Zircon Smith")
    EpisodeFactory(series=core.series, title_en="Zircon nights")
    page = client.get("/en/search/?q=zircon").content.decode()
    assert all(name in page for name in ("Motors", "Smith", "nights", "news"))
    every_kind = len(page_queries(client, "/en/search/?q=zircon"))
    assert one_kind == every_kind <= MAX_QUERIES
