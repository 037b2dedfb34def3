"""The sitemap index, its sections, and robots.txt."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from companies.models import PressRelease
from renaulution.languages import codes
from renaulution.seo import LIST_PAGES
from renaulution.sitemaps import SITEMAPS, STATIC_PAGES
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
)
from tests.html import read_page
from translations import notices

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
HOST = "http://testserver"


def section_url(section):
    return reverse("sitemap_section", kwargs={"section": section})


def read_section(client, section, **params):
    """{location: {"lastmod": …, "alternates": {hreflang: href}}} of one section."""
    response = client.get(section_url(section), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = etree.fromstring(response.content)
    urls = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        assert location not in urls, f"{location} twice"
        urls[location] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link[@rel='alternate']", NS)
            },
        }
    return urls


def absolute(obj, language):
    with translation.override(language):
        return HOST + obj.get_absolute_url()


@pytest.fixture
def release():
    return PressReleaseFactory(
        translated=True,
        slug_en="ampere-starts",
        slug_fr="ampere-demarre",
        slug_it="ampere-parte",
    )


def test_the_index_lists_every_section(client, release):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert locations == [HOST + section_url(section) for section in SITEMAPS]
    for location in locations:
        assert client.get(location).status_code == 200


def test_a_press_release_is_listed_in_every_language_with_its_localized_slug(client, release):
    urls = read_section(client, "press")
    expected = {code: absolute(release, code) for code in LANGUAGES}
    assert set(urls) == set(expected.values())
    assert expected["fr"] == f"{HOST}/fr/press/ampere-demarre/"
    for location in urls:
        assert urls[location]["alternates"] == expected | {"x-default": expected["en"]}
        assert urls[location]["lastmod"] == timezone.localdate(release.updated_at).isoformat()


def test_every_listed_address_answers(client, release):
    SeriesFactory()
    EpisodeFactory(slug_fr="episode-un")
    CompanyFactory()
    PersonFactory()
    for section in SITEMAPS:
        for location, url in read_section(client, section).items():
            assert client.get(location).status_code == 200, location
            # x-default too: Django's own drops the language prefix, which
            # here would be a 404.
            assert client.get(url["alternates"]["x-default"]).status_code == 200


def test_drafts_and_future_publications_are_not_listed(client, release):
    PressReleaseFactory(draft=True, slug_en="draft")
    PressReleaseFactory(slug_en="future", published_at=timezone.now() + datetime.timedelta(days=1))
    EpisodeFactory(draft=True, slug_en="draft-episode")
    # An episode of a series that is not published is not public either.
    EpisodeFactory(series=SeriesFactory(draft=True), slug_en="hidden-series-episode")
    CompanyFactory(draft=True, slug_en="draft-company")
    PersonFactory(draft=True, slug_en="draft-person")
    listed = [location for section in SITEMAPS for location in read_section(client, section)]
    assert set(listed) >= {absolute(release, code) for code in LANGUAGES}
    hidden = ("draft", "future", "draft-episode", "hidden-series-episode", "draft-company")
    for slug in (*hidden, "draft-person"):
        assert not [location for location in listed if f"/{slug}/" in location]


def test_a_mostly_untranslated_language_is_left_out_as_on_the_page(client):
    """French summary and body missing: no French URL, no French alternate."""
    release = PressReleaseFactory(
        slug_en="half", summary_en="Summary.", summary_it="Sommario.", body_it="<p>Corpo.</p>"
    )
    urls = read_section(client, "press")
    assert set(urls) == {absolute(release, "en"), absolute(release, "it")}
    for url in urls.values():
        assert set(url["alternates"]) == {"en", "it", "x-default"}
    # The page says the same in its head.
    page = read_page(client.get(absolute(release, "en")))
    assert set(page.alternates) == {"en", "it", "x-default"}


def test_the_sitemaps_rule_agrees_with_the_pages(client):
    """mostly_missing_by_object gives, for many objects, what coverage() gives for one."""
    objects = [
        PressReleaseFactory(),  # fr and it mostly missing (summary, body)
        PressReleaseFactory(translated=True),
        PressReleaseFactory(summary_fr="Résumé.", body_fr="<p>Corps.</p>"),  # it only
        PressReleaseFactory(original_language="fr", title_fr="Titre", summary_en=""),
    ]
    by_object = notices.mostly_missing_by_object(PressRelease.objects.all())
    for obj in objects:
        assert by_object.get(obj.pk, set()) == notices.coverage(obj).mostly_missing()
    assert by_object.get(objects[1].pk) is None
    assert by_object[objects[2].pk] == {"it"}


def test_static_pages_are_listed_in_every_language_with_their_newest_change(client, release):
    older = PressReleaseFactory(translated=True)
    type(older).objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=30)
    )
    draft = PressReleaseFactory(draft=True)
    type(draft).objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() + datetime.timedelta(days=30)
    )
    urls = read_section(client, "pages")
    for name, _models in STATIC_PAGES:
        expected = {code: absolute_name(name, code) for code in LANGUAGES}
        for code in LANGUAGES:
            assert urls[expected[code]]["alternates"] == expected | {"x-default": expected["en"]}
    press_list = urls[absolute_name("companies:pressrelease_list", "fr")]
    # The newest published release, not the draft edited later.
    assert press_list["lastmod"] == timezone.localdate(release.updated_at).isoformat()
    assert len(urls) == len(STATIC_PAGES) * len(LANGUAGES)


def test_the_timelines_years_are_listed_in_every_language_with_their_newest_change(client):
    MilestoneFactory(date=datetime.date(2020, 7, 1))
    newest = MilestoneFactory(date=datetime.date(2020, 1, 14))
    MilestoneFactory(date=datetime.date(2023, 11, 1))
    # A year of drafts only has no page, so no entry.
    MilestoneFactory(date=datetime.date(2019, 1, 1), draft=True)
    urls = read_section(client, "timeline")
    expected = {
        year: {code: f"{HOST}/{code}/timeline/{year}/" for code in LANGUAGES}
        for year in (2020, 2023)
    }
    assert set(urls) == {url for year in expected.values() for url in year.values()}
    for by_language in expected.values():
        for location in by_language.values():
            assert urls[location]["alternates"] == by_language | {"x-default": by_language["en"]}
    newest.refresh_from_db()
    assert urls[f"{HOST}/it/timeline/2020/"]["lastmod"] == (
        timezone.localdate(newest.updated_at).isoformat()
    )


def test_every_list_page_with_meta_tags_is_in_the_sitemap():
    """A page added to one of the two constants and not the other fails here."""
    assert set(LIST_PAGES) | {"home"} == {name for name, _models in STATIC_PAGES}


def absolute_name(name, language):
    with translation.override(language):
        return HOST + reverse(name)


def test_a_section_is_split_into_pages_of_at_most_its_limit(client, monkeypatch):
    # 6 URLs a page: two companies in their three languages.
    monkeypatch.setattr(SITEMAPS["companies"], "limit", 6)
    CompanyFactory.create_batch(5)  # 15 URLs: pages of 6, 6 and 3
    root = etree.fromstring(client.get(reverse("sitemap")).content)
    locations = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    companies = HOST + section_url("companies")
    assert [companies, f"{companies}?p=2", f"{companies}?p=3"] == [
        loc for loc in locations if loc.startswith(companies)
    ]
    sizes = [len(read_section(client, "companies", p=page)) for page in (1, 2, 3)]
    assert sizes == [6, 6, 3]


@pytest.mark.parametrize("limit", [3, 7])
def test_a_section_page_is_bounded_by_the_limit_whatever_the_rows(
    client, monkeypatch, django_assert_num_queries, limit
):
    """More rows than a page holds: every page has at most `limit` URLs, in the same queries."""
    monkeypatch.setattr(SITEMAPS["press"], "limit", limit)
    PressReleaseFactory.create_batch(3 * limit, translated=True)
    per_page = limit // len(LANGUAGES)
    pages = -(-3 * limit // per_page)
    listed = []
    for page in (1, pages // 2, pages):
        with django_assert_num_queries(2):
            urls = read_section(client, "press", p=page)
        assert 0 < len(urls) <= limit
        listed += urls
    assert len(read_section(client, "press", p=1)) == per_page * len(LANGUAGES)
    assert client.get(section_url("press"), {"p": pages + 1}).status_code == 404
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("query", [{"p": "4"}, {"p": "x"}, {"p": "0"}])
def test_a_bad_page_of_a_section_is_a_404(client, query):
    CompanyFactory()
    assert client.get(section_url("companies"), query).status_code == 404


def test_an_unknown_section_is_a_404(client):
    assert client.get(section_url("nothing")).status_code == 404


def sitemap_query_counts(client):
    """{address: queries} of the index and every section."""
    counts = {}
    for url in [reverse("sitemap"), *(section_url(section) for section in SITEMAPS)]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def add_rows(series, rows, first_number):
    for number in range(first_number, first_number + rows):
        EpisodeFactory(series=series, number=number)
    CompanyFactory.create_batch(rows)
    PersonFactory.create_batch(rows)
    PressReleaseFactory.create_batch(rows)
    for index in range(first_number, first_number + rows):
        MilestoneFactory(date=datetime.date(2018 + index % 7, 1, 1))


def test_sitemap_query_counts_do_not_grow(client, django_assert_num_queries):
    series = SeriesFactory()
    add_rows(series, 3, 1)
    small = sitemap_query_counts(client)
    add_rows(series, 27, 4)
    assert sitemap_query_counts(client) == small
    # A section of objects: the page's rows (their keys a subquery) and
    # their languages mostly missing (one grouped query); the index counts
    # the section, a page does not.
    for section in ("episodes", "companies", "people", "press"):
        with django_assert_num_queries(2):
            assert client.get(section_url(section)).status_code == 200
    # The static pages: the newest change of the six models, one union.
    with django_assert_num_queries(1):
        assert client.get(section_url("pages")).status_code == 200
    # The timeline's years: one aggregate query, however many milestones.
    with django_assert_num_queries(1):
        assert client.get(section_url("timeline")).status_code == 200
    # The index: each section's aggregate (the four of objects and the
    # timeline's), the static pages' union; sections are paged by object,
    # so their counts are all it needs, at any size.
    with django_assert_num_queries(5 + 1):
        assert client.get(reverse("sitemap")).status_code == 200


def test_a_section_of_several_pages_is_counted_and_read_in_bounded_queries(
    client, monkeypatch, django_assert_max_num_queries
):
    """Pages hold objects: one with a language left out makes its page shorter."""
    monkeypatch.setattr(SITEMAPS["press"], "limit", 6)
    PressReleaseFactory.create_batch(2, translated=True)
    PressReleaseFactory(slug_en="half", summary_en="Summary.", summary_it="S.", body_it="<p>C.</p>")
    PressReleaseFactory.create_batch(2, translated=True)
    # 5 releases of two a page, one without French: 14 URLs, pages of 6, 5 and 3.
    with django_assert_max_num_queries(8):
        root = etree.fromstring(client.get(reverse("sitemap")).content)
    press = HOST + section_url("press")
    assert [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)].count(press) == 1
    assert f"{press}?p=3" in [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    pages = []
    for page in (1, 2, 3):
        with django_assert_max_num_queries(8):
            pages.append(read_section(client, "press", p=page))
    assert [len(urls) for urls in pages] == [6, 5, 3]
    listed = [location for urls in pages for location in urls]
    assert len(set(listed)) == 14
    expected = [
        absolute(release, code)
        for release in PressRelease.objects.order_by("pk")
        for code in LANGUAGES
        if not (release.slug_en == "half" and code == "fr")
    ]
    assert listed == expected
    assert client.get(section_url("press"), {"p": "4"}).status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get(reverse("robots_txt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Disallow: {reverse('admin:index')}" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {HOST}{reverse('sitemap')}" in lines


def test_robots_txt_keeps_crawlers_out_of_search_in_every_language(client):
    lines = client.get(reverse("robots_txt")).content.decode().splitlines()
    assert [line for line in lines if "search" in line] == [
        "Disallow: /en/search/",
        "Disallow: /fr/search/",
        "Disallow: /it/search/",
    ]


def test_a_section_page_is_the_xml_djangos_template_writes(client, release, rf):
    """UrlsetTemplate is a faster writer of the same document, not another one."""
    from django.contrib.sites.requests import RequestSite
    from django.template.loader import render_to_string

    from renaulution.sitemaps import URLSET_TEMPLATE

    PressReleaseFactory(slug_en="half", summary_en="S.", summary_it="S.", body_it="<p>C.</p>")
    PressReleaseFactory(slug_en="quote-it", title_en='Say "R&D" <now>')
    urls = SITEMAPS["press"]().get_urls(page=1, site=RequestSite(rf.get("/")), protocol="http")
    urls[0]["priority"], urls[0]["changefreq"] = "0.5", "daily"  # ours are unset; Django's are not

    def canonical(xml):
        parser = etree.XMLParser(remove_blank_text=True)
        return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")

    ours = URLSET_TEMPLATE.render({"urlset": urls})
    assert canonical(ours) == canonical(render_to_string("sitemap.xml", {"urlset": urls}))
    assert client.get(section_url("press")).content.decode().startswith("<?xml")


def test_the_index_is_the_xml_djangos_template_writes(client, monkeypatch):
    """IndexTemplate is a faster writer of the same document, not another one."""
    from django.template.loader import render_to_string

    from renaulution.sitemaps import INDEX_TEMPLATE

    monkeypatch.setattr(SITEMAPS["companies"], "limit", 3)
    CompanyFactory.create_batch(2)  # pages of one company: entries that share a lastmod
    PressReleaseFactory(slug_en="r-and-d")
    response = client.get(reverse("sitemap"))
    sites = response.context_data["sitemaps"]
    assert len(sites) > len(SITEMAPS)

    def canonical(xml):
        parser = etree.XMLParser(remove_blank_text=True)
        return etree.tostring(etree.fromstring(xml.encode(), parser), method="c14n")

    with timezone.override("Europe/Paris"):
        ours = INDEX_TEMPLATE.render({"sitemaps": sites})
        django = render_to_string("sitemap_index.xml", {"sitemaps": sites})
    assert canonical(ours) == canonical(django)
    assert "<lastmod>" in ours
    assert response.content.decode().startswith("<?xml")
