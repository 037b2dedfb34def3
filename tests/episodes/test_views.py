import lxml.html
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
)
from tests.html import read_page

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()


@pytest.fixture
def episode():
    episode = EpisodeFactory(
        number=1,
        title_en="Revolution or Death",
        title_fr="Révolution ou la mort",
        title_it="Rivoluzione o morte",
        slug_en="revolution-or-death",
        slug_fr="revolution-ou-la-mort",
        slug_it=None,
        synopsis_en="<p>The English synopsis.</p>",
        synopsis_fr="<p>Le synopsis français.</p>",
        synopsis_it="",
    )
    person = PersonFactory(name="Luca de Meo")
    episode.people.add(person)
    EpisodeCompanyFactory(episode=episode, company=CompanyFactory(name="Dacia"))
    return episode


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.fourth_language
def test_episode_list_answers_in_each_language(client, episode, language):
    with translation.override(language):
        url = reverse("episodes:episode_list")
    response = client.get(url)
    page = read_page(response)
    assert response.status_code == 200
    assert page.lang == language
    assert set(page.alternates) == {*LANGUAGES, "x-default"}
    with translation.override(language):
        assert episode.title in response.content.decode()


@pytest.mark.parametrize(
    ("language", "path", "title"),
    [
        ("en", "/en/episodes/revolution-or-death/", "Revolution or Death"),
        ("fr", "/fr/episodes/revolution-ou-la-mort/", "Révolution ou la mort"),
        # No Italian slug: the English one is the Italian page's address.
        ("it", "/it/episodes/revolution-or-death/", "Rivoluzione o morte"),
    ],
)
def test_episode_detail_in_each_language(client, episode, language, path, title):
    response = client.get(path)
    page = read_page(response)
    assert response.status_code == 200
    assert page.lang == language
    assert page.h1 == title
    # The switcher and the alternates point at the same episode in every language.
    expected = {
        "en": "/en/episodes/revolution-or-death/",
        "fr": "/fr/episodes/revolution-ou-la-mort/",
        "it": "/it/episodes/revolution-or-death/",
    }
    assert page.switcher == {code: url for code, url in expected.items() if code != language}
    assert {
        code: url.removeprefix("http://testserver") for code, url in page.alternates.items()
    } == (expected | {"x-default": expected["en"]})
    assert "Luca de Meo" in response.content.decode()
    assert "Dacia" in response.content.decode()


@pytest.mark.fourth_language
def test_text_that_fell_back_to_english_is_marked(client, episode):
    page = read_page(client.get("/it/episodes/revolution-or-death/"))
    assert "The English synopsis." in page.fallback_texts
    page = read_page(client.get("/fr/episodes/revolution-ou-la-mort/"))
    assert "The English synopsis." not in page.fallback_texts
    assert (
        "Le synopsis français."
        in client.get("/fr/episodes/revolution-ou-la-mort/").content.decode()
    )


def test_another_languages_slug_redirects_permanently_to_the_canonical_one(client, episode):
    response = client.get("/fr/episodes/revolution-or-death/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/episodes/revolution-ou-la-mort/"
    response = client.get("/en/episodes/revolution-ou-la-mort/")
    assert response.status_code == 301
    assert response["Location"] == "/en/episodes/revolution-or-death/"


def test_a_draft_episode_answers_404_and_is_not_listed(client, episode):
    draft = EpisodeFactory(series=episode.series, draft=True, title_en="Secret cut")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Secret cut" not in client.get("/en/episodes/").content.decode()


def test_episodes_of_a_draft_series_are_not_public(client, episode):
    episode.series.status = "draft"
    episode.series.save()
    assert client.get("/en/episodes/revolution-or-death/").status_code == 404
    assert "Revolution or Death" not in client.get("/en/episodes/").content.decode()


def test_staff_preview_a_draft_with_a_banner(client, admin_user, episode):
    draft = EpisodeFactory(series=episode.series, draft=True, title_en="Secret cut")
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "draft-banner" in response.content.decode()


def test_draft_people_and_companies_are_not_linked_from_an_episode(client, episode):
    episode.people.add(PersonFactory(name="Hidden Person", draft=True))
    EpisodeCompanyFactory(episode=episode, company=CompanyFactory(name="Hidden Co", draft=True))
    content = client.get(episode.get_absolute_url()).content.decode()
    assert "Hidden Person" not in content
    assert "Hidden Co" not in content


@pytest.mark.parametrize("rows", [3, 30])
def test_episode_list_costs_the_same_queries_for_any_number_of_rows(
    client, django_assert_num_queries, rows
):
    series = EpisodeFactory(number=1).series
    for number in range(2, rows + 1):
        EpisodeFactory(series=series, number=number)
    # The count, then one page of published episodes of published series,
    # with their series.
    with django_assert_num_queries(2):
        response = client.get("/en/episodes/")
    assert response.content.decode().count('class="card"') == min(rows, settings.EPISODES_PER_PAGE)


def test_episode_detail_query_count(client, episode, django_assert_num_queries):
    for _ in range(5):
        episode.people.add(PersonFactory())
    MilestoneFactory.create_batch(3, episodes=[episode])
    # episode with series, people, companies, previous and next episode, its
    # milestones (+1: one query, they link to the timeline page only), and
    # the episode's translation states.
    with django_assert_num_queries(7):
        assert client.get(episode.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/episodes/no-such-episode/",
        "/fr/episodes/" + "x" * 2000 + "/",
        "/en/episodes/%3Cscript%3E/",
        "/en/episodes/a%00b/",
    ],
)
@pytest.mark.fourth_language
def test_unknown_or_odd_slugs_answer_404(client, episode, path):
    assert client.get(path).status_code == 404


def card_texts(response):
    """Each episode card's teaser, as the reader sees it, with its lang attribute."""
    tree = lxml.html.fromstring(response.content.decode())
    return [
        (teaser.text_content(), teaser.get("lang"))
        for teaser in tree.xpath('//*[contains(@class, "card__text")]')
    ]


LONG_SYNOPSES = {
    "en": "<p>Renault&rsquo;s board meets &amp; decides.</p><p>"
    + " ".join(f"word{n}" for n in range(60))
    + "</p>",
    "fr": "<p>Le conseil de Renault se réunit.</p><p>"
    + " ".join(f"mot{n}" for n in range(60))
    + "</p>",
    "it": "",
}


@pytest.mark.parametrize("path", ["/{language}/episodes/", "/{language}/"])
@pytest.mark.parametrize("language", list(LONG_SYNOPSES))
def test_episode_cards_open_with_the_first_words_of_the_synopsis_in_the_readers_language(
    client, path, language
):
    """Plain text, cut between words with an ellipsis; English where the language has none."""
    EpisodeFactory(number=1, **{f"synopsis_{code}": text for code, text in LONG_SYNOPSES.items()})
    [(text, lang)] = card_texts(client.get(path.format(language=language)))
    source = {"en": "en", "fr": "fr", "it": "en"}[language]
    expected_start = {
        "en": "Renault’s board meets & decides. word0 word1",
        "fr": "Le conseil de Renault se réunit. mot0 mot1",
    }[source]
    assert text.startswith(expected_start)
    assert text.endswith("…")
    words = text.rstrip("…").split()
    assert len(words) == 30
    # Whole words only: the last one shown is one of the synopsis' own.
    assert words[-1] in lxml.html.fromstring(LONG_SYNOPSES[source]).text_content().split()
    assert lang == ("en" if language == "it" else None)


def test_a_short_synopsis_is_shown_whole_and_no_synopsis_gives_no_teaser(client):
    EpisodeFactory(number=1, synopsis_en="<p>Short <em>and</em> complete.</p>")
    EpisodeFactory(number=2, synopsis_en="")
    assert card_texts(client.get("/en/episodes/")) == [("Short and complete.", None)]


def neighbours(response):
    """The episode page's (rel, href, text) links to the previous and next episodes."""
    tree = lxml.html.fromstring(response.content.decode())
    return [
        (link.get("rel"), link.get("href"), " ".join(link.text_content().split()))
        for link in tree.xpath('//nav[@class="prev-next"]/a')
    ]


# The languages its episodes' titles and the word "Episode" are written in.
@pytest.mark.parametrize("language", ["en", "fr", "it"])
def test_episode_page_links_its_published_neighbours_in_its_series(client, language):
    """By number, skipping a draft, within the series; the ends have one neighbour."""
    first = EpisodeFactory(number=1, title_en="One", title_fr="Un", title_it="Uno")
    series = first.series
    EpisodeFactory(series=series, number=2, draft=True)
    third = EpisodeFactory(series=series, number=3, title_en="Three", title_fr="Trois")
    fourth = EpisodeFactory(series=series, number=4, title_en="Four", title_it="Quattro")
    EpisodeFactory(number=5)  # another series: never a neighbour
    word = {"en": "Episode", "fr": "Épisode", "it": "Episodio"}[language]
    with translation.override(language):
        urls = {ep.number: ep.get_absolute_url() for ep in (first, third, fourth)}
        titles = {ep.number: ep.title for ep in (first, third, fourth)}
    assert neighbours(client.get(urls[3])) == [
        ("prev", urls[1], f"← {word} 1 {titles[1]}"),
        ("next", urls[4], f"{word} 4 → {titles[4]}"),
    ]
    assert neighbours(client.get(urls[1])) == [("next", urls[3], f"{word} 3 → {titles[3]}")]
    assert neighbours(client.get(urls[4])) == [("prev", urls[3], f"← {word} 3 {titles[3]}")]
