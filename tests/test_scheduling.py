"""
Scheduled go-live and expiry, with the clock driven (time-machine), never
slept: one item of every public model goes live at GO_LIVE and expires at
EXPIRY. Before, it is on no public channel and its page answers 404; once
live, it is on every channel that shows its kind (its page, the lists, the
home page, the feeds, the sitemap, the search, the timeline, the pages of
the objects it is related to, in each language); once expired, it is gone
from all of them again. With the page cache on, the pages read before each
moment were stored, so this also proves that a stored page does not outlive
the next scheduled change of what it shows, with no command run and no
announcement (announcements never fire in a test's transaction).
"""

import datetime
import secrets
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from lxml import etree

from renaulution import pagecache
from tests.clock import NOW
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

GO_LIVE = NOW + datetime.timedelta(hours=1)
EXPIRY = NOW + datetime.timedelta(hours=3)
MINUTE = datetime.timedelta(minutes=1)
# Every object's name carries it: the search for it lists them all.
WORD = "timewarp"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def canary():
    return f"canary{secrets.token_hex(5)}"


def localized(field, text):
    return {f"{field}_{code}": text for code in LANGUAGES}


class World:
    """The public objects, and the scheduled ones with the channels each must reach."""

    def __init__(self):
        self.scheduled = {}  # label -> (canary, object, names of the channels it must reach)

    def add(self, label, channels, factory, fields, **more):
        """An object of `factory`, live from GO_LIVE to EXPIRY, its canary in `fields(canary)`."""
        word = canary()
        obj = factory(**fields(word), published_at=GO_LIVE, expires_at=EXPIRY, **more)
        self.scheduled[label] = (word, obj, set(channels))
        return obj


def named(word):
    return {"name": f"{WORD} {word}", "slug_en": word}


def titled(word):
    return {**localized("title", f"{WORD} {word}"), "slug_en": word}


def titled_only(word):
    return localized("title", f"{WORD} {word}")


@pytest.fixture
def world(clock):
    world = World()
    world.group = CompanyFactory(name=f"Public group {WORD}", kind="group")
    world.brand = brand = CompanyFactory(name=f"Public brand {WORD}", parent=world.group)
    world.person = person = PersonFactory(name=f"Public person {WORD}")
    PositionFactory(person=person, company=brand)
    series = SeriesFactory(premiere_date=datetime.date(2024, 12, 13))
    EpisodeFactory(series=series, number=1)

    company = world.add(
        "company",
        {"own", "companies", "group", "release of the company", "sitemap", "search"},
        CompanyFactory,
        named,
        parent=world.group,
    )
    # A public release of the scheduled company names it only once it is live.
    world.release_of_company = PressReleaseFactory(company=company)
    someone = world.add(
        "person", {"own", "people", "brand", "sitemap", "search"}, PersonFactory, named
    )
    PositionFactory(person=someone, company=brand)
    release = world.add(
        "press release",
        {"own", "press", "home", "feed", "atom", "brand", "person", "sitemap", "search"},
        PressReleaseFactory,
        titled,
        company=brand,
        issued_on=datetime.date(2025, 6, 1),
    )
    release.people.add(person)
    episode = world.add(
        "episode",
        # Not on the home page: the newer series below is, from the same moment.
        {"own", "episodes", "brand", "person", "sitemap", "search"},
        EpisodeFactory,
        titled,
        series=series,
        number=2,
    )
    episode.people.add(person)
    EpisodeCompanyFactory(episode=episode, company=brand)
    world.add(
        "milestone",
        {"year", "brand", "person"},
        MilestoneFactory,
        titled_only,
        companies=[brand],
        people=[person],
    )
    # Newer than the public series: the home page shows it once it is live.
    world.add(
        "series", {"home"}, SeriesFactory, titled_only, premiere_date=datetime.date(2030, 1, 1)
    )
    return world


def channels(world, language):
    """Name -> path of every public channel, in `language`."""
    with translation.override(language):
        paths = {
            "home": reverse("home"),
            "episodes": reverse("episodes:episode_list"),
            "companies": reverse("companies:company_list"),
            "people": reverse("companies:person_list"),
            "press": reverse("companies:pressrelease_list"),
            "feed": reverse("companies:pressrelease_feed"),
            "atom": reverse("companies:pressrelease_feed_atom"),
            "year": reverse("timeline:year", kwargs={"year": 2021}),
            "search": f"{reverse('search')}?q={WORD}",
            "group": world.group.get_absolute_url(),
            "brand": world.brand.get_absolute_url(),
            "person": world.person.get_absolute_url(),
            "release of the company": world.release_of_company.get_absolute_url(),
        }
        for label, (_word, obj, reached) in world.scheduled.items():
            if "own" in reached:
                paths[f"own {label}"] = obj.get_absolute_url()
    return paths


def read_channels(client, world, language):
    """Name -> (status, text) of every channel, the sitemap's sections as one."""
    texts = {}
    for name, path in channels(world, language).items():
        response = client.get(path)
        texts[name] = (response.status_code, response.content.decode())
    index = client.get(reverse("sitemap"))
    assert index.status_code == 200
    sections = [
        urlsplit(loc.text).path
        for loc in etree.fromstring(index.content).iterfind("sm:sitemap/sm:loc", SITEMAP_NS)
    ]
    assert sections
    texts["sitemap"] = (200, " ".join(client.get(path).content.decode() for path in sections))
    return texts


def where(texts, word):
    """The channels (answering 200) whose text holds `word`."""
    return {name for name, (status, text) in texts.items() if status == 200 and word in text}


def assert_hidden(world, texts):
    for label, (word, _obj, reached) in world.scheduled.items():
        assert where(texts, word) == set(), label
        if "own" in reached:
            assert texts[f"own {label}"][0] == 404, label


def assert_shown(world, texts):
    for label, (word, _obj, reached) in world.scheduled.items():
        expected = {f"own {label}" if name == "own" else name for name in reached}
        found = where(texts, word)
        assert expected <= found, f"{label}: missing from {sorted(expected - found)}"


@pytest.mark.parametrize("page_cache", [False, True], ids=["no cache", "page cache"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_go_live_and_expiry_reach_every_public_channel(
    client, world, clock, settings, language, page_cache
):
    settings.PAGE_CACHE = page_cache
    cache.clear()
    assert_hidden(world, read_channels(client, world, language))

    clock.move_to(GO_LIVE - MINUTE)
    assert_hidden(world, read_channels(client, world, language))

    clock.move_to(GO_LIVE + MINUTE)
    assert_shown(world, read_channels(client, world, language))

    clock.move_to(EXPIRY - MINUTE)
    assert_shown(world, read_channels(client, world, language))

    clock.move_to(EXPIRY + MINUTE)
    assert_hidden(world, read_channels(client, world, language))


def test_every_channel_is_expected_to_show_a_scheduled_item(world):
    """The control: no channel above is read for nothing."""
    names = set(channels(world, "en")) | {"sitemap"}
    expected = set()
    for label, (_word, _obj, reached) in world.scheduled.items():
        expected |= {f"own {label}" if name == "own" else name for name in reached}
    assert expected == names


def s_maxage(response):
    return int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])


def test_a_stored_page_lasts_until_the_next_change_of_what_it_shows(client, world, clock, settings):
    """
    The press list is kept until the go-live, then until the expiry, then
    the full lifetime; the episode list of a series with nothing to come is
    not shortened by a person scheduled sooner.
    """
    settings.PAGE_CACHE = True
    cache.clear()
    press = reverse("companies:pressrelease_list")
    assert s_maxage(client.get(press)) == (GO_LIVE - NOW).total_seconds()
    clock.move_to(GO_LIVE + MINUTE)
    # The expiry is two hours on: the page cache's own lifetime is shorter.
    assert s_maxage(client.get(press)) == settings.PAGE_CACHE_SECONDS
    clock.move_to(EXPIRY - 30 * MINUTE)
    assert s_maxage(client.get(press)) == 30 * 60
    clock.move_to(EXPIRY + MINUTE)
    assert s_maxage(client.get(press)) == settings.PAGE_CACHE_SECONDS
    PersonFactory(published_at=EXPIRY + 10 * MINUTE)
    cache.clear()
    assert pagecache.lifetime(["companies.pressrelease:list"]) == settings.PAGE_CACHE_SECONDS
    assert pagecache.lifetime(["companies.person:list"]) == 9 * 60
    # A relation table's rows count as the models it joins: a release's people.
    assert pagecache.lifetime(["companies.pressrelease_people:list:pressrelease_id=1"]) == 9 * 60
    # The search shows every model.
    assert pagecache.lifetime(["search"]) == 9 * 60
