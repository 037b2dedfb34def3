import datetime
import re

import lxml.html
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from lxml import html

from companies.models import TREE_CHILDREN, TREE_GRANDCHILDREN, Company
from renaulution.languages import codes
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

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()


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
@pytest.mark.fourth_language
def test_every_page_answers_in_every_language(client, group, language, path):
    response = client.get(f"/{language}/{path}", follow=True)
    page = read_page(response)
    assert response.status_code == 200
    assert page.lang == language
    # Mostly untranslated versions are left out of the alternates (see
    # tests/translations/test_notices.py); English, the source, never is.
    assert {"en", "x-default"} <= set(page.alternates) <= {*LANGUAGES, "x-default"}
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


def test_company_detail_shows_no_empty_side_column(client):
    def asides(company):
        return html.fromstring(client.get(company.get_absolute_url()).content).xpath("//aside")

    bare = CompanyFactory(name="Bare", slug_en="bare")
    assert asides(bare) == []

    # Only a brand below it: a side column, without an empty list of facts.
    CompanyFactory(name="Below", slug_en="below", parent=bare)
    (aside,) = asides(bare)
    assert aside.xpath(".//dl") == [] and "Key facts" not in aside.text_content()
    assert "See also" in aside.text_content() and "Below" in aside.text_content()

    bare.website = "https://bare.example"
    bare.save()
    (aside,) = asides(bare)
    assert "Key facts" in aside.text_content() and len(aside.xpath(".//dl/div")) == 1


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
        assert "Nothing in the press section matches these filters." in response.content.decode()

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
    # The count, the page's keys, its rows with their companies
    # (renaulution/pagination.py), the first and last years, the main companies.
    with django_assert_num_queries(5):
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
    # The count, the page's keys, its people (the cards show no positions).
    with django_assert_num_queries(3):
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


class TestBoundedCompanyTree:
    """The companies list: top-level companies a page at a time, their children cut."""

    def test_top_level_companies_are_paginated_in_name_order(self, client):
        CompanyFactory.create_batch(settings.COMPANIES_PER_PAGE + 2, kind=Company.Kind.GROUP)
        first = client.get("/en/companies/")
        second = client.get("/en/companies/?page=2")
        names = [c.name for c, _, _ in first.context["tree"] + second.context["tree"]]
        assert len(first.context["tree"]) == settings.COMPANIES_PER_PAGE
        assert len(names) == len(set(names)) == settings.COMPANIES_PER_PAGE + 2
        assert names == sorted(names)
        assert "?page=2" in first.content.decode()
        assert "<title>Companies · page 2" in second.content.decode()

    @pytest.mark.parametrize("query", ["page=3", "page=0", "page=abc", "parent=nobody"])
    def test_bad_pages_and_unknown_parents_answer_404(self, client, group, query):
        assert client.get(f"/en/companies/?{query}").status_code == 404

    def test_children_are_cut_with_a_link_to_the_rest(self, client, group):
        CompanyFactory.create_batch(TREE_CHILDREN, parent=group)  # Dacia and Alpine too
        response = client.get("/en/companies/")
        ((company, children, more),) = response.context["tree"]
        assert company == group and more and len(children) == TREE_CHILDREN
        assert 'href="/en/companies/?parent=renault-group"' in response.content.decode()
        whole = client.get("/fr/companies/?parent=groupe-renault")
        shown = [c for c, _, _ in whole.context["tree"]]
        assert len(shown) == min(TREE_CHILDREN + 2, settings.COMPANIES_PER_PAGE)
        assert all(c.parent_id == group.pk for c in shown)
        assert whole.context["page_obj"].paginator.count == TREE_CHILDREN + 2

    def test_grandchildren_are_shown_and_cut_too(self, client, group):
        alpine = Company.objects.get(name="Alpine")
        CompanyFactory.create_batch(TREE_GRANDCHILDREN + 1, parent=alpine)
        response = client.get("/en/companies/")
        ((_, children, _),) = response.context["tree"]
        alpine_branch = next(b for b in children if b[0] == alpine)
        assert len(alpine_branch[1]) == TREE_GRANDCHILDREN and alpine_branch[2]
        assert "?parent=alpine" in response.content.decode()

    def test_the_child_of_a_draft_parent_stands_at_the_top(self, client):
        hidden = CompanyFactory(name="Hidden group", draft=True)
        CompanyFactory(name="Orphan", parent=hidden)
        tree = client.get("/en/companies/").context["tree"]
        assert [c.name for c, _, _ in tree] == ["Orphan"]
        assert client.get(f"/en/companies/?parent={hidden.slug_en}").status_code == 404

    def test_a_company_page_cuts_its_children_and_links_to_them_all(self, client, group):
        CompanyFactory.create_batch(settings.DETAIL_CHILDREN, parent=group)
        response = client.get("/en/companies/renault-group/")
        assert len(response.context["children"]) == settings.DETAIL_CHILDREN
        assert 'href="/en/companies/?parent=renault-group"' in response.content.decode()

    def test_a_company_page_with_few_children_has_no_such_link(self, client, group):
        assert "?parent=" not in client.get("/en/companies/renault-group/").content.decode()


class TestPeopleList:
    def test_paginated_in_name_order(self, client):
        PersonFactory.create_batch(settings.PEOPLE_PER_PAGE + 1)
        first = client.get("/en/people/")
        assert len(first.context["object_list"]) == settings.PEOPLE_PER_PAGE
        last = client.get("/en/people/?page=2").context["object_list"]
        assert len(last) == 1
        names = [p.name for p in first.context["object_list"]]
        assert names == sorted(names) and last[0].name >= names[-1]

    @pytest.mark.parametrize("query", ["page=2", "page=-1", "page=x"])
    def test_bad_pages_answer_404(self, client, query):
        PersonFactory()
        assert client.get(f"/en/people/?{query}").status_code == 404


class TestPersonPress:
    @pytest.fixture
    def person(self):
        person = PersonFactory(name="Luca de Meo", slug_en="luca-de-meo", slug_fr="luca-fr")
        for day in range(1, settings.DETAIL_PRESS_RELEASES + 4):
            PressReleaseFactory(issued_on=datetime.date(2024, 1, day)).people.add(person)
        PressReleaseFactory(issued_on=datetime.date(2024, 2, 1))  # not mentioning them
        PressReleaseFactory(issued_on=datetime.date(2024, 3, 1), draft=True).people.add(person)
        return person

    def test_a_persons_page_shows_the_latest_and_links_to_them_all(self, client, person):
        response = client.get("/en/people/luca-de-meo/")
        releases = list(response.context["press_releases"])
        assert len(releases) == settings.DETAIL_PRESS_RELEASES
        assert releases[0].issued_on == datetime.date(2024, 1, settings.DETAIL_PRESS_RELEASES + 3)
        assert 'href="/en/press/?person=luca-de-meo"' in response.content.decode()

    def test_the_press_list_filters_by_person_in_any_language(self, client, person):
        for path in ["/en/press/?person=luca-de-meo", "/fr/press/?person=luca-fr"]:
            response = client.get(path)
            assert response.context["selected_person"] == person
            assert response.context["page_obj"].paginator.count == (
                settings.DETAIL_PRESS_RELEASES + 3
            )
        content = client.get("/en/press/?person=luca-de-meo").content.decode()
        assert 'name="person" value="luca-de-meo"' in content  # kept by the form
        assert "person=luca-de-meo&amp;page=2" in content  # and across pages

    @pytest.mark.parametrize("slug", ["nobody", "%3Cscript%3E", "hidden"])
    def test_an_unknown_or_draft_person_answers_404(self, client, person, slug):
        PersonFactory(slug_en="hidden", draft=True)
        assert client.get(f"/en/press/?person={slug}").status_code == 404


class TestPressFilters:
    def test_the_company_filter_is_a_text_field_not_a_select(self, client, group):
        CompanyFactory.create_batch(30)
        content = client.get("/en/press/").content.decode()
        assert '<select id="filter-company"' not in content
        assert '<input id="filter-company" name="company" type="search"' in content

    @pytest.mark.parametrize("typed", ["renault+group", "RENAULT+GROUP", "+Renault++Group+"])
    def test_a_typed_company_name_is_found_whatever_its_case(self, client, group, typed):
        response = client.get(f"/en/press/?company={typed}")
        assert response.context["selected_company"] == group
        assert 'value="Renault Group"' in response.content.decode()

    def test_the_main_companies_are_a_few_links(self, client, group):
        CompanyFactory.create_batch(settings.PRESS_FILTER_COMPANIES + 5, kind=Company.Kind.GROUP)
        CompanyFactory(name="A partner", kind=Company.Kind.PARTNER)
        response = client.get("/en/press/")
        main = list(response.context["main_companies"])
        assert len(main) == settings.PRESS_FILTER_COMPANIES
        assert all(c.kind == Company.Kind.GROUP or c.parent.kind == "group" for c in main)
        assert 'href="?company=alpine"' in response.content.decode()

    def test_years_run_from_the_last_to_the_first_publication(self, client, group):
        PressReleaseFactory(issued_on=datetime.date(2019, 5, 1))
        PressReleaseFactory(issued_on=datetime.date(2016, 5, 1), draft=True)
        years = client.get("/en/press/").context["filter_years"]
        assert years == [2024, 2023, 2022, 2021, 2020, 2019]

    def test_without_press_releases_there_are_no_years(self, client):
        assert client.get("/en/press/").context["filter_years"] == []


class TestCompanyTreeNamesAndLogos:
    """The tree sorts names case aside and shows each company's logo beside its name."""

    def test_names_sort_whatever_their_case(self, client):
        # Created out of order; "ampere" before "Ampere" so that the id breaks their tie.
        for name in ("Zoe", "ampere", "Ampere", "bravo", "Charlie"):
            CompanyFactory(name=name, kind=Company.Kind.GROUP)
        tree = client.get("/en/companies/").context["tree"]
        # A binary (SQLite) or C collation would put the lower-case names after "Zoe".
        assert [c.name for c, _, _ in tree] == ["ampere", "Ampere", "bravo", "Charlie", "Zoe"]

    def test_children_sort_whatever_their_case_too(self, client, group):
        CompanyFactory(name="ampere", parent=group)
        CompanyFactory(name="zeta", parent=group)
        ((_, children, _),) = client.get("/en/companies/").context["tree"]
        assert [c.name for c, _, _ in children] == ["Alpine", "ampere", "Dacia", "zeta"]
        whole = client.get("/en/companies/?parent=renault-group").context["tree"]
        assert [c.name for c, _, _ in whole] == ["Alpine", "ampere", "Dacia", "zeta"]

    def test_pages_cut_the_case_blind_order_without_repeats(self, client, settings):
        names = [
            f"{'a' if n % 2 else 'A'}cme {n:02d}" for n in range(settings.COMPANIES_PER_PAGE + 3)
        ]
        for name in reversed(names):
            CompanyFactory(name=name, kind=Company.Kind.GROUP)
        first = client.get("/en/companies/").context["tree"]
        second = client.get("/en/companies/?page=2").context["tree"]
        assert [c.name for c, _, _ in first + second] == names

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_each_company_shows_its_logo_beside_its_name(self, client, group, language):
        dacia = Company.objects.get(name="Dacia")
        CompanyFactory(name="Ampere", parent=group, with_image=True)
        CompanyFactory(name="Hidden brand", parent=group, with_image=True, draft=True)
        with translation.override(language):
            response = client.get(reverse("companies:company_list"))
            dacia_url = dacia.get_absolute_url()
        tree = html.fromstring(response.content)
        (link,) = tree.xpath('//a[@class="tree__name"][normalize-space()="Ampere"]')
        (img,) = link.xpath(".//img")
        assert img.get("class") == "tree__logo" and img.get("alt") == ""
        assert img.get("width") and img.get("loading") == "lazy"
        assert link.xpath(".//source[@type='image/webp']/@srcset")
        # A company without a logo is its name alone; a draft is never shown.
        (dacia_link,) = tree.xpath(f'//a[@href="{dacia_url}"]')
        assert dacia_link.xpath(".//img") == []
        assert "Hidden brand" not in response.content.decode()

    @pytest.mark.parametrize("rows", [2, 6])
    def test_logos_cost_no_query(self, client, django_assert_num_queries, rows):
        for group in CompanyFactory.create_batch(rows, kind=Company.Kind.GROUP, with_image=True):
            CompanyFactory(parent=group, with_image=True)
        # As in test_company_tree_query_count_does_not_grow: the count, the
        # page, the children, their children. The logos' sizes are columns of
        # the rows; whether a rendition exists is asked of the cache, not the
        # database (renaulution/images.py).
        with django_assert_num_queries(4):
            response = client.get("/en/companies/")
        assert response.content.decode().count('class="tree__logo"') == rows * 2


def aside_facts(response):
    """The key facts of a detail page's side column, as {term: [values]}."""
    tree = lxml.html.fromstring(response.content.decode())
    (aside,) = tree.xpath("//main//aside[@aria-labelledby='aside-title']")
    return {
        row.findtext("dt"): [" ".join(dd.text_content().split()) for dd in row.findall("dd")]
        for row in aside.xpath(".//dl/div")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_s_key_facts_are_the_positions_held_now(client, language):
    person = PersonFactory(slug_en="someone")
    group = CompanyFactory(name="Renault Group")
    PositionFactory(person=person, company=CompanyFactory(name="Ampere"), title_en="Chair")
    PositionFactory(
        person=person,
        company=group,
        title_en="Intern",
        start_date=datetime.date(1990, 1, 1),
        end_date=datetime.date(1991, 1, 1),
    )
    with translation.override(language):
        response = client.get(person.get_absolute_url())
        current = str(translation.gettext("Current positions"))
    facts = aside_facts(response)
    assert list(facts) == [current]
    assert len(facts[current]) == 1 and "Ampere" in facts[current][0]


def test_someone_who_left_has_the_latest_position_as_key_fact(client):
    person = PersonFactory(slug_en="former")
    PositionFactory(
        person=person,
        company=CompanyFactory(name="Ampere"),
        start_date=datetime.date(2023, 11, 1),
        end_date=datetime.date(2025, 7, 15),
    )
    PositionFactory(
        person=person,
        company=CompanyFactory(name="Renault Group"),
        start_date=datetime.date(2020, 7, 1),
        end_date=datetime.date(2025, 7, 15),
    )
    facts = aside_facts(client.get("/en/people/former/"))
    assert facts == {"Latest position": ["Chief executive officer, Ampere (2023–2025)"]}


def test_a_draft_company_is_never_a_key_fact(client):
    person = PersonFactory(slug_en="someone")
    PositionFactory(person=person, company=CompanyFactory(name="Secret Co", draft=True))
    PositionFactory(person=person, company=CompanyFactory(name="Dacia"))
    page = client.get("/en/people/someone/").content.decode()
    assert "Secret Co" not in page
    assert aside_facts(client.get("/en/people/someone/"))["Current positions"] == [
        "Chief executive officer, Dacia"
    ]


def test_detail_headings_keep_their_outline_with_the_side_column(client, group):
    """The text's sections, then the aside's title (h2) and its lists (h3): no level skipped."""
    release = PressReleaseFactory(slug_en="release", company=group)
    release.people.add(*PersonFactory.create_batch(2))
    for path in ("/en/companies/renault-group/", "/en/press/release/"):
        levels = heading_levels(client.get(path))
        assert levels[0] == 1 and levels.count(1) == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (path, levels)
        assert 3 in levels, f"{path}: the aside lists no related items"
