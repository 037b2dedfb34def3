"""
Drafts never leak: a draft, an item scheduled for later, or one whose expiry
date has passed, is invisible to readers on every public channel, whatever
points to it.

One set of data is built for the whole module: a draft, a scheduled and an
expired copy of every public model (and episodes whose series is hidden),
each carrying its own canary word, a unique random string, in every text
field of every language, in its slugs, its image's file name and its links.
Published objects point to each of them through every relation, and they
point to published objects in turn. Then every public channel is read as
an anonymous reader in each language: the pages found by following every
link from the home page, the list pages and their filters and pages, the
search, both feeds, the sitemap index and each of its sections, robots.txt;
with their JSON-LD and OpenGraph tags, as they are part of the page. No
canary may appear anywhere, and every link must lead to a page that answers.

Each test prints its figures ("canaries × channels: leaks") for the record.
"""

import datetime
import secrets
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator

from companies.models import Company, Position
from episodes.models import Series
from renaulution.publishing import PublicationState, Publishable, Status, published_condition
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
    image_file,
)
from tests.html import read_page

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A word every object's title or name carries, drafts included: searching
# for it finds every published object and must find no draft.
COMMON_WORD = "leakprobe"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Links a reader follows that are not pages of the site.
NOT_PAGES = (settings.MEDIA_URL, settings.STATIC_URL)


def new_canary():
    # Letters and digits only: the same in HTML, XML, JSON and URLs.
    return f"canary{secrets.token_hex(6)}"


def localized(field, text):
    return {f"{field}_{code}": f"{text} {code}" for code in LANGUAGES}


def hidden_states():
    """
    The three ways an object is not public, named as its PublicationState: a
    draft, published for later, and published once but expired.
    """
    now = timezone.now()
    later = now + datetime.timedelta(days=30)
    return {
        "draft": {"status": Status.DRAFT},
        "scheduled": {"status": Status.PUBLISHED, "published_at": later},
        "expired": {
            "status": Status.PUBLISHED,
            "published_at": now - datetime.timedelta(days=30),
            "expires_at": now - datetime.timedelta(days=1),
        },
    }


class World:
    """The module's data: the canaries, and a public company to filter by."""

    def __init__(self):
        self.canaries = {}  # canary -> "draft company", …
        self.company = None

    def canary(self, label):
        word = new_canary()
        self.canaries[word] = label
        return word


def canary_fields(model, canary):
    """
    The canary in every text field of `model` in every language, in its
    slugs, its links and its image's file name: whatever a page could show.
    """
    values = {}
    translated = translator.get_options_for_model(model).fields
    for field in model._meta.concrete_fields:
        base = field.translated_field if isinstance(field, TranslationField) else field
        suffix = f"-{field.language}" if isinstance(field, TranslationField) else ""
        if field.name in translated or field.choices or field.primary_key:
            continue
        if isinstance(base, models.ImageField):
            values[field.name] = image_file(f"{canary}.png", (40, 40), "PNG")
        elif isinstance(base, models.URLField):
            values[field.name] = f"https://{canary}.example/"
        elif isinstance(base, models.SlugField):
            values[field.name] = f"{canary}{suffix}"
        elif isinstance(base, models.CharField | models.TextField):
            values[field.name] = f"{COMMON_WORD.title()} {canary}{suffix}"
    return values


def hidden(factory, world, label, state=None, **fields):
    """
    An object made by `factory`, hidden by `state` (a key of hidden_states;
    or by what it belongs to), with a canary of its own in `obj.canary`.
    """
    canary = world.canary(label)
    obj = factory(
        **canary_fields(factory._meta.model, canary),
        **(hidden_states()[state] if state else {}),
        **fields,
    )
    obj.canary = canary
    return obj


def build_world():
    """Every relation of every public model, between public and hidden objects."""
    world = World()
    word = COMMON_WORD.title()
    # The public side: what readers see.
    group = CompanyFactory(name=f"{word} Group", kind="group")
    brand = CompanyFactory(name=f"{word} Brand", parent=group)
    person = PersonFactory(name=f"{word} Person")
    series = SeriesFactory(**localized("title", f"{word} Series"))
    SeriesProducerFactory(series=series, company=brand)
    episodes = [
        EpisodeFactory(series=series, number=number, **localized("title", f"{word} {number}"))
        for number in (1, 2)
    ]
    EpisodeCompanyFactory(episode=episodes[0], company=brand)
    episodes[0].people.add(person)
    PositionFactory(person=person, company=brand)
    # More than a page of public releases over two years, for the list's
    # pages and filters.
    releases = [
        PressReleaseFactory(
            **localized("title", f"{word} release {n}"),
            company=brand if n % 2 else group,
            issued_on=datetime.date(2023 + n % 2, 1 + n % 12, 1 + n),
        )
        for n in range(settings.PRESS_RELEASES_PER_PAGE + 2)
    ]
    releases[0].people.add(person)
    milestone = MilestoneFactory(
        **localized("title", f"{word} milestone"),
        companies=[group],
        people=[person],
        episodes=[episodes[0]],
        press_releases=[releases[0]],
    )

    for number, state in enumerate(hidden_states(), start=10):
        # Hidden objects, pointing to public ones.
        company = hidden(CompanyFactory, world, f"{state} company", state, parent=group)
        someone = hidden(PersonFactory, world, f"{state} person", state)
        release = hidden(
            PressReleaseFactory,
            world,
            f"{state} press release",
            state,
            company=brand,
            # The newest of all: the first of every list if it were shown.
            issued_on=datetime.date(2025, 6, 1),
        )
        release.people.add(person)
        series_of_state = hidden(
            SeriesFactory,
            world,
            f"{state} series",
            state,
            platform=brand,
            subject=group,
            # Newer than the public series: the home page would pick it first.
            premiere_date=datetime.date(2030, 1, 1),
        )
        SeriesProducerFactory(series=series_of_state, company=brand)
        episode = hidden(
            EpisodeFactory, world, f"{state} episode", state, series=series, number=number
        )
        episode.people.add(person)
        EpisodeCompanyFactory(episode=episode, company=brand)
        hidden(
            MilestoneFactory,
            world,
            f"{state} milestone",
            state,
            companies=[group],
            people=[person],
            episodes=[episodes[0]],
            press_releases=[releases[0]],
        )
        # An episode of a hidden series is hidden too, whatever its own status.
        hidden(
            EpisodeFactory,
            world,
            f"published episode of the {state} series",
            series=series_of_state,
            number=1,
        )
        # A position is the person's and the company's: its title names them.
        PositionFactory(person=someone, company=brand, **canary_fields(Position, someone.canary))
        PositionFactory(person=person, company=company, **canary_fields(Position, company.canary))
        # Public objects, pointing to hidden ones.
        CompanyFactory(name=f"{word} child of the {state} company", parent=company)
        by_hidden = PressReleaseFactory(
            **localized("title", f"{word} release of {state}"), company=company
        )
        by_hidden.people.add(someone)
        SeriesProducerFactory(series=series, company=company)
        EpisodeCompanyFactory(episode=episodes[1], company=company)
        episodes[1].people.add(someone)
        milestone.companies.add(company)
        milestone.people.add(someone)
        milestone.episodes.add(episode)
        milestone.press_releases.add(release)
    # The public series' platform and subject, one hidden each way.
    series.platform = hidden(CompanyFactory, world, "draft platform", "draft")
    series.subject = hidden(CompanyFactory, world, "scheduled subject", "scheduled")
    series.save()
    world.company = brand
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, rolled back after it."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def figures(capsys, text):
    """The test's figures, on the terminal even when output is captured."""
    with capsys.disabled():
        print(f"\n[drafts] {text}")


def find_canaries(world, channel, text):
    """(channel, canary, what it is, context) for each canary in `text`."""
    lowered = text.lower()
    leaks = []
    for canary, label in world.canaries.items():
        at = lowered.find(canary)
        if at >= 0:
            leaks.append((channel, canary, label, text[max(0, at - 80) : at + 40]))
    return leaks


def report(leaks):
    """One line per leak: where, what, and the text around it."""
    return "\n".join(
        [
            "leaks:",
            *(
                f"  {channel}: {label} ({canary}) in …{context!r}…"
                for channel, canary, label, context in leaks
            ),
        ]
    )


def internal_path(base, href):
    """The path and query of a link to a page of the site, or None."""
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("", "http", "https") or url.netloc not in ("", "testserver"):
        return None
    if url.path.startswith(NOT_PAGES):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def public_urls():
    """Every published object's own page, in the active language."""
    urls = []
    for model in public_models():
        for obj in model.objects.published():
            urls.append(obj.get_absolute_url().split("#")[0])
    return urls


def public_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def seeds(world, language):
    with translation.override(language):
        press = reverse("companies:pressrelease_list")
        company = world.company.slug
        return [
            reverse("home"),
            reverse("episodes:episode_list"),
            reverse("companies:company_list"),
            reverse("companies:person_list"),
            press,
            f"{press}?page=2",
            f"{press}?year=2024",
            f"{press}?company={company}",
            f"{press}?company={company}&year=2023",
            reverse("timeline:index"),
            f"{reverse('search')}?q={COMMON_WORD}",
            reverse("companies:pressrelease_feed"),
            reverse("companies:pressrelease_feed_atom"),
            *public_urls(),
        ]


def crawl(client, start, prefix):
    """
    Every page reachable from `start` by links under `prefix` (one
    language): {url: response}, and the links that did not answer 200.
    """
    queue, responses, broken = list(start), {}, []
    while queue:
        url = queue.pop()
        if url in responses:
            continue
        response = client.get(url)
        responses[url] = response
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        page = read_page(response)
        page.structured_data()  # every JSON-LD block parses
        for href in [*page.links, *page.feeds.values()]:
            path = internal_path(url, href)
            if path and path.startswith(prefix) and path not in responses:
                queue.append(path)
    return responses, broken


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_or_feed_shows_a_draft(client, world, language, capsys):
    """
    Pages, feeds, their JSON-LD and meta tags, in one language, found from
    the list pages and every published object by following every link:
    no canary anywhere, and no link to a page that does not answer.
    """
    responses, broken = crawl(client, seeds(world, language), f"/{language}/")
    leaks = []
    for url, response in responses.items():
        leaks += find_canaries(world, url, response.content.decode())
    kinds = {urlsplit(url).path.split("/")[2] or "home" for url in responses}
    figures(
        capsys,
        f"{language}: {len(world.canaries)} canaries × {len(responses)} pages and feeds: "
        f"{len(leaks)} leaks, {len(broken)} broken links",
    )
    assert not leaks, report(leaks)
    assert broken == []
    # The crawl reached every kind of page, and the paginated, filtered list.
    assert {"episodes", "companies", "people", "press", "timeline", "search", "home"} <= kinds
    assert len(responses) > len(public_urls())


def test_no_sitemap_or_robots_txt_shows_a_draft(client, world, capsys):
    index = client.get(reverse("sitemap"))
    assert index.status_code == 200
    sections = [
        internal_path("/", loc.text)
        for loc in etree.fromstring(index.content).iterfind("sm:sitemap/sm:loc", SITEMAP_NS)
    ]
    assert len(sections) >= 5
    channels = {reverse("sitemap"): index, "/robots.txt": client.get("/robots.txt")}
    for section in sections:
        channels[section] = client.get(section)
    leaks, listed = [], 0
    for url, response in channels.items():
        assert response.status_code == 200, url
        leaks += find_canaries(world, url, response.content.decode())
        if url in sections:
            listed += len(etree.fromstring(response.content).findall("sm:url", SITEMAP_NS))
    figures(
        capsys,
        f"sitemaps and robots.txt: {len(world.canaries)} canaries × {len(channels)} files "
        f"({listed} URLs listed): {len(leaks)} leaks",
    )
    assert not leaks, report(leaks)
    assert listed >= len(public_urls())


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_for_a_draft_finds_nothing(client, world, language, capsys):
    """
    The canary is in the query, so the page repeats it: as many times as it
    repeats any word that is nowhere in the content, and no more.
    """
    with translation.override(language):
        url = reverse("search")
    control = new_canary()
    echoes = client.get(url, {"q": control}).content.decode().count(control)
    assert echoes > 0
    leaks = []
    for canary, label in world.canaries.items():
        response = client.get(url, {"q": canary})
        assert response.status_code == 200
        text = response.content.decode()
        if response.context["results"] or text.count(canary) != echoes:
            leaks.append((f"?q={canary}", canary, label, "found, or named more than the query"))
        leaks += [leak for leak in find_canaries(world, canary, text) if leak[1] != canary]
    found = client.get(url, {"q": COMMON_WORD}).context["page_obj"].paginator.count
    figures(
        capsys,
        f"{language}: {len(world.canaries)} canaries searched for: {len(leaks)} found "
        f"(the word every object carries finds {found} published ones)",
    )
    assert not leaks, report(leaks)
    assert found > settings.SEARCH_RESULTS_PER_PAGE


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hidden_objects_address_answers_404(client, world, language):
    """Its own slug in every language, and as a filter of the press list."""
    hidden = []
    for model in public_models():
        if model.get_absolute_url.__qualname__.startswith(model.__name__) and hasattr(
            model, "slug_en"
        ):
            hidden += model.objects.exclude(pk__in=model.objects.published())
    assert len(hidden) >= 8
    with translation.override(language):
        for obj in hidden:
            assert client.get(obj.get_absolute_url()).status_code == 404, obj
        press = reverse("companies:pressrelease_list")
        for company in apps.get_model("companies.Company").objects.exclude(
            pk__in=apps.get_model("companies.Company").objects.published()
        ):
            assert client.get(press, {"company": company.slug}).status_code == 404


def relations():
    """
    Every relation from a public model (or a position, shown on both its
    person's and its company's page) to a public model: (model, field).
    """
    for model in [*public_models(), Position]:
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and not field.auto_created
                and field.concrete
                and issubclass(field.related_model, Publishable)
            ):
                yield model, field


# One public series only, so one state for each of its foreign keys here;
# a test swaps them.
SWAPPED = {(Series, "platform"), (Series, "subject")}


def own_public(model, field):
    """
    Rows that are public, seen from the other end of `field`: a position is
    on the page of its person and on the page of its company.
    """
    relation = ""
    if model is Position:
        relation = "company" if field.name == "person" else "person"
    return published_condition(relation)


def test_every_relation_has_canaries_both_ways(world, capsys):
    """
    The data above covers every relation, so a new relation without
    canaries fails here: a public object points to a draft, a scheduled
    and an expired one through it, and a hidden object points to a public one.
    """
    checked = 0
    for model, field in relations():
        target = field.related_model
        public_targets = target.objects.published()
        for state in hidden_states():
            hidden_targets = target.objects.in_publication_state(PublicationState(state))
            if (model, field.name) in SWAPPED:
                # The one public series: test_the_series_platform_and_subject_swapped.
                continue
            pointing = model.objects.filter(
                own_public(model, field), **{f"{field.name}__in": hidden_targets}
            )
            assert pointing.exists(), f"no public {model.__name__} → {state} {field.name}"
        if model is not Position:
            hidden_rows = model.objects.exclude(own_public(model, field))
            assert hidden_rows.filter(**{f"{field.name}__in": public_targets}).exists(), (
                f"no hidden {model.__name__} → public {field.name}"
            )
        checked += 1
    figures(capsys, f"{checked} relations, each with canaries both ways")
    assert checked >= 15


def home_leaks(client, world):
    """The canaries found on the home page, in each language."""
    leaks = []
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse("home")
        response = client.get(url)
        assert response.status_code == 200
        leaks += find_canaries(world, url, response.content.decode())
    return leaks


def test_the_series_platform_and_subject_swapped(client, world, capsys):
    """The home page names neither a scheduled platform nor a draft subject."""
    series = Series.objects.published().get()
    series.platform, series.subject = series.subject, series.platform
    assert not series.platform.is_published and series.platform.status == Status.PUBLISHED
    assert series.subject.status == Status.DRAFT
    series.save()
    leaks = home_leaks(client, world)
    figures(capsys, f"home with the series' links swapped, 3 languages: {len(leaks)} leaks")
    assert not leaks, report(leaks)


def test_an_expired_platform_and_subject_are_not_named(client, world, capsys):
    """The series' foreign keys pointing to expired companies: the home page names neither."""
    series = Series.objects.published().get()
    expired = Company.objects.in_publication_state(PublicationState.EXPIRED)
    series.platform, series.subject = expired[0], expired[0]
    series.save()
    leaks = home_leaks(client, world)
    figures(capsys, f"home with an expired platform and subject, 3 languages: {len(leaks)} leaks")
    assert not leaks, report(leaks)


def test_a_canary_would_be_seen_if_it_leaked(client, world, admin_user):
    """
    The control: staff preview a hidden page, and its canary is there, in
    the page and its meta tags, so the checks above look for the right text.
    """
    client.force_login(admin_user)
    previewed = 0
    for model in public_models():
        for obj in model.objects.exclude(pk__in=model.objects.published()):
            if not hasattr(obj, "slug_en"):
                continue
            canary = obj.slug_en.removesuffix("-en")
            response = client.get(obj.get_absolute_url())
            assert response.status_code == 200
            assert canary in world.canaries
            page = read_page(response)
            assert canary in page.h1.lower()
            assert canary in page.one("og:title").lower()
            previewed += 1
    assert previewed >= 8
