import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from companies.models import Company
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
)
from tests.html import read_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "it"]


@pytest.fixture
def group():
    """Renault Group with two brands, a person and a press release."""
    group = CompanyFactory(
        name="Renault Group",
        kind=Company.Kind.GROUP,
        slug_en="renault-group",
        slug_fr="groupe-renault",
        slug_it="gruppo-renault",
    )
    CompanyFactory(name="Dacia", parent=group, slug_en="dacia")
    CompanyFactory(name="Alpine", parent=group, slug_en="alpine")
    PositionFactory(
        person=PersonFactory(name="Luca de Meo", slug_en="luca-de-meo"),
        company=group,
    )
    PressReleaseFactory(company=group, title_en="Ampere starts", slug_en="ampere-starts")
    return group


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "companies/",
        "companies/renault-group/",
        "people/",
        "people/luca-de-meo/",
        "press/",
        "press/ampere-starts/",
    ],
)
def test_every_page_answers_in_every_language(client, group, language, path):
    response = client.get(f"/{language}/{path}", follow=True)
    page = read_page(response)
    assert response.status_code == 200
    assert page.lang == language
    # Mostly untranslated versions are left out of the alternates (see
    # tests/translations/test_readers.py); English, the source, never is.
    assert {"en", "x-default"} <= set(page.alternates) <= {"en", "fr", "it", "x-default"}
    assert set(page.switcher) == set(LANGUAGES) - {language}
    assert all(url.startswith(f"/{code}/") for code, url in page.switcher.items())


def test_company_switcher_uses_each_languages_slug(client, group):
    page = read_page(client.get("/en/companies/renault-group/"))
    assert page.switcher == {
        "fr": "/fr/companies/groupe-renault/",
        "it": "/it/companies/gruppo-renault/",
    }


def test_companies_are_shown_as_a_group_tree(client, group):
    CompanyFactory(name="Nissan", kind=Company.Kind.PARTNER)
    response = client.get("/en/companies/")
    tree = {
        company.name: [child.name for child, _, _ in children]
        for company, children, _ in response.context["tree"]
    }
    assert tree == {"Nissan": [], "Renault Group": ["Alpine", "Dacia"]}
    content = response.content.decode()
    group_link = content.index(">Renault Group</a>")
    # The brands are in a list nested inside the group's item.
    assert group_link < content.index('<ul class="tree">', group_link) < content.index(">Dacia</a>")


def test_company_detail_links_brands_people_press_and_episodes(client, group):
    episode_link = EpisodeCompanyFactory(company=group)
    content = client.get("/en/companies/renault-group/").content.decode()
    for url in [
        "/en/companies/dacia/",
        "/en/companies/alpine/",
        "/en/people/luca-de-meo/",
        "/en/press/ampere-starts/",
        "/en/press/?company=renault-group",
        episode_link.episode.get_absolute_url(),
    ]:
        assert f'href="{url}"' in content


def test_person_detail_links_positions_episodes_and_press(client, group):
    person = group.positions.get().person
    release = group.press_releases.get()
    release.people.add(person)
    episode = EpisodeCompanyFactory().episode
    episode.people.add(person)
    content = client.get(person.get_absolute_url()).content.decode()
    for url in [
        "/en/companies/renault-group/",
        release.get_absolute_url(),
        episode.get_absolute_url(),
    ]:
        assert f'href="{url}"' in content
    with translation.override("fr"):
        content = client.get(person.get_absolute_url()).content.decode()
    assert "Directeur général" in content


def test_a_draft_company_answers_404_and_is_not_in_the_tree(client, group):
    CompanyFactory(name="Secret Brand", slug_en="secret-brand", parent=group, draft=True)
    assert client.get("/en/companies/secret-brand/").status_code == 404
    assert "Secret Brand" not in client.get("/en/companies/").content.decode()
    assert "Secret Brand" not in client.get("/en/companies/renault-group/").content.decode()


def test_a_press_release_scheduled_in_the_future_is_not_public(client, group):
    from django.utils import timezone

    PressReleaseFactory(
        slug_en="tomorrow", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert client.get("/en/press/tomorrow/").status_code == 404


def test_draft_person_answers_404(client):
    PersonFactory(slug_en="hidden", draft=True)
    assert client.get("/en/people/hidden/").status_code == 404


class TestPressList:
    @pytest.fixture
    def releases(self, group):
        nissan = CompanyFactory(name="Nissan", slug_en="nissan", slug_fr="nissan-fr")
        for day in range(1, 13):
            PressReleaseFactory(company=group, issued_on=datetime.date(2023, 1, day))
        for day in range(1, 4):
            PressReleaseFactory(company=nissan, issued_on=datetime.date(2022, 6, day))
        return nissan

    def test_paginated_newest_first(self, client, releases):
        response = client.get("/en/press/")
        assert response.context["page_obj"].paginator.count == 16
        dates = [r.issued_on for r in response.context["object_list"]]
        assert dates == sorted(dates, reverse=True)
        assert len(dates) == 10
        assert client.get("/en/press/?page=2").context["object_list"].__len__() == 6

    def test_filter_by_company_and_year(self, client, group, releases):
        response = client.get("/en/press/?company=nissan")
        assert {r.company for r in response.context["object_list"]} == {releases}
        response = client.get("/en/press/?year=2023")
        assert response.context["page_obj"].paginator.count == 12
        response = client.get("/en/press/?company=renault-group&year=2022")
        assert response.context["page_obj"].paginator.count == 0
        assert "No press release matches these filters." in response.content.decode()

    def test_filter_accepts_a_companys_slug_in_any_language(self, client, releases):
        for path in ["/fr/press/?company=nissan-fr", "/fr/press/?company=nissan"]:
            response = client.get(path)
            assert response.status_code == 200
            assert response.context["selected_company"] == releases

    def test_filters_are_kept_across_pages(self, client, releases):
        content = client.get("/en/press/?year=2023").content.decode()
        assert "?year=2023&amp;page=2" in content

    @pytest.mark.parametrize(
        "query",
        [
            "page=abc",
            "page=-1",
            "page=0",
            "page=99999",
            "page=1.5",
            "company=x",
            "company=%3Cscript%3E",
            "year=abcd",
            "year=20233",
            "year=-1",
            "company=nissan&year=12",
        ],
    )
    def test_bad_input_answers_404_not_500(self, client, releases, query):
        assert client.get(f"/en/press/?{query}").status_code == 404

    def test_unknown_parameters_are_ignored(self, client, releases):
        assert client.get("/en/press/?utm_source=x&foo=bar").status_code == 200

    def test_a_nul_byte_even_in_an_unknown_parameter_is_a_400(self, client, releases):
        # No parameter of any page can mean a NUL: refused before the view
        # (renaulution/middleware.py), wherever it is.
        assert client.get("/en/press/?utm_source=x&foo=%00").status_code == 400

    def test_last_page_is_accepted(self, client, releases):
        assert client.get("/en/press/?page=last").status_code == 200


@pytest.mark.parametrize("rows", [3, 300])
def test_press_list_query_count_does_not_grow(client, django_assert_num_queries, rows):
    company = CompanyFactory()
    PressReleaseFactory.create_batch(rows, company=company)
    # count, page rows with their company, the company filter and the years.
    with django_assert_num_queries(4):
        response = client.get("/en/press/")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 300])
def test_company_tree_query_count_does_not_grow(client, django_assert_num_queries, rows):
    for group in CompanyFactory.create_batch(rows, kind=Company.Kind.GROUP):
        for brand in CompanyFactory.create_batch(3, parent=group):
            CompanyFactory(parent=brand)
    # The count of top-level companies, one page of them, their first
    # children, and those children's first children (sliced prefetches).
    with django_assert_num_queries(4):
        response = client.get("/en/companies/")
    shown = min(rows, settings.COMPANIES_PER_PAGE)
    assert response.content.decode().count("tree__name") == shown * (1 + 3 + 3)


@pytest.mark.parametrize("rows", [3, 300])
def test_people_list_query_count_does_not_grow(client, django_assert_num_queries, rows):
    company = CompanyFactory()
    for person in PersonFactory.create_batch(rows):
        PositionFactory(person=person, company=company)
    # The count, then one page of people (the cards show no positions).
    with django_assert_num_queries(2):
        response = client.get("/en/people/")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 300])
def test_company_detail_query_count_does_not_grow(client, django_assert_num_queries, rows):
    group = CompanyFactory(slug_en="group")
    CompanyFactory.create_batch(rows, parent=group)
    for person in PersonFactory.create_batch(rows):
        PositionFactory(person=person, company=group)
    PressReleaseFactory.create_batch(rows, company=group)
    for _ in range(3):
        EpisodeCompanyFactory(company=group)
    MilestoneFactory.create_batch(min(rows, 30), companies=[group])
    # company with parent, children, positions with people, press, episodes,
    # its milestones (+1: one query, they link to the timeline page only),
    # and the company's translation states (for the notice and alternates).
    with django_assert_num_queries(7):
        assert client.get("/en/companies/group/").status_code == 200


@pytest.mark.parametrize("rows", [3, 300])
def test_person_detail_query_count_does_not_grow(client, django_assert_num_queries, rows):
    person = PersonFactory(slug_en="someone")
    for _ in range(rows):
        PositionFactory(person=person)
    for release in PressReleaseFactory.create_batch(min(rows, 30)):
        release.people.add(person)
    MilestoneFactory.create_batch(min(rows, 30), people=[person])
    # person, positions with companies, episodes, press releases, milestones
    # (+1: one query, they link to the timeline page only), states.
    with django_assert_num_queries(6):
        assert client.get("/en/people/someone/").status_code == 200


def test_press_detail_query_count(client, django_assert_num_queries):
    release = PressReleaseFactory(slug_en="release")
    release.people.add(*PersonFactory.create_batch(5))
    MilestoneFactory.create_batch(3, press_releases=[release])
    # release with company, people mentioned, milestones (+1: one query, they
    # link to the timeline page only), translation states.
    with django_assert_num_queries(4):
        assert client.get("/en/press/release/").status_code == 200


def heading_levels(response):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", response.content.decode())]


@pytest.mark.parametrize("language", LANGUAGES)
def test_press_release_titles_never_skip_a_heading_level(client, group, language):
    """On the press list a title is an h2 under the h1; on the home page, an h3 under its h2."""
    with translation.override(language):
        press_list, home = reverse("companies:pressrelease_list"), reverse("home")
    assert heading_levels(client.get(press_list)) == [1, 2]
    assert heading_levels(client.get(home)) == [1, 2, 3]
