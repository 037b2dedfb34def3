"""Titles, descriptions, canonical addresses, OpenGraph, Twitter cards and JSON-LD."""

import datetime
import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from companies.models import Company
from renaulution.images import SHARE_WIDTH, fallback_format, rendition_url
from renaulution.languages import codes
from renaulution.seo import HEADLINE_LENGTH, iso_duration, og_locale, plain_text
from tests.factories import (
    CompanyFactory,
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

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
HOST = "http://testserver"


def shared_url(image):
    """Where meta tags and JSON-LD point for `image`: its sharing rendition."""
    return HOST + rendition_url(image, SHARE_WIDTH, fallback_format(image))


def image(width=1200, height=630):
    return image_file("example.jpg", (width, height), color="navy")


@pytest.fixture
def site():
    group = CompanyFactory(
        name="Renault Group",
        kind=Company.Kind.GROUP,
        slug_en="renault-group",
        slug_fr="groupe-renault",
        tagline_en="The French carmaker",
        tagline_fr="Le constructeur français",
        tagline_it="Il costruttore francese",
        founded_year=1899,
        website="https://www.renaultgroup.com",
        logo=image(400, 400),
        logo_alt_en="Renault Group logo",
        logo_alt_fr="Logo du groupe Renault",
        logo_alt_it="Logo di Renault Group",
    )
    dacia = CompanyFactory(name="Dacia", slug_en="dacia", parent=group)
    person = PersonFactory(
        name="Luca de Meo",
        slug_en="luca-de-meo",
        headline_en="CEO of Renault Group",
        headline_fr="Directeur général du groupe Renault",
        headline_it="Amministratore delegato di Renault Group",
        portrait=image(600, 800),
        portrait_alt_en="Luca de Meo",
    )
    PositionFactory(person=person, company=group)
    series = SeriesFactory(
        tagline_en="Inside the Renaulution",
        tagline_fr="Au cœur de la Renaulution",
        tagline_it="Dentro la Renaulution",
        poster=image(800, 1200),
        poster_alt_en="Poster",
    )
    SeriesProducerFactory(series=series, company__name="Breath Film")
    episode = EpisodeFactory(
        series=series,
        number=1,
        slug_en="revolution-or-death",
        slug_fr="revolution-ou-la-mort",
        synopsis_en="<p>It all <strong>starts</strong> in 2018.</p><p>Then 2020.</p>",
        synopsis_fr="<p>Tout <strong>commence</strong> en 2018.</p><p>Puis 2020.</p>",
        synopsis_it="<p>Tutto <strong>comincia</strong> nel 2018.</p><p>Poi 2020.</p>",
        still=image(),
        still_alt_en="A still",
        still_alt_fr="Une image",
        still_alt_it="Un fotogramma",
    )
    EpisodeFactory(series=series, number=2, slug_en="second")
    EpisodeFactory(series=series, number=3, slug_en="draft-episode", draft=True)
    release = PressReleaseFactory(
        translated=True,
        company=group,
        image=image(2400, 1260),
        image_alt_en="The Ampere plant in Douai",
        image_alt_fr="L'usine Ampere de Douai",
        image_alt_it="Lo stabilimento Ampere di Douai",
        slug_en="ampere-starts",
        slug_fr="ampere-demarre",
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        title_it="Ampere parte",
        summary_en="Eleven sites in France.",
        summary_fr="Onze sites en France.",
        summary_it="Undici siti in Francia.",
        issued_on=datetime.date(2023, 11, 1),
    )
    return {
        "group": group,
        "dacia": dacia,
        "person": person,
        "series": series,
        "episode": episode,
        "release": release,
    }


def get_page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return read_page(response)


def url_in(language, obj=None, name=None, **kwargs):
    with translation.override(language):
        return obj.get_absolute_url() if obj is not None else reverse(name, kwargs=kwargs)


def ld_of(page, kind):
    found = [data for data in page.structured_data() if data["@type"] == kind]
    assert len(found) == 1, page.structured_data()
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


PAGES = [
    ("home", None, "video.tv_show"),
    ("episodes:episode_list", None, "website"),
    ("companies:company_list", None, "website"),
    ("companies:person_list", None, "website"),
    ("companies:pressrelease_list", None, "website"),
    (None, "episode", "video.episode"),
    (None, "group", "website"),
    (None, "person", "profile"),
    (None, "release", "article"),
]


def test_the_opengraph_locales_of_the_shipped_languages():
    # renaulution/languages.py declares them; these are what the pages always said.
    assert [og_locale(code) for code in ("en", "fr", "it")] == ["en_GB", "fr_FR", "it_IT"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "key", "og_type"), PAGES)
def test_every_page_describes_itself_in_its_language(client, site, language, name, key, og_type):
    url = url_in(language, site[key]) if key else url_in(language, name=name)
    page = get_page(client, url)
    assert page.canonical == HOST + url
    assert page.one("og:url") == page.canonical
    assert page.one("og:type") == og_type
    assert page.one("og:site_name")
    assert page.one("og:title") == page.one("twitter:title")
    assert page.one("description") == page.one("og:description") == page.one("twitter:description")
    assert page.one("og:locale") == og_locale(language)
    assert sorted(page.meta["og:locale:alternate"]) == sorted(
        og_locale(code) for code in LANGUAGES if code != language
    )
    assert page.one("twitter:card") in {"summary", "summary_large_image"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Eleven sites in France."),
        ("fr", "Onze sites en France."),
        ("it", "Undici siti in Francia."),
    ],
)
def test_a_press_release_is_described_by_its_summary_in_the_pages_language(
    client, site, language, expected
):
    page = get_page(client, url_in(language, site["release"]))
    assert page.one("description") == expected
    assert page.one("og:title") == {"en": "Ampere starts", "fr": "Ampere démarre"}.get(
        language, "Ampere parte"
    )


def test_rich_text_descriptions_are_plain_text_with_words_kept_apart(client, site):
    page = get_page(client, url_in("fr", site["episode"]))
    assert page.one("description") == "Tout commence en 2018. Puis 2020."


def test_a_missing_translation_falls_back_to_english(client, site):
    release = PressReleaseFactory(translated=True, summary_en="English only.", summary_fr="")
    assert get_page(client, url_in("fr", release)).one("description") == "English only."


def test_long_descriptions_are_cut_at_160_characters():
    text = plain_text("<p>" + "word " * 100 + "</p>")
    assert len(text) <= 160
    assert text.endswith("…")
    assert plain_text("Caf&eacute; &amp; co") == "Café & co"


def test_a_page_with_an_image_has_a_large_card_with_its_size_and_alt(client, site, settings):
    """The card shows a 1200-pixel JPEG rendition of the 2400-pixel original."""
    page = get_page(client, url_in("fr", site["release"]))
    release = site["release"]
    shared = page.one("og:image")
    assert shared.startswith(HOST + settings.MEDIA_URL)
    assert shared != HOST + release.image.url
    with Image.open(settings.MEDIA_ROOT / shared.removeprefix(HOST + settings.MEDIA_URL)) as file:
        assert (file.format, file.size) == ("JPEG", (1200, 630))
    assert page.one("og:image:width") == "1200"
    assert page.one("og:image:height") == "630"
    assert page.one("og:image:alt") == "L'usine Ampere de Douai"
    assert page.one("twitter:card") == "summary_large_image"
    assert page.one("twitter:image") == page.one("og:image")
    assert page.one("twitter:image:alt") == "L'usine Ampere de Douai"


def test_a_page_without_an_image_has_a_small_card(client, site):
    page = get_page(client, url_in("en", site["dacia"]))
    assert page.one("twitter:card") == "summary"
    assert "og:image" not in page.meta
    assert "twitter:image" not in page.meta


def test_article_times_are_given(client, site):
    page = get_page(client, url_in("en", site["release"]))
    assert page.one("article:published_time") == "2023-11-01"
    assert page.one("article:modified_time") == site["release"].updated_at.isoformat()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?page=2", "?page=2"),
        ("?page=2&utm_source=newsletter", "?page=2"),
        ("?page=1", ""),
        ("?utm_source=newsletter", ""),
        # A filtered list is a view of the whole list.
        ("?company=renault-group", ""),
        ("?year=2023&page=2", ""),
    ],
)
def test_the_press_list_is_canonical_without_junk_but_with_its_page(client, query, expected):
    company = CompanyFactory(slug_en="renault-group")
    PressReleaseFactory.create_batch(12, company=company, issued_on=datetime.date(2023, 5, 1))
    url = url_in("fr", name="companies:pressrelease_list")
    page = get_page(client, url + query)
    assert page.canonical == HOST + url + expected


def test_hreflang_alternates_are_the_canonical_addresses_in_each_language(client):
    PressReleaseFactory.create_batch(12, translated=True)
    url = url_in("fr", name="companies:pressrelease_list")
    page = get_page(client, url + "?page=2&utm_source=newsletter")
    assert page.alternates == {
        code: HOST + url_in(code, name="companies:pressrelease_list") + "?page=2"
        for code in LANGUAGES
    } | {"x-default": f"{HOST}/en/press/?page=2"}
    # The language switcher keeps what the reader asked for.
    assert page.switcher["it"] == "/it/press/?page=2&utm_source=newsletter"


def test_other_lists_drop_every_query_parameter(client, site):
    url = url_in("it", name="episodes:episode_list")
    assert get_page(client, url + "?utm_source=x").canonical == HOST + url


@pytest.mark.parametrize(
    ("name", "factory", "per_page"),
    [
        ("companies:company_list", CompanyFactory, settings.COMPANIES_PER_PAGE),
        ("companies:person_list", PersonFactory, settings.PEOPLE_PER_PAGE),
        ("episodes:episode_list", None, settings.EPISODES_PER_PAGE),
    ],
)
def test_every_paginated_list_is_canonical_and_alternate_with_its_page(
    client, name, factory, per_page
):
    if factory is None:
        series = SeriesFactory()
        for number in range(1, per_page + 2):
            EpisodeFactory(series=series, number=number)
    else:
        factory.create_batch(per_page + 1)
    url = url_in("fr", name=name)
    page = get_page(client, url + "?page=2&utm_source=x")
    assert page.canonical == HOST + url + "?page=2"
    assert page.alternates == {
        code: HOST + url_in(code, name=name) + "?page=2" for code in LANGUAGES
    } | {"x-default": HOST + url_in("en", name=name) + "?page=2"}
    assert get_page(client, url + "?page=1").canonical == HOST + url


def test_a_groups_own_companies_list_is_canonical_as_the_whole_list(client):
    group = CompanyFactory(slug_en="renault-group")
    CompanyFactory.create_batch(3, parent=group)
    url = url_in("fr", name="companies:company_list")
    page = get_page(client, url + "?parent=renault-group")
    assert page.canonical == HOST + url


def test_a_mostly_untranslated_version_points_to_its_source(client):
    """French summary and body missing: the French page is the English text."""
    release = PressReleaseFactory(slug_en="half", slug_fr="moitie", summary_en="Summary.")
    page = get_page(client, url_in("fr", release))
    assert page.canonical == HOST + url_in("en", release)
    assert ld_of(page, "NewsArticle")["inLanguage"] == "en"
    assert page.one("og:locale") == "fr_FR"
    assert "fr_FR" not in page.meta["og:locale:alternate"]
    assert "it_IT" not in page.meta["og:locale:alternate"]


def test_a_not_found_page_has_no_canonical_nor_structured_data(client):
    page = get_page(client, url_in("fr", name="companies:company_detail", slug="nope"), 404)
    assert page.canonical == ""
    assert page.json_ld == []
    assert page.one("description")


def test_home_is_a_tv_series(client, site):
    page = get_page(client, url_in("fr", name="home"))
    data = ld_of(page, "TVSeries")
    assert data["name"] == "Anatomie d'un come-back"
    assert data["description"] == "Au cœur de la Renaulution"
    assert data["url"] == page.canonical == f"{HOST}/fr/"
    assert data["image"] == shared_url(site["series"].poster)
    assert data["startDate"] == "2024-12-13"
    assert data["numberOfEpisodes"] == 2  # the draft is not counted
    assert [company["name"] for company in data["productionCompany"]] == ["Breath Film"]
    assert data["inLanguage"] == "fr"
    assert [episode["url"] for episode in data["episode"]] == [
        HOST + url_in("fr", episode) for episode in site["series"].episodes.published()
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_title_names_the_series_once(client, site, language):
    content = client.get(url_in(language, name="home")).content.decode()
    title = content.split("<title>")[1].split("</title>")[0]
    with translation.override(language):
        series_title = site["series"].title
    assert title.replace("&#x27;", "'").count(series_title) == 1


def test_an_episode_is_a_tv_episode(client, site):
    page = get_page(client, url_in("it", site["episode"]))
    data = ld_of(page, "TVEpisode")
    assert data["name"] == site["episode"].title_it
    assert data["episodeNumber"] == 1
    assert data["partOfSeries"] == {
        "@type": "TVSeries",
        "name": "Anatomia di un come-back",
        "url": f"{HOST}/it/",
    }
    assert data["description"] == "Tutto comincia nel 2018. Poi 2020."
    assert data["datePublished"] == "2024-12-13"
    assert data["timeRequired"] == "PT40M"
    assert data["image"] == shared_url(site["episode"].still)
    assert data["url"] == page.canonical
    assert page.one("video:duration") == "2400"


def test_durations_are_iso_8601():
    assert [iso_duration(minutes) for minutes in (40, 60, 90, 0)] == [
        "PT40M",
        "PT1H",
        "PT1H30M",
        "PT0M",
    ]


def test_a_company_is_an_organization(client, site):
    page = get_page(client, url_in("fr", site["group"]))
    data = ld_of(page, "Organization")
    assert data["name"] == "Renault Group"
    assert data["url"] == page.canonical == f"{HOST}/fr/companies/groupe-renault/"
    assert data["logo"] == shared_url(site["group"].logo)
    assert data["description"] == "Le constructeur français"
    assert data["foundingDate"] == "1899"
    assert data["sameAs"] == ["https://www.renaultgroup.com"]
    child = ld_of(get_page(client, url_in("fr", site["dacia"])), "Organization")
    assert child["parentOrganization"] == {
        "@type": "Organization",
        "name": "Renault Group",
        "url": f"{HOST}/fr/companies/groupe-renault/",
    }


def test_an_unpublished_parent_is_not_named(client):
    child = CompanyFactory(parent=CompanyFactory(draft=True))
    data = ld_of(get_page(client, url_in("en", child)), "Organization")
    assert "parentOrganization" not in data


HIDDEN = {
    "draft": {"draft": True},
    "scheduled": {"published_at": timezone.now() + datetime.timedelta(days=60)},
}


@pytest.mark.parametrize("state", HIDDEN)
def test_a_hidden_company_is_no_ones_author_nor_employer(client, state):
    """Neither a draft company nor one published for later is named in meta tags."""
    company = CompanyFactory(name="Unannounced Motors", **HIDDEN[state])
    release = PressReleaseFactory(company=company)
    person = PersonFactory()
    PositionFactory(person=person, company=company)
    page = get_page(client, url_in("en", release))
    assert "author" not in ld_of(page, "NewsArticle")
    assert "article:author" not in page.meta
    assert "worksFor" not in ld_of(get_page(client, url_in("en", person)), "Person")


def test_a_person_is_a_person(client, site):
    page = get_page(client, url_in("it", site["person"]))
    data = ld_of(page, "Person")
    assert data["name"] == "Luca de Meo"
    assert data["jobTitle"] == "Amministratore delegato di Renault Group"
    assert [company["name"] for company in data["worksFor"]] == ["Renault Group"]
    assert data["description"] == "Amministratore delegato di Renault Group"
    assert data["image"] == shared_url(site["person"].portrait)
    assert data["url"] == page.canonical


def test_a_press_release_is_a_news_article(client, site):
    release = site["release"]
    page = get_page(client, url_in("fr", release))
    data = ld_of(page, "NewsArticle")
    assert data["headline"] == "Ampere démarre"
    assert data["datePublished"] == "2023-11-01"
    assert data["dateModified"] == release.updated_at.isoformat()
    assert data["image"] == [shared_url(release.image)]
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Renault Group",
            "url": HOST + url_in("fr", site["group"]),
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith(HOST)
    assert data["inLanguage"] == "fr"
    assert data["mainEntityOfPage"]["@id"] == page.canonical == f"{HOST}/fr/press/ampere-demarre/"


def test_a_long_title_makes_a_headline_of_at_most_110_characters(client):
    release = PressReleaseFactory(translated=True, title_en="Renault " * 30)
    data = ld_of(get_page(client, url_in("en", release)), "NewsArticle")
    assert len(data["headline"]) <= HEADLINE_LENGTH
    assert data["headline"].startswith("Renault Renault")


def test_text_that_would_close_the_script_stays_inside_the_json(client):
    title = '</script><script>alert("x")</script><!-- & "quotes"'
    summary = "Costs < 5 & profits > 3"
    release = PressReleaseFactory(translated=True, title_en=title, summary_en=summary)
    response = client.get(url_in("en", release))
    page = read_page(response)
    (text,) = page.json_ld  # one script, not cut in two
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["headline"] == title
    assert data["description"] == summary
    head = response.content.decode().split("</head>")[0]
    assert head.count("<script") == 1


def test_a_small_image_is_shared_at_its_own_size(client, site):
    release = PressReleaseFactory(translated=True, image=image(800, 420), image_alt_en="Small")
    page = get_page(client, url_in("en", release))
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("800", "420")


def test_a_timeline_years_page_is_described_and_canonical_with_its_page(client, monkeypatch):
    """Its own title in each language; its canonical and alternates keep `?page=`."""
    monkeypatch.setattr(settings, "TIMELINE_MILESTONES_PER_PAGE", 2)
    for day in (1, 2, 3):
        MilestoneFactory(date=datetime.date(2022, 5, day))
    url = url_in("fr", name="timeline:year", year=2022)
    page = get_page(client, url + "?page=2&utm_source=x")
    assert page.canonical == HOST + url + "?page=2"
    assert page.alternates == {
        code: HOST + url_in(code, name="timeline:year", year=2022) + "?page=2" for code in LANGUAGES
    } | {"x-default": HOST + "/en/timeline/2022/?page=2"}
    assert page.meta["og:title"] == ["Chronologie\u202f: 2022"]
    assert get_page(client, url).canonical == HOST + url
    # The overview stays canonical as itself, whatever the query string.
    overview = url_in("it", name="timeline:index")
    assert get_page(client, overview + "?year=2022").canonical == HOST + overview
