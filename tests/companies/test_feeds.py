"""The press feeds: RSS 2.0 and Atom, one per language."""

import datetime

import lxml.html
import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import resolve, reverse
from django.utils import timezone, translation
from lxml import etree

from companies.feeds import FEED_ITEMS, LatestPressReleasesFeed
from companies.models import PressRelease
from renaulution.languages import codes
from tests.factories import CompanyFactory, PersonFactory, PressReleaseFactory
from tests.html import read_page
from tests.translations.test_exchange import translated_xliff
from tests.xss_payloads import PAYLOADS, executable_markup

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(language, name="companies:pressrelease_feed"):
    with translation.override(language):
        return reverse(name)


def rss(client, language):
    response = client.get(feed_url(language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return etree.fromstring(response.content).find("channel")


def atom(client, language):
    response = client.get(feed_url(language, "companies:pressrelease_feed_atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return etree.fromstring(response.content)


@pytest.fixture
def releases():
    group = CompanyFactory(name="Renault Group", slug_en="renault-group")
    person = PersonFactory(name="Luca de Meo")
    hidden = PersonFactory(name="Draft Person", draft=True)
    newest = PressReleaseFactory(
        company=group,
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        title_it="Ampere parte",
        slug_en="ampere-starts",
        slug_fr="ampere-demarre",
        summary_en="Eleven sites in France.",
        summary_fr="Onze sites en France.",
        issued_on=datetime.date(2023, 11, 1),
    )
    newest.people.set([person, hidden])
    english_only = PressReleaseFactory(
        company=group,
        title_en="Renaulution plan",
        title_fr="",
        title_it="",
        slug_en="renaulution-plan",
        issued_on=datetime.date(2021, 1, 14),
    )
    PressReleaseFactory(title_en="Draft release", draft=True, issued_on=datetime.date(2024, 1, 1))
    PressReleaseFactory(
        title_en="Future release",
        published_at=timezone.now() + datetime.timedelta(days=1),
        issued_on=datetime.date(2024, 1, 2),
    )
    return newest, english_only


def test_feed_urls_come_before_the_press_release_pattern():
    """press/feed/ is the feed, not a press release whose slug is "feed"."""
    assert resolve(feed_url("en")).func.__class__ is LatestPressReleasesFeed
    with translation.override("fr"):
        match = resolve(feed_url("fr", "companies:pressrelease_feed_atom"))
    assert match.url_name == "pressrelease_feed_atom"


@pytest.mark.parametrize("field", ["slug_en", "slug_fr", "slug_it"])
def test_a_press_release_cannot_take_the_feeds_slug(field):
    release = PressReleaseFactory.build(company=CompanyFactory(), **{field: "feed"})
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert field in error.value.message_dict
    assert "address of another page" in " ".join(error.value.message_dict[field])


def test_the_database_refuses_the_feeds_slug_too():
    release = PressReleaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.filter(pk=release.pk).update(slug_it="feed")


@pytest.mark.parametrize(
    ("language", "titles", "links"),
    [
        ("en", ["Ampere starts", "Renaulution plan"], ["ampere-starts", "renaulution-plan"]),
        # French slug where there is one, English title where French is empty.
        ("fr", ["Ampere démarre", "Renaulution plan"], ["ampere-demarre", "renaulution-plan"]),
        ("it", ["Ampere parte", "Renaulution plan"], ["ampere-starts", "renaulution-plan"]),
    ],
)
def test_rss_lists_published_releases_in_the_feeds_language(
    client, releases, language, titles, links
):
    channel = rss(client, language)
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == titles
    assert [item.findtext("link") for item in items] == [
        f"http://testserver/{language}/press/{slug}/" for slug in links
    ]
    assert channel.findtext("language") == language
    assert channel.findtext("link") == f"http://testserver/{language}/press/"
    for item in items:
        assert client.get(item.findtext("link")).status_code == 200


def test_rss_channel_text_is_translated(client, releases):
    english = rss(client, "en")
    french = rss(client, "fr")
    assert english.findtext("title") == "Renaulution: press releases and articles"
    with translation.override("fr"):
        expected = LatestPressReleasesFeed().title()
    assert french.findtext("title") == expected


def test_rss_items_carry_summary_date_author_and_categories(client, releases):
    item = rss(client, "fr").find("item")
    assert item.findtext("description") == "Onze sites en France."
    assert item.findtext(f"{DC}creator") == "Renault Group"
    # The kind, the issuing company and the published people mentioned, not the drafts.
    assert [c.text for c in item.findall("category")] == [
        "Communiqué de presse",
        "Renault Group",
        "Luca de Meo",
    ]
    assert item.findtext("pubDate").startswith("Wed, 01 Nov 2023 00:00:00")


@pytest.mark.parametrize(
    "hidden",
    [{"draft": True}, {"published_at": timezone.now() + datetime.timedelta(days=60)}],
    ids=["draft", "scheduled"],
)
def test_a_hidden_company_is_neither_author_nor_category(client, hidden):
    release = PressReleaseFactory(company=CompanyFactory(name="Unannounced Motors", **hidden))
    release.people.set([PersonFactory(name="Luca de Meo")])
    item = rss(client, "en").find("item")
    assert item.find(f"{DC}creator") is None
    assert [c.text for c in item.findall("category")] == ["Press release", "Luca de Meo"]
    entry = atom(client, "en").find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author") is None


def test_rss_pubdate_is_the_publication_time_on_the_day_of_issue(client):
    published = timezone.make_aware(datetime.datetime(2024, 12, 13, 9, 30))
    PressReleaseFactory(issued_on=datetime.date(2024, 12, 13), published_at=published)
    item = rss(client, "en").find("item")
    assert item.findtext("pubDate") == "Fri, 13 Dec 2024 09:30:00 +0100"


def test_rss_keeps_only_the_latest_releases(client):
    for day in range(1, FEED_ITEMS + 6):
        PressReleaseFactory(issued_on=datetime.date(2024, 1, day), title_en=f"Day {day}")
    items = rss(client, "en").findall("item")
    assert len(items) == FEED_ITEMS
    assert items[0].findtext("title") == f"Day {FEED_ITEMS + 5}"
    assert items[-1].findtext("title") == "Day 6"


@pytest.mark.parametrize("language", codes())
def test_atom_feed_has_the_same_entries(client, releases, language):
    feed = atom(client, language)
    assert feed.get(XML_LANG) == language
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        item.findtext("link") for item in rss(client, language).findall("item")
    ]
    newest, _english_only = releases
    first = entries[0]
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Renault Group"
    assert first.findtext(f"{ATOM}published").startswith("2023-11-01T00:00:00")
    assert first.findtext(f"{ATOM}updated") == newest.updated_at.isoformat()
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver{feed_url(language, 'companies:pressrelease_feed_atom')}"


def test_drafts_and_future_releases_are_in_no_feed(client, releases):
    rss_titles = [item.findtext("title") for item in rss(client, "en").findall("item")]
    atom_titles = [e.findtext(f"{ATOM}title") for e in atom(client, "en").findall(f"{ATOM}entry")]
    for titles in (rss_titles, atom_titles):
        assert "Draft release" not in titles
        assert "Future release" not in titles


@pytest.mark.parametrize("rows", [3, 30])
def test_feed_query_count_does_not_grow(client, django_assert_num_queries, rows):
    for release in PressReleaseFactory.create_batch(rows):
        release.people.add(PersonFactory())
    # The releases with their companies, then the published people of all
    # of them in one prefetch.
    with django_assert_num_queries(2):
        assert client.get(feed_url("en")).status_code == 200


@pytest.mark.parametrize("language", codes())
def test_every_page_links_to_its_languages_feeds(client, releases, language):
    for name in ("home", "companies:pressrelease_list"):
        with translation.override(language):
            page = read_page(client.get(reverse(name)))
        assert page.feeds == {
            "application/rss+xml": feed_url(language),
            "application/atom+xml": feed_url(language, "companies:pressrelease_feed_atom"),
        }


def feed_summaries(client, language):
    """Every item's RSS <description> and Atom <summary>, as a feed reader receives them."""
    channel = rss(client, language)
    summaries = atom(client, language).findall(f"{ATOM}entry/{ATOM}summary")
    assert all(summary.get("type") == "html" for summary in summaries)
    return [item.findtext("description") for item in channel.findall("item")] + [
        summary.text for summary in summaries
    ]


def as_rendered(html):
    """What a feed reader rendering `html` shows, and whatever in it could run."""
    text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    return text, executable_markup(f"<div>{html}</div>")


def assert_summaries_show_as_text(client, language, expected):
    rendered = [as_rendered(html) for html in feed_summaries(client, language)]
    assert sorted(text for text, _ in rendered) == sorted(expected * 2)
    assert [problems for _, problems in rendered if problems] == []
    return len(rendered)


def test_feed_summaries_are_plain_text_to_readers_that_render_html(client):
    """
    RSS <description> and Atom <summary type="html"> are HTML to a feed
    reader: a summary reading `<img src=x onerror=…>` shows as those
    characters, never as an image with a handler. Every payload, both feeds.
    """
    releases = PressReleaseFactory.create_batch(FEED_ITEMS)
    tried = 0
    for start in range(0, len(PAYLOADS), FEED_ITEMS):
        chunk = PAYLOADS[start : start + FEED_ITEMS]
        for release, payload in zip(releases, chunk, strict=False):
            release.summary_en = payload
        PressRelease.objects.bulk_update(releases, ["summary_en"])
        expected = [release.summary_en for release in releases]
        tried += assert_summaries_show_as_text(client, "en", expected)
    assert tried >= 2 * len(PAYLOADS)


def test_a_translators_xliff_import_cannot_put_markup_into_the_french_feed(client):
    """The same through the French translators' route: an XLIFF file uploaded in the admin."""
    releases = PressReleaseFactory.create_batch(FEED_ITEMS, summary_en="Eleven sites.")
    translator = User.objects.create_user("traductrice", is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators (fr)"))
    client.force_login(translator)
    for start in range(0, len(PAYLOADS), FEED_ITEMS):
        chunk = PAYLOADS[start : start + FEED_ITEMS]
        targets = {
            f"companies.pressrelease:{release.pk}:summary": payload
            for release, payload in zip(releases, chunk, strict=False)
        }
        data = translated_xliff("fr", targets=targets)
        response = client.post(
            reverse("translations:import"), {"file": SimpleUploadedFile("fr.xlf", data)}
        )
        assert response.status_code == 200
        assert response.context["report"].updated == len(chunk)
        expected = list(PressRelease.objects.values_list("summary_fr", flat=True))
        assert set(chunk) <= set(expected)
        assert_summaries_show_as_text(client, "fr", expected)


VISIBLE_FEED_LINKS = {
    "en": ("Follow the press section in a feed reader:", "RSS feed", "Atom feed"),
    "fr": ("Suivre la rubrique presse dans un lecteur de flux\u202f:", "Flux RSS", "Flux Atom"),
    "it": ("Segui la sezione stampa in un lettore di feed:", "Feed RSS", "Feed Atom"),
}


@pytest.mark.parametrize("language", codes())
def test_the_press_list_shows_links_to_its_languages_feeds(client, releases, language):
    """Not only <link rel="alternate"> in the head: links a reader can see and follow."""
    lead, rss_label, atom_label = VISIBLE_FEED_LINKS[language]
    with translation.override(language):
        press_list = reverse("companies:pressrelease_list")
    for query in ("", "?year=2023"):
        tree = lxml.html.fromstring(client.get(press_list + query).content)
        (paragraph,) = tree.xpath('//main//p[@class="feed-links"]')
        # The raw text: split() would take the narrow no-break space for a space.
        assert paragraph.text.strip() == lead
        links = {a.text_content(): (a.get("href"), a.get("type")) for a in paragraph.iter("a")}
        assert links == {
            rss_label: (feed_url(language), "application/rss+xml"),
            atom_label: (
                feed_url(language, "companies:pressrelease_feed_atom"),
                "application/atom+xml",
            ),
        }
    for href, content_type in links.values():
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
        assert b"Ampere" in response.content and b"Draft release" not in response.content
