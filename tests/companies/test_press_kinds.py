"""
Honest sources: a press entry is either a company's own release (issuer,
source, press contact, its original title) or the editorial team's
background article (a byline, the company it is about), and pages, the
list's filter, feeds and structured data say which.
"""

import datetime

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation
from lxml import etree

from companies.models import Company, PressRelease
from renaulution.languages import codes
from renaulution.roles import EDITORS
from tests.admin_clients import logged_in, make_user
from tests.factories import CompanyFactory, PressReleaseFactory
from tests.html import read_page

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
NNBSP = "\u202f"

KIND_LABELS = {
    "en": {"release": "Press release", "article": "Background article"},
    "fr": {"release": "Communiqué de presse", "article": "Article de fond"},
    "it": {"release": "Comunicato stampa", "article": "Articolo di approfondimento"},
}
BYLINES = {
    "en": "By the Renaulution editorial team",
    "fr": "Par la rédaction de Renaulution",
    "it": "A cura della redazione di Renaulution",
}
ISSUED_BY = {"en": "Issued by", "fr": "Diffusé par", "it": "Diffuso da"}
ABOUT = {"en": "About", "fr": "Sujet", "it": "Argomento"}
UNDATED = {
    "en": "Undated; not before 1 November 2023",
    "fr": f"Non daté{NNBSP}; pas avant le 1er novembre 2023",
    "it": "Senza data; non prima del 1 novembre 2023",
}
ORIGINAL_TITLE = {
    "en": "Original title (Italian):",
    "fr": f"Titre original (italien){NNBSP}:",
    "it": None,  # the page is in the original language: no such line
}


@pytest.fixture
def issuer():
    return CompanyFactory(name="Pressereleaseldm", kind=Company.Kind.PRESS_OFFICE, slug_en="pr")


@pytest.fixture
def release(issuer):
    return PressReleaseFactory(
        kind=PressRelease.Kind.RELEASE,
        company=issuer,
        slug_en="the-bet",
        title_en="Luca de Meo's bet",
        title_fr="Le pari de Luca de Meo",
        title_it="La scommessa di Luca de Meo",
        original_language="it",
        issued_on=datetime.date(2023, 11, 1),
        date_estimated=True,
        source_name="informazione.it (Comunicati stampa – Industria)",
        source_url="https://www.informazione.it/",
        press_contact="Ufficio Stampa: Franco Nottiani",
    )


@pytest.fixture
def article():
    group = CompanyFactory(name="Renault Group", slug_en="renault-group")
    return PressReleaseFactory(
        kind=PressRelease.Kind.ARTICLE,
        company=group,
        slug_en="the-plan",
        title_en="The plan",
        title_fr="Le plan",
        title_it="Il piano",
        original_language="en",
        issued_on=datetime.date(2021, 1, 14),
    )


def detail(client, obj, language):
    with translation.override(language):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode()), response


def text(element):
    """The text a reader reads, with the narrow no-break spaces kept."""
    return " ".join(element.text_content().replace("\n", " ").split(" ")).strip()


def facts(tree):
    (aside,) = tree.xpath("//main//aside[@aria-labelledby='aside-title']")
    return {row.findtext("dt"): row.find("dd") for row in aside.xpath(".//dl/div")}


# Detail pages -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_release_is_labelled_and_names_its_issuer(client, release, language):
    tree, _response = detail(client, release, language)
    (eyebrow,) = tree.xpath("//main//header//p[@class='eyebrow']")
    assert eyebrow.text == KIND_LABELS[language]["release"]
    assert not tree.xpath("//p[@class='byline']")
    found = facts(tree)
    assert text(found[ISSUED_BY[language]]) == "Pressereleaseldm"
    assert ABOUT[language] not in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_has_the_editorial_byline_and_says_what_it_is_about(client, article, language):
    tree, _response = detail(client, article, language)
    (eyebrow,) = tree.xpath("//main//header//p[@class='eyebrow']")
    assert eyebrow.text == KIND_LABELS[language]["article"]
    (byline,) = tree.xpath("//main//header//p[@class='byline']")
    assert byline.text == BYLINES[language]
    found = facts(tree)
    assert text(found[ABOUT[language]]) == "Renault Group"
    assert ISSUED_BY[language] not in found
    # Nothing cited, no source: none of a release's lines.
    assert not tree.xpath("//*[contains(@class, 'original-title')]")
    assert {"Source", "Fonte", "Press contact", "Contact presse", "Contatto stampa"}.isdisjoint(
        found
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_estimated_date_says_undated_not_before(client, release, language):
    tree, _response = detail(client, release, language)
    (date,) = [dd for dt, dd in facts(tree).items() if dt in ("Date", "Data")]
    assert text(date) == UNDATED[language]
    # The machine-readable date is still the earliest possible one.
    assert date.xpath(".//time/@datetime") == ["2023-11-01"]


def test_an_exact_date_is_just_the_date(client, article):
    tree, _response = detail(client, article, "en")
    assert text(facts(tree)["Date"]) == "14 January 2021"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_original_title_is_given_with_its_language(client, release, language):
    tree, _response = detail(client, release, language)
    lines = tree.xpath("//main//header//p[@class='detail__original-title']")
    if ORIGINAL_TITLE[language] is None:
        assert lines == []
        return
    (line,) = lines
    assert line.text.strip() == ORIGINAL_TITLE[language]
    (title,) = line.findall("span")
    assert title.get("lang") == "it"
    assert title.text == "La scommessa di Luca de Meo"


def test_the_source_links_to_its_address_and_the_press_contact_is_shown(client, release):
    tree, _response = detail(client, release, "en")
    found = facts(tree)
    (link,) = found["Source"].findall("a")
    assert link.text == "informazione.it (Comunicati stampa – Industria)"
    assert link.get("href") == "https://www.informazione.it/"
    assert text(found["Press contact"]) == "Ufficio Stampa: Franco Nottiani"


def test_a_source_without_an_address_is_named_without_a_link(client, release):
    release.source_url = ""
    release.save()
    tree, _response = detail(client, release, "en")
    source = facts(tree)["Source"]
    assert text(source) == "informazione.it (Comunicati stampa – Industria)"
    assert source.findall("a") == []


# Structured data -------------------------------------------------------------------


def structured(client, obj):
    with translation.override("en"):
        url = obj.get_absolute_url()
    (data,) = [d for d in read_page(client.get(url)).structured_data() if "headline" in d]
    return data


def test_a_release_is_authored_by_its_issuer_an_article_by_the_site(client, release, article):
    released = structured(client, release)
    assert [author["name"] for author in released["author"]] == ["Pressereleaseldm"]
    assert "about" not in released
    written = structured(client, article)
    assert [author["name"] for author in written["author"]] == ["Renaulution"]
    assert written["author"][0]["url"].endswith(reverse("home"))
    assert [about["name"] for about in written["about"]] == ["Renault Group"]
    # The site publishes both.
    assert released["publisher"]["name"] == written["publisher"]["name"] == "Renaulution"


def test_an_undated_release_claims_no_publication_date(client, release, article):
    assert "datePublished" not in structured(client, release)
    with translation.override("en"):
        page = read_page(client.get(release.get_absolute_url()))
    assert "article:published_time" not in page.meta
    assert structured(client, article)["datePublished"] == "2021-01-14"


def test_a_draft_company_is_not_what_an_article_is_about(client, article):
    article.company.status = "draft"
    article.company.save()
    data = structured(client, article)
    assert "about" not in data
    tree = lxml.html.fromstring(client.get("/en/press/the-plan/").content.decode())
    (main,) = tree.xpath("//main")
    assert "Renault Group" not in main.text_content()
    assert "About" not in facts(tree)


# The press list ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_labels_each_item_with_its_kind(client, release, article, language):
    with translation.override(language):
        url = reverse("companies:pressrelease_list")
    tree = lxml.html.fromstring(client.get(url).content.decode())
    assert (
        tree.xpath("//main//h1")[0].text
        == {"en": "Press", "fr": "Presse", "it": "Stampa"}[language]
    )
    labels = tree.xpath("//main//span[contains(@class, 'press-item__kind')]/text()")
    # Newest first: the release (November 2023), then the article (January 2021).
    assert labels == [KIND_LABELS[language]["release"], KIND_LABELS[language]["article"]]
    metas = [text(p) for p in tree.xpath("//main//p[@class='press-item__meta']")]
    assert UNDATED[language] in metas[0]


def test_the_kind_filter_lists_one_kind(client, release, article):
    releases = client.get("/en/press/?kind=release")
    assert list(releases.context["object_list"]) == [release]
    articles = client.get("/en/press/?kind=article")
    assert list(articles.context["object_list"]) == [article]
    assert articles.context["list_filtered"]
    tree = lxml.html.fromstring(articles.content.decode())
    (selected,) = tree.xpath("//select[@name='kind']/option[@selected]")
    assert selected.get("value") == "article"
    # A filtered list is a view of the whole list: its canonical is the list's.
    assert read_page(articles).canonical.endswith("/en/press/")


def test_the_kind_filter_combines_with_the_others(client, release, article):
    assert client.get("/en/press/?kind=article&year=2023").context["page_obj"].paginator.count == 0
    response = client.get("/en/press/?kind=release&company=pr&year=2023")
    assert list(response.context["object_list"]) == [release]
    assert "kind=release" in response.context["filter_query"]


@pytest.mark.parametrize("kind", ["news", "RELEASE", "releases", "%3Cscript%3E", "article%20"])
def test_an_unknown_kind_answers_404(client, release, kind):
    assert client.get(f"/en/press/?kind={kind}").status_code == 404


@pytest.mark.parametrize("rows", [3, 300])
def test_the_kind_filter_costs_the_list_s_queries_at_any_size(
    client, django_assert_num_queries, rows
):
    company = CompanyFactory()
    PressReleaseFactory.create_batch(rows, company=company, kind=PressRelease.Kind.ARTICLE)
    PressReleaseFactory.create_batch(rows, company=company)
    # As the unfiltered list: the count, the page's keys, its rows with their
    # companies, the first and last years, the main companies.
    with django_assert_num_queries(5):
        response = client.get("/en/press/?kind=article")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == rows
    assert {r.kind for r in response.context["object_list"]} == {"article"}


def test_search_results_say_which_kind_an_entry_is(client, release, article):
    article.title_en = "The plan for Ampere"
    article.save()
    release.title_en = "Ampere and the north of France"
    release.save()
    tree = lxml.html.fromstring(client.get("/en/search/?q=ampere").content.decode())
    labels = [
        text(p) for p in tree.xpath("//li[contains(@class, 'search-result--pressrelease')]/p")
    ]
    assert any(label.startswith("Background article · 14 January 2021") for label in labels)
    assert any(label.startswith("Press release · " + UNDATED["en"]) for label in labels)


# Feeds -----------------------------------------------------------------------------


def test_feed_items_carry_their_kind_and_an_article_its_team(client, release, article):
    with translation.override("en"):
        url = reverse("companies:pressrelease_feed")
    channel = etree.fromstring(client.get(url).content).find("channel")
    first, second = channel.findall("item")
    creator = "{http://purl.org/dc/elements/1.1/}creator"
    assert [c.text for c in first.findall("category")][0] == "Press release"
    assert first.findtext(creator) == "Pressereleaseldm"
    assert [c.text for c in second.findall("category")][:2] == [
        "Background article",
        "Renault Group",
    ]
    assert second.findtext(creator) == "The Renaulution editorial team"


# Admin ---------------------------------------------------------------------------------


@pytest.fixture
def editor_client():
    return logged_in(make_user("editor", EDITORS))


def test_the_admin_lists_and_filters_by_kind(editor_client, release, article):
    url = reverse("admin:companies_pressrelease_changelist")
    tree = lxml.html.fromstring(editor_client.get(url).content.decode())
    assert tree.xpath("//table[@id='result_list']//th[contains(@class, 'column-kind')]")
    cells = tree.xpath("//table[@id='result_list']//td[contains(@class, 'field-kind')]/text()")
    assert sorted(cells) == ["Background article", "Press release"]
    response = editor_client.get(url + "?kind__exact=article")
    assert list(response.context["cl"].result_list) == [article]


def test_the_admin_form_has_the_kind_and_the_source_fields(editor_client, release):
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    tree = lxml.html.fromstring(editor_client.get(url).content.decode())
    for name in ("kind", "date_estimated", "source_name", "source_url", "press_contact"):
        assert tree.xpath(f"//*[@name='{name}']"), name
    help_text = " ".join(tree.xpath("//*[@id='id_company_helptext']//text()"))
    assert "the company it is about" in help_text


# Company order ----------------------------------------------------------------------------


def test_companies_are_ordered_by_name_case_aside():
    for name in ("Dacia", "bmw", "Alpine", "ampere"):
        CompanyFactory(name=name)
    assert [c.name for c in Company.objects.all()] == ["Alpine", "ampere", "bmw", "Dacia"]


def test_the_admin_lists_companies_case_aside(editor_client):
    for name in ("Dacia", "bmw", "Alpine"):
        CompanyFactory(name=name)
    response = editor_client.get(reverse("admin:companies_company_changelist"))
    assert [c.name for c in response.context["cl"].result_list] == ["Alpine", "bmw", "Dacia"]
