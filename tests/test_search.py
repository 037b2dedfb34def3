"""
Search (renaulution/search.py and the /<lang>/search/ page) on both databases.

Both promise the same: words stemmed and accents folded by the reader's
language, websearch syntax, titles and names first, only published content,
read through an index (GIN on PostgreSQL, FTS5 on SQLite). CI runs the suite
on both; no test here depends on which one it runs on, except for the name
of the index in the query plan.
"""

import datetime
import io
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from companies.models import Company, Person, PressRelease
from episodes.models import Episode
from renaulution import search as search_module
from renaulution import search_index
from renaulution.languages import codes, non_default_codes
from renaulution.search import MAX_QUERY_LENGTH, clean_query, search
from renaulution.seo import SEARCH_DESCRIPTION
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
)
from tests.html import read_page
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()


def found(query, language):
    """The (kind, object) pairs of the first page, best first."""
    with translation.override(language):
        return [(result.kind, result.object) for result in search(query, language=language)[:50]]


def search_page(client, language, query, **params):
    with translation.override(language):
        url = reverse("search")
    return client.get(url, {"q": query, **params})


class SearchForm(HTMLParser):
    """The forms with role="search" of a page, their labels and inputs."""

    def __init__(self):
        super().__init__()
        self.forms, self.labels, self.inputs = [], {}, {}
        self._label = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("role") == "search":
            self.forms.append(attrs)
        elif tag == "label" and self.forms:
            self._label = attrs.get("for")
            self.labels[self._label] = ""
        elif tag == "input" and self.forms:
            self.inputs[attrs.get("id")] = attrs

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None


# Each language's text of one press release, one company, one person and
# one episode, with words that exist in one language only.
TEXTS = {
    "en": {"title": "The battery plant", "word": "battery"},
    "fr": {"title": "L'usine de batteries", "word": "usine"},
    "it": {"title": "La fabbrica di batterie", "word": "fabbrica"},
}


@pytest.fixture
def trilingual():
    release = PressReleaseFactory(
        title_en=TEXTS["en"]["title"],
        title_fr=TEXTS["fr"]["title"],
        title_it=TEXTS["it"]["title"],
        slug_en="battery-plant",
        slug_fr="usine-de-batteries",
        slug_it="fabbrica-di-batterie",
        summary_en="Renault opens a plant in Douai.",
        summary_fr="Renault ouvre une usine à Douai.",
        summary_it="Renault apre una fabbrica a Douai.",
    )
    return release


class TestLanguages:
    # The languages `trilingual` is written in.
    @pytest.mark.parametrize("language", list(TEXTS))
    def test_a_word_of_the_readers_language_finds_the_document(self, trilingual, language):
        assert found(TEXTS[language]["word"], language) == [("pressrelease", trilingual)]

    @pytest.mark.parametrize("language", list(TEXTS))
    def test_a_word_of_another_language_finds_nothing(self, trilingual, language):
        for other in TEXTS:
            if other != language:
                assert found(TEXTS[other]["word"], language) == []

    @pytest.mark.parametrize("language", non_default_codes())
    @pytest.mark.fourth_language
    def test_an_untranslated_field_is_searched_in_english_as_readers_see_it(self, language):
        # Readers of an empty title in their language see the English one.
        release = PressReleaseFactory(
            title_en="Alpine returns to Le Mans",
            **{f"title_{code}": "" for code in non_default_codes()},
        )
        assert found("Mans", language) == [("pressrelease", release)]

    @pytest.mark.fourth_language
    def test_names_are_searched_in_every_language(self):
        company = CompanyFactory(name="Ampere")
        person = PersonFactory(name="Luca de Meo")
        for language in LANGUAGES:
            assert found("Ampere", language) == [("company", company)]
            assert found("Luca de Meo", language) == [("person", person)]

    def test_every_kind_of_content_is_found(self):
        release = PressReleaseFactory(summary_en="The Renaulution plan, year three.")
        company = CompanyFactory(tagline_en="Born from the Renaulution")
        person = PersonFactory(headline_en="Architect of the Renaulution")
        episode = EpisodeFactory(synopsis_en="<p>How the Renaulution began.</p>")
        assert sorted(found("Renaulution", "en"), key=lambda pair: pair[0]) == [
            ("company", company),
            ("episode", episode),
            ("person", person),
            ("pressrelease", release),
        ]


class TestFullText:
    """Stemming and accent folding, by the reader's language."""

    @pytest.mark.parametrize(
        ("language", "text", "query"),
        [
            ("fr", "Une voiture électrique pour tous", "électriques"),
            ("fr", "Une voiture électrique pour tous", "electrique"),
            ("fr", "Les moteurs électriques", "ÉLECTRIQUE"),
            ("fr", "La Renault 5 électrique", "electrique"),
            ("it", "Una piattaforma elettrica", "elettriche"),
            ("it", "Le tempeste del mercato europeo", "tempesta"),
            ("it", "Una tempesta sul mercato", "tempeste"),
            ("en", "An electrical architecture", "electric"),
            ("en", "Electric cars", "electrics"),
        ],
    )
    def test_stemmed_and_unaccented_words_find_the_document(self, language, text, query):
        release = PressReleaseFactory(
            **{
                f"summary_{language}": text,
                "title_en": "Quarterly news",
                "title_fr": "",
                "title_it": "",
            }
        )
        assert found(query, language) == [("pressrelease", release)]

    def test_stemming_follows_the_readers_language(self):
        # French stems "chevaux" to "cheval"; English has no such rule, so
        # the plural does not find the singular there.
        release = PressReleaseFactory(title_en="cheval", title_fr="cheval")
        assert found("chevaux", "fr") == [("pressrelease", release)]
        assert found("chevaux", "en") == []

    @pytest.mark.parametrize("query", ["Ampère", "ampere", "AMPÈRE", "Ampere"])
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_a_name_is_found_with_or_without_its_accent(self, query, language):
        plain = CompanyFactory(name="Ampere")
        accented = PressReleaseFactory(**{f"title_{code}": "Le nom d'Ampère" for code in LANGUAGES})
        assert {obj for _kind, obj in found(query, language)} == {plain, accented}

    def test_websearch_syntax_excludes_and_quotes(self):
        alpine = PressReleaseFactory(title_en="Alpine electric sports car")
        dacia = PressReleaseFactory(title_en="Dacia electric city car")
        assert found("electric -alpine", "en") == [("pressrelease", dacia)]
        assert found('"sports car"', "en") == [("pressrelease", alpine)]
        assert {obj for _kind, obj in found("alpine or dacia", "en")} == {alpine, dacia}

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_table_is_searched_through_its_index(self, language):
        if connection.vendor == "sqlite":
            # One FTS5 table per language answers every kind's matches.
            PressReleaseFactory(title_en="Ampere", title_fr="", title_it="")
            results = search("ampere", language=language)
            rows = results.index_rows("EXPLAIN QUERY PLAN SELECT * FROM ({})", [])
            plan = "\n".join(str(row) for row in rows)
            # Each kind: its matches from the index, then a primary-key probe each.
            assert plan.count("VIRTUAL TABLE INDEX") == len(search_module.SOURCES), plan
            assert "INTEGER PRIMARY KEY" in plan, plan
            return
        # Enough published rows that reading them through the status index
        # costs more than the GIN index, built in bulk to stay quick.
        rows = 400
        company, series = CompanyFactory(), SeriesFactory()
        PressRelease.objects.bulk_create(PressReleaseFactory.build_batch(rows, company=company))
        Company.objects.bulk_create(CompanyFactory.build_batch(rows))
        Person.objects.bulk_create(PersonFactory.build_batch(rows))
        Episode.objects.bulk_create(EpisodeFactory.build_batch(rows, series=series))
        Milestone.objects.bulk_create(MilestoneFactory.build_batch(rows))
        PressReleaseFactory(title_en="Ampere", title_fr="", title_it="")
        tables = [
            "episodes_episode",
            "companies_company",
            "companies_person",
            "companies_pressrelease",
            "timeline_milestone",
        ]
        with connection.cursor() as cursor:
            # With statistics, the planner knows that every row is published
            # (the status index narrows nothing) and that the word is rare; a
            # sequential scan of a few pages may still look cheaper, so it is
            # forbidden for this transaction.
            cursor.execute(f"ANALYZE {', '.join(tables)}")
            for table in tables:
                # Fresh rows wait in the index's pending list until a vacuum;
                # merge them as autovacuum would have.
                cursor.execute(
                    "SELECT gin_clean_pending_list(%s::regclass)", [f"{table}_search_{language}"]
                )
            cursor.execute("SET LOCAL enable_seqscan = off")
        results = search("ampere", language=language)
        plan = results.keys.explain()
        for table in tables:
            assert f"{table}_search_{language}" in plan, plan
        assert [result.object.title_en for result in results[:10]] == ["Ampere"]


class TestWords:
    def test_every_word_is_found_case_insensitively_by_its_stem(self):
        release = PressReleaseFactory(title_en="Electrical architecture", summary_en="For Ampere.")
        assert found("ELECTRIC ampere", "en") == [("pressrelease", release)]
        assert found("electric dacia", "en") == []

    def test_an_excluded_word_alone_finds_nothing(self):
        release = PressReleaseFactory(title_en="Alpine electric")
        assert found("electric -dacia", "en") == [("pressrelease", release)]
        assert found("-electric", "en") == []


class TestPublication:
    def test_drafts_and_scheduled_content_never_appear(self):
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        # The same title in every language, so that each language could find it.
        titled = {f"title_{language}": "Ampere" for language in LANGUAGES}
        PressReleaseFactory(**titled, draft=True)
        PressReleaseFactory(**titled, published_at=tomorrow)
        CompanyFactory(name="Ampere", draft=True)
        PersonFactory(name="Ampere Person", draft=True)
        EpisodeFactory(**titled, draft=True)
        EpisodeFactory(**titled, series=SeriesFactory(draft=True))
        published = PressReleaseFactory(**titled)
        for language in LANGUAGES:
            assert found("Ampere", language) == [("pressrelease", published)]

    def test_expired_content_and_draft_milestones_never_appear(self):
        now = timezone.now()
        PressReleaseFactory(
            title_en="Ampere",
            published_at=now - datetime.timedelta(days=2),
            expires_at=now - datetime.timedelta(days=1),
        )
        MilestoneFactory(title_en="Ampere launched", draft=True)
        MilestoneFactory(title_en="Ampere launched", published_at=now + datetime.timedelta(days=1))
        assert found("Ampere", "en") == []


class TestMilestones:
    def test_a_milestone_is_found_in_each_language_and_linked_to_its_timeline_entry(self, client):
        milestone = MilestoneFactory(
            date=datetime.date(2023, 11, 1),
            slug="ampere-launched",
            title_en="Ampere is launched",
            title_fr="Lancement d'Ampère",
            title_it="Nasce Ampere",
            summary_en="The electric unit starts.",
            summary_fr="L'entité électrique démarre.",
            summary_it="L'unità elettrica parte.",
        )
        for language, query in [("en", "launch"), ("fr", "lancements"), ("it", "elettriche")]:
            assert found(query, language) == [("milestone", milestone)]
            content = search_page(client, language, query).content.decode()
            assert f'href="/{language}/timeline/2023/#ampere-launched"' in content
            with translation.override(language):
                label = str(search_module.SOURCES["milestone"].label)
            assert f'<p class="search-result__kind">{label}' in content


class TestIndexFollowsWrites:
    """Every write reaches the index: no old word finds, every new word does."""

    def test_an_edited_title_is_found_by_its_new_word_not_its_old_one(self):
        release = PressReleaseFactory(title_en="Alpine returns", title_fr="", title_it="")
        release.title_en = "Dacia arrives"
        release.save()
        for language in LANGUAGES:
            assert found("dacia", language) == [("pressrelease", release)]
            assert found("alpine", language) == []

    def test_a_bulk_update_of_a_text_is_found(self):
        milestone = MilestoneFactory(title_en="Alpine returns", title_fr="", title_it="")
        type(milestone).objects.filter(pk=milestone.pk).update(title_en="Dacia arrives")
        assert found("dacia", "fr") == [("milestone", milestone)]
        assert found("alpine", "fr") == []

    def test_a_deleted_object_leaves_the_index(self):
        company = CompanyFactory(name="Ampere")
        before = search_index.is_complete()
        company.delete()
        assert found("ampere", "en") == []
        assert before and search_index.is_complete()

    def test_the_rebuild_command_catches_up_rows_written_in_bulk(self):
        company = CompanyFactory()
        [release] = PressRelease.objects.bulk_create(
            PressReleaseFactory.build_batch(1, company=company, title_en="Voltaic")
        )
        call_command("rebuild_search_index", "--if-needed", stdout=io.StringIO())
        assert found("voltaic", "en") == [("pressrelease", release)]
        assert search_index.is_complete()


class TestRanking:
    def test_a_title_match_comes_before_a_body_match(self):
        in_body = PressReleaseFactory(
            title_en="Quarterly results", body_en="<p>The Megane sold well.</p>"
        )
        in_title = PressReleaseFactory(title_en="Megane E-Tech", body_en="<p>Details.</p>")
        assert found("megane", "en") == [("pressrelease", in_title), ("pressrelease", in_body)]

    def test_a_name_comes_before_a_mention(self):
        mention = PressReleaseFactory(summary_en="Interview with Gilles Le Borgne.")
        person = PersonFactory(name="Gilles Le Borgne")
        assert found("Borgne", "en") == [("person", person), ("pressrelease", mention)]


class TestPage:
    def test_results_are_labelled_highlighted_and_linked_in_the_readers_language(
        self, client, trilingual
    ):
        company = CompanyFactory(
            name="Usine Motors", slug_en="usine-motors", slug_fr="usine-moteurs"
        )
        response = search_page(client, "fr", "usine")
        content = response.content.decode()
        assert response.status_code == 200
        assert 'href="/fr/press/usine-de-batteries/"' in content
        with translation.override("fr"):
            assert company.get_absolute_url() == "/fr/companies/usine-moteurs/"
        assert 'href="/fr/companies/usine-moteurs/"' in content
        assert "<mark>usine</mark>" in content.lower()

    def test_each_result_says_what_it_is(self, client):
        PressReleaseFactory(title_en="Ampere news")
        CompanyFactory(name="Ampere")
        PersonFactory(name="Ampere Person")
        EpisodeFactory(title_en="Ampere episode")
        content = search_page(client, "en", "ampere").content.decode()
        for kind, label in [
            ("pressrelease", "Press release"),
            ("company", "Company"),
            ("person", "Person"),
            ("episode", "Episode"),
        ]:
            assert f'search-result--{kind}">\n    <p class="search-result__kind">{label}' in content

    def test_the_snippet_highlights_the_match_and_escapes_the_text(self, client):
        PressReleaseFactory(
            title_en="Quarterly news",
            summary_en="<script>alert(1)</script> Ampere & Dacia grow.",
        )
        content = search_page(client, "en", "dacia").content.decode()
        snippet = content.split('class="search-result__snippet">')[1].split("</p>")[0]
        # PostgreSQL's headline drops what its parser reads as a tag; the
        # SQLite fallback shows it escaped. Neither lets it through.
        assert "<script" not in snippet
        assert "<mark>Dacia</mark>" in snippet
        assert "Ampere &amp; " in snippet

    def test_rich_text_markup_is_not_shown_in_snippets(self, client):
        PressReleaseFactory(
            title_en="Quarterly news",
            summary_en="",
            body_en="<p>A new era.</p><p>The <strong>Renault 5</strong> returns.</p><p>Orders</p>",
        )
        content = search_page(client, "en", "returns").content.decode()
        snippet = content.split('class="search-result__snippet">')[1].split("</p>")[0]
        assert "strong" not in snippet
        assert "Renault 5" in snippet
        # Paragraphs stay apart: no words glued where a tag was.
        assert not re.search(r"era\.The|returns\.Orders", snippet), snippet
        assert "<mark>returns</mark>" in snippet

    def test_the_snippet_ends_each_field_before_the_next(self, client):
        CompanyFactory(
            name="Ampere",
            tagline_en="Born from the Renaulution",
            description_en="<p>The electric unit!</p>",
            headquarters_en="Boulogne-Billancourt",
        )
        content = search_page(client, "en", "renaulution").content.decode()
        snippet = content.split('class="search-result__snippet">')[1].split("</p>")[0]
        assert "<mark>Renaulution</mark>. The electric unit! Boulogne-Billancourt" in snippet

    def test_a_fallback_title_is_marked_as_english(self, client):
        PressReleaseFactory(title_en="Ampere listing", title_fr="")
        page = read_page(search_page(client, "fr", "ampere"))
        assert any("listing" in text for text in page.fallback_texts)

    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.fourth_language
    def test_the_page_is_not_indexed_and_describes_itself(self, client, language):
        content = search_page(client, language, "ampere").content.decode()
        assert '<meta name="robots" content="noindex">' in content
        assert content.count('<meta name="description" content="') == 1
        with translation.override(language):
            description = str(SEARCH_DESCRIPTION)
        assert f'<meta name="description" content="{escape(description)}">' in content

    def test_no_results_says_so_and_suggests_where_to_look(self, client):
        content = search_page(client, "en", "nothingmatches").content.decode()
        assert "No results for “nothingmatches”" in content
        assert f'href="{reverse("companies:pressrelease_list")}"' in content


class TestPagination:
    @pytest.fixture
    def releases(self):
        return PressReleaseFactory.create_batch(25, summary_en="About Ampere.")

    def test_pages_hold_ten_results_and_keep_the_query(self, client, releases):
        first = search_page(client, "en", "ampere").content.decode()
        assert first.count('class="search-result ') == 10
        assert "25 results for “ampere”" in first
        assert "?q=ampere&amp;page=2" in first
        last = search_page(client, "en", "ampere", page=3).content.decode()
        assert last.count('class="search-result ') == 5

    def test_pages_do_not_repeat_results(self, releases):
        results = search("ampere", language="en")
        pages = [results[start : start + 10] for start in (0, 10, 20)]
        seen = [result.object.pk for page in pages for result in page]
        assert sorted(seen) == sorted(release.pk for release in releases)

    def test_beyond_the_limit_matches_are_not_counted_nor_paged(
        self, client, releases, monkeypatch
    ):
        monkeypatch.setattr(search_module, "MAX_RESULTS", 12)
        content = search_page(client, "en", "ampere").content.decode()
        assert "More than 12 results for “ampere”: here are the best 12." in content
        assert (
            search_page(client, "en", "ampere", page=2)
            .content.decode()
            .count('class="search-result ')
            == 2
        )
        assert search_page(client, "en", "ampere", page=3).status_code == 404

    def test_at_the_limit_every_match_is_counted(self, releases, monkeypatch):
        monkeypatch.setattr(search_module, "MAX_RESULTS", 25)
        results = search("ampere", language="en")
        assert (results.count(), results.has_more) == (25, False)

    # Not named `page`: pytest-playwright's fixture of that name would take over.
    @pytest.mark.parametrize("number", ["4", "0", "-1", "abc", "1.5"])
    def test_a_bad_page_number_answers_404(self, client, releases, number):
        assert search_page(client, "en", "ampere", page=number).status_code == 404


class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "!!!",
            "a",
            "é",
            "?.,;:",
            '"',
            "-",
            "--",
            "or or",
            "or",
            '"unclosed quote',
            "-ampere",
            "ampere -",
            "' OR 1=1; --",
            "'; DROP TABLE companies_pressrelease; --",
            "<script>alert(1)</script>",
            "x" * 5000,
            "ampere " * 500,
            "😀 🚗",
            "\\",
            "%",
            "_",
            "&amp;",
            "a & b | c ! d <-> e",
            ":*",
        ],
    )
    def test_odd_queries_give_a_page_not_an_error(self, client, query):
        PressReleaseFactory(title_en="Ampere starts")
        response = search_page(client, "en", query)
        assert response.status_code == 200
        assert PressRelease.objects.count() == 1
        content = response.content.decode()
        assert "<script>alert(1)</script>" not in content

    @pytest.mark.parametrize("query", ["q=amp%00ere", "q=%00", "q=ampere&page=%00"])
    def test_a_nul_in_the_raw_query_string_is_a_clean_400(self, client, query):
        # No request means a NUL (renaulution/middleware.py): refused, not stripped.
        PressReleaseFactory(title_en="Ampere starts")
        with translation.override("en"):
            url = reverse("search")
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert "This address cannot be read" in response.content.decode()

    def test_the_query_is_echoed_escaped(self, client):
        content = search_page(client, "en", '<b>"x"</b>').content.decode()
        assert "<b>" not in content.split("<main")[1]
        assert "&lt;b&gt;" in content

    def test_an_empty_query_asks_for_one(self, client):
        content = search_page(client, "en", "  ").content.decode()
        assert "Type a word or two" in content
        assert "result" not in content.split("<main")[1].lower()

    @pytest.mark.parametrize("query", ["a", "!!", "-"])
    def test_a_too_short_query_says_how_long_it_must_be(self, client, query):
        assert (
            "Type at least 2 letters or digits."
            in search_page(client, "en", query).content.decode()
        )

    def test_a_long_query_is_cut_and_the_reader_told(self, client):
        PressReleaseFactory(title_en="Ampere starts")
        content = search_page(client, "en", "ampere " + "y" * 1000).content.decode()
        assert "shortened to its first 200 characters" in content
        # The language links keep the address as typed; the page shows the cut query.
        main = content.split("<main")[1]
        assert "y" * (MAX_QUERY_LENGTH - len("ampere ")) in main
        assert "y" * (MAX_QUERY_LENGTH) not in main

    def test_clean_query_removes_control_characters_and_collapses_whitespace(self):
        assert clean_query("  am\x00pere\t\n motors ") == ("ampere motors", False)
        assert clean_query("z" * 300) == ("z" * MAX_QUERY_LENGTH, True)
        assert clean_query(None) == ("", False)

    def test_only_get_and_head_are_allowed(self, client):
        with translation.override("en"):
            url = reverse("search")
        assert client.post(url, {"q": "ampere"}).status_code == 405


class TestHeaderForm:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_every_page_has_a_labelled_search_form_that_needs_no_javascript(self, client, language):
        with translation.override(language):
            home, action = reverse("home"), reverse("search")
        parser = SearchForm()
        parser.feed(client.get(home).content.decode())
        header_form = parser.forms[0]
        assert header_form["method"] == "get"
        assert header_form["action"] == action
        field = next(attrs for attrs in parser.inputs.values() if attrs.get("name") == "q")
        assert parser.labels[field["id"]].strip()

    def test_the_search_page_form_shows_the_query(self, client):
        parser = SearchForm()
        parser.feed(search_page(client, "en", "ampere").content.decode())
        assert parser.inputs["search-page-q"]["value"] == "ampere"
        assert parser.labels["search-page-q"].strip()


@pytest.mark.parametrize("rows", [1, 30])
def test_search_page_query_count_does_not_grow(client, django_assert_num_queries, rows):
    # One of each kind has the word in its title or name, so it ranks first
    # and the first page always holds all four kinds; the other rows only
    # mention it.
    PressReleaseFactory(title_en="Voltaic news")
    CompanyFactory(name="Voltaic Motors")
    PersonFactory(name="Anna Voltaic")
    EpisodeFactory(title_en="Voltaic")
    MilestoneFactory(title_en="Voltaic day")
    PressReleaseFactory.create_batch(rows, summary_en="A voltaic cell.")
    CompanyFactory.create_batch(rows, tagline_en="A voltaic cell.")
    PersonFactory.create_batch(rows, headline_en="Voltaic engineer")
    EpisodeFactory.create_batch(rows, synopsis_en="<p>A voltaic cell.</p>")
    MilestoneFactory.create_batch(rows, summary_en="A voltaic cell.")
    # The count of matches, the ranked keys of the page, then the page's
    # objects: one query per kind (press releases with their company, five
    # kinds).
    with django_assert_num_queries(7):
        response = search_page(client, "en", "voltaic")
    assert response.status_code == 200
    assert response.content.decode().count('class="search-result ') == min(10, 5 + 5 * rows)


def test_the_language_switcher_keeps_the_query(client):
    page = read_page(search_page(client, "en", "ampere"))
    assert page.switcher["fr"] == "/fr/search/?q=ampere"
    assert page.switcher["it"] == "/it/search/?q=ampere"
