"""The timeline page: published milestones by year, in each language, linked to public pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from lxml import html

from companies.models import Company
from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
)
from tests.html import read_page
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
Precision = Milestone.Precision


def timeline_url(language):
    with translation.override(language):
        return reverse("timeline:index")


def get_tree(client, language):
    response = client.get(timeline_url(language))
    assert response.status_code == 200
    return response, html.fromstring(response.content)


def milestone_item(tree, slug):
    (item,) = tree.xpath(f'//ol[@class="timeline__milestones"]/li[@id="{slug}"]')
    return item


def text(element):
    return " ".join(element.text_content().split())


@pytest.fixture
def story():
    """A few milestones over three years, with links to public and draft pages."""
    group = CompanyFactory(
        name="Renault Group",
        kind=Company.Kind.GROUP,
        slug_en="renault-group",
        slug_fr="groupe-renault",
        slug_it="gruppo-renault",
    )
    hidden_company = CompanyFactory(name="Secret Partner", slug_en="secret-partner", draft=True)
    ghosn = PersonFactory(name="Carlos Ghosn", slug_en="carlos-ghosn")
    de_meo = PersonFactory(name="Luca de Meo", slug_en="luca-de-meo")
    episode = EpisodeFactory(
        number=1,
        title_en="Revolution or Death",
        title_fr="Révolution ou la mort",
        title_it="Rivoluzione o morte",
        slug_en="revolution-or-death",
        slug_fr="revolution-ou-la-mort",
        slug_it="rivoluzione-o-morte",
    )
    release = PressReleaseFactory(
        company=group,
        title_en="The series premieres",
        title_fr="La série sort",
        title_it="Esce la serie",
        slug_en="series-premieres",
        slug_fr="la-serie-sort",
        slug_it=None,
    )
    milestones = {
        "arrest": MilestoneFactory(
            slug="ghosn-arrested",
            date=datetime.date(2018, 11, 19),
            precision=Precision.MONTH,
            title_en="Carlos Ghosn is arrested",
            title_fr="Carlos Ghosn est arrêté",
            title_it="Carlos Ghosn viene arrestato",
            people=[ghosn],
            episodes=[episode],
        ),
        "new_ceo": MilestoneFactory(
            slug="new-ceo",
            date=datetime.date(2020, 7, 1),
            precision=Precision.MONTH,
            title_en="Luca de Meo takes over",
            title_fr="Luca de Meo prend la tête",
            # No Italian text yet: Italian readers see the English, marked.
            title_it="",
            summary_it="",
            summary_en="A new chief executive for Renault Group.",
            companies=[group, hidden_company],
            people=[de_meo],
        ),
        "loss": MilestoneFactory(
            slug="record-loss",
            date=datetime.date(2020, 1, 1),
            precision=Precision.YEAR,
            title_en="A record loss",
            title_fr="Une perte record",
            title_it="Una perdita record",
            companies=[group],
        ),
        "premiere": MilestoneFactory(
            slug="premiere",
            date=datetime.date(2024, 12, 13),
            precision=Precision.DAY,
            title_en="The series premieres",
            title_fr="La série sort",
            title_it="Esce la serie",
            episodes=[episode],
            press_releases=[release],
        ),
        "draft": MilestoneFactory(slug="not-yet-written", title_en="Draft milestone", draft=True),
        "scheduled": MilestoneFactory(
            slug="scheduled",
            title_en="Scheduled milestone",
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
    }
    return milestones


@pytest.mark.parametrize(
    ("language", "dates", "titles"),
    [
        (
            "en",
            ["November 2018", "2020", "July 2020", "13 December 2024"],
            [
                "Carlos Ghosn is arrested",
                "A record loss",
                "Luca de Meo takes over",
                "The series premieres",
            ],
        ),
        (
            "fr",
            ["novembre 2018", "2020", "juillet 2020", "13 décembre 2024"],
            [
                "Carlos Ghosn est arrêté",
                "Une perte record",
                "Luca de Meo prend la tête",
                "La série sort",
            ],
        ),
        (
            "it",
            ["novembre 2018", "2020", "luglio 2020", "13 dicembre 2024"],
            [
                "Carlos Ghosn viene arrestato",
                "Una perdita record",
                "Luca de Meo takes over",
                "Esce la serie",
            ],
        ),
    ],
)
def test_the_page_shows_dates_and_titles_in_each_language(client, story, language, dates, titles):
    """Dates are written to their precision as each language writes them."""
    response, tree = get_tree(client, language)
    assert read_page(response).lang == language
    items = tree.xpath('//ol[@class="timeline__milestones"]/li')
    assert [text(item.xpath(".//time")[0]) for item in items] == dates
    assert [text(item.xpath(".//h3")[0]) for item in items] == titles


def test_time_elements_carry_machine_readable_dates_to_their_precision(client, story):
    _response, tree = get_tree(client, "en")
    assert tree.xpath('//ol[@class="timeline__milestones"]/li//time/@datetime') == [
        "2018-11",
        "2020",
        "2020-07",
        "2024-12-13",
    ]


def test_milestones_are_grouped_by_year_in_date_order(client, story):
    """One item per year in an ordered list, each holding that year's milestones in order."""
    _response, tree = get_tree(client, "en")
    years = tree.xpath('//ol[@class="timeline"]/li')
    assert [text(year.xpath("./h2")[0]) for year in years] == ["2018", "2020", "2024"]
    assert [year.xpath("./ol/li/@id") for year in years] == [
        ["ghosn-arrested"],
        ["record-loss", "new-ceo"],
        ["premiere"],
    ]


def test_drafts_and_scheduled_milestones_are_hidden(client, story):
    response, tree = get_tree(client, "en")
    ids = tree.xpath('//ol[@class="timeline__milestones"]/li/@id')
    assert "not-yet-written" not in ids
    assert "scheduled" not in ids
    content = response.content.decode()
    assert "Draft milestone" not in content
    assert "Scheduled milestone" not in content


def test_a_draft_company_is_neither_linked_nor_named(client, story):
    response, tree = get_tree(client, "en")
    item = milestone_item(tree, "new-ceo")
    assert item.xpath(".//ul/li/a/text()") == ["Renault Group", "Luca de Meo"]
    assert "Secret Partner" not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_lead_to_each_languages_page_of_the_object(client, story, language):
    """Company, person, episode and press release links use the localized slugs."""
    _response, tree = get_tree(client, language)
    links = {}
    for slug in ("ghosn-arrested", "new-ceo", "premiere"):
        links[slug] = milestone_item(tree, slug).xpath(".//ul/li/a/@href")
    with translation.override(language):
        group = Company.objects.get(slug_en="renault-group")
        arrest, new_ceo, premiere = story["arrest"], story["new_ceo"], story["premiere"]
        expected = {
            "ghosn-arrested": [
                arrest.people.get().get_absolute_url(),
                arrest.episodes.get().get_absolute_url(),
            ],
            "new-ceo": [group.get_absolute_url(), new_ceo.people.get().get_absolute_url()],
            "premiere": [
                premiere.episodes.get().get_absolute_url(),
                premiere.press_releases.get().get_absolute_url(),
            ],
        }
    assert links == expected
    # The slugs really differ per language, so the check above means something.
    assert {
        "en": "/en/companies/renault-group/",
        "fr": "/fr/companies/groupe-renault/",
        "it": "/it/companies/gruppo-renault/",
    }[language] == links["new-ceo"][0]
    # No Italian slug: the Italian press page lives at the English slug.
    assert links["premiere"][1].endswith(
        {"en": "/series-premieres/", "fr": "/la-serie-sort/", "it": "/series-premieres/"}[language]
    )


def test_every_link_answers_200(client, story):
    _response, tree = get_tree(client, "fr")
    hrefs = tree.xpath('//ol[@class="timeline"]//ul/li/a/@href')
    assert len(hrefs) == 7
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_text_that_fell_back_to_english_is_marked(client, story):
    response, tree = get_tree(client, "it")
    item = milestone_item(tree, "new-ceo")
    assert item.xpath("./h3/@lang") == ["en"]
    assert item.xpath('./p[@class="milestone__summary"]/@lang') == ["en"]
    # Italian text is not marked.
    assert milestone_item(tree, "record-loss").xpath("./h3/@lang") == []
    assert "Luca de Meo takes over" in read_page(response).fallback_texts
    _response, tree = get_tree(client, "en")
    assert milestone_item(tree, "new-ceo").xpath("./h3/@lang") == []


def test_the_language_switcher_leads_to_the_timeline_in_each_language(client, story):
    page = read_page(client.get(timeline_url("fr")))
    assert page.switcher == {"en": timeline_url("en"), "it": timeline_url("it")}
    assert set(page.alternates) == {*LANGUAGES, "x-default"}


def test_the_header_links_to_the_timeline_and_marks_it_current(client, story):
    _response, tree = get_tree(client, "fr")
    (link,) = tree.xpath(f'//nav[@class="site-nav"]//a[@href="{timeline_url("fr")}"]')
    assert link.get("aria-current") == "page"
    with translation.override("en"):
        home = html.fromstring(client.get(reverse("home")).content)
    (link,) = home.xpath(f'//nav[@class="site-nav"]//a[@href="{timeline_url("en")}"]')
    assert link.get("aria-current") is None


def test_a_milestones_url_is_its_anchor_on_its_years_page(story):
    for language in LANGUAGES:
        with translation.override(language):
            assert story["premiere"].get_absolute_url() == f"/{language}/timeline/2024/#premiere"


def test_an_empty_timeline_says_so(client):
    response, tree = get_tree(client, "en")
    assert tree.xpath('//ol[@class="timeline"]') == []
    assert "No milestones yet." in response.content.decode()


def test_query_strings_are_ignored_not_an_error(client, story):
    response = client.get(timeline_url("en"), {"page": "x" * 500, "year": "'; drop"})
    assert response.status_code == 200


def make_milestones(rows, **links):
    for index in range(rows):
        MilestoneFactory(date=datetime.date(2018 + index % 7, 1 + index % 12, 1), **links)


@pytest.mark.parametrize("rows", [3, 300])
def test_query_count_does_not_grow_with_milestones_and_links(
    client, django_assert_num_queries, settings, rows
):
    companies = CompanyFactory.create_batch(3) + [CompanyFactory(draft=True)]
    people = PersonFactory.create_batch(2)
    episodes = EpisodeFactory.create_batch(2)
    releases = PressReleaseFactory.create_batch(2)
    make_milestones(
        rows, companies=companies, people=people, episodes=episodes, press_releases=releases
    )
    # 6 queries, whatever the number of milestones: the years with their
    # counts (one aggregate), the newest milestones (or the year's page of
    # them, its count known from the years), then one prefetch each for
    # their published companies, people, episodes and press releases.
    for path in (timeline_url("en"), year_url("en", 2018), year_url("en", 2018) + "?page=2"):
        if rows == 3 and "page=2" in path:
            continue
        with django_assert_num_queries(6):
            response = client.get(path)
        items = html.fromstring(response.content).xpath('//ol[@class="timeline__milestones"]/li')
        expected = min(rows, settings.TIMELINE_LATEST) if path == timeline_url("en") else None
        if expected is not None:
            assert len(items) == expected
        # 3 public companies, 2 people, 2 episodes, 2 press releases per milestone.
        assert items and all(len(item.xpath(".//ul/li/a")) == 9 for item in items)


def year_url(language, year):
    with translation.override(language):
        return reverse("timeline:year", kwargs={"year": year})


def test_the_overview_lists_every_year_with_its_count_and_the_newest_milestones(client, settings):
    settings.TIMELINE_LATEST = 5
    make_milestones(20)  # 2018…2024, 3 in each of the first six years, 2 in 2024
    MilestoneFactory(date=datetime.date(2030, 1, 1), draft=True)
    response, tree = get_tree(client, "en")
    years = tree.xpath('//nav[@class="timeline__years"]//a')
    assert [a.get("href") for a in years] == [year_url("en", y) for y in range(2018, 2025)]
    assert [text(a) for a in years][:2] == ["2018 (3 milestones)", "2019 (3 milestones)"]
    assert text(years[-1]) == "2024 (2 milestones)"
    shown = tree.xpath('//ol[@class="timeline__milestones"]/li//time/@datetime')
    # The five newest, in date order.
    newest = Milestone.objects.published().order_by("-date", "-pk")[:5]
    assert shown == [m.datetime_value for m in reversed(newest)]
    assert "The latest 5 milestones" in text(tree)
    # Each year heading leads to its year's page.
    assert tree.xpath('//ol[@class="timeline"]/li/h2/a/@href') == [
        year_url("en", 2023),
        year_url("en", 2024),
    ]


def test_an_old_link_to_the_overviews_anchor_finds_a_recent_milestone_there(client, story):
    """`/timeline/#premiere` from before the year pages: the overview still holds it."""
    _response, tree = get_tree(client, "en")
    assert milestone_item(tree, "premiere") is not None


def test_a_years_page_shows_its_milestones_in_order_and_only_them(client, story):
    response = client.get(year_url("fr", 2020))
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    assert tree.xpath('//ol[@class="timeline__milestones"]/li/@id') == ["record-loss", "new-ceo"]
    # The raw text: split() would take the narrow no-break space for a space.
    assert tree.xpath("//h1")[0].text_content().strip() == "Chronologie\u202f: 2020"
    (current,) = tree.xpath('//nav[@class="timeline__years"]//a[@aria-current="page"]')
    assert current.get("href") == year_url("fr", 2020)
    neighbours = tree.xpath('//nav[@class="timeline__neighbours"]/a/@href')
    assert neighbours == [year_url("fr", 2018), year_url("fr", 2024)]
    assert "Secret Partner" not in response.content.decode()


def test_a_full_year_is_paginated_in_date_order(client, settings):
    settings.TIMELINE_MILESTONES_PER_PAGE = 2
    for day in (3, 1, 2):
        MilestoneFactory(slug=f"day-{day}", date=datetime.date(2022, 5, day))
    first = html.fromstring(client.get(year_url("en", 2022)).content)
    second = html.fromstring(client.get(year_url("en", 2022) + "?page=2").content)
    assert first.xpath('//ol[@class="timeline__milestones"]/li/@id') == ["day-1", "day-2"]
    assert second.xpath('//ol[@class="timeline__milestones"]/li/@id') == ["day-3"]
    assert first.xpath('//nav[@class="pagination"]/a[@rel="next"]/@href') == ["?page=2"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/timeline/2019/",  # no milestone that year
        "/en/timeline/2021/",  # only a draft and a scheduled one (the factory's date)
        "/en/timeline/2020/?page=2",
        "/en/timeline/2020/?page=x",
        "/en/timeline/20200/",
        "/en/timeline/abcd/",
        "/en/timeline/0000/",
    ],
)
def test_a_bad_year_or_page_is_a_404(client, story, path):
    assert client.get(path).status_code == 404


def test_a_years_page_has_its_own_canonical_and_alternates(client, story):
    page = read_page(client.get(year_url("it", 2020)))
    assert page.switcher == {"en": year_url("en", 2020), "fr": year_url("fr", 2020)}
    assert set(page.alternates) == {*LANGUAGES, "x-default"}
    tree = html.fromstring(client.get(year_url("it", 2020)).content)
    assert tree.xpath('//link[@rel="canonical"]/@href') == [
        "http://testserver" + year_url("it", 2020)
    ]


def year_nav(tree):
    """The year navigation's links: [(year text, href, aria-current)]."""
    links = tree.xpath('//nav[@class="timeline__years"]//a')
    return [(link.text.strip(), link.get("href"), link.get("aria-current")) for link in links]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_and_each_year_page_share_a_year_navigation(client, story, language):
    """Only years with published milestones (2021 has a draft and a scheduled one), in order."""
    years = [2018, 2020, 2024]
    _response, overview = get_tree(client, language)
    # The overview is no year's page: no year is current there.
    assert year_nav(overview) == [(str(y), year_url(language, y), None) for y in years]
    for current in years:
        response = client.get(year_url(language, current))
        tree = html.fromstring(response.content)
        assert year_nav(tree) == [
            (str(y), year_url(language, y), "page" if y == current else None) for y in years
        ]
        assert "2021" not in text(tree.xpath('//nav[@class="timeline__years"]')[0])
        assert "Draft milestone" not in response.content.decode()
    # Every link of the navigation opens its year.
    for _year, href, _current in year_nav(overview):
        assert client.get(href).status_code == 200
    with translation.override(language):
        label = translation.gettext("Years of the timeline")
    assert overview.xpath('//nav[@class="timeline__years"]/@aria-label') == [label]
