"""The series and episode admin: episodes are edited on their own page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from episodes.admin import EPISODES_LISTED
from episodes.models import Episode
from tests.admin_clients import make_user
from tests.factories import EpisodeFactory, SeriesFactory
from tests.test_admin import editor  # noqa: F401 - a fixture
from tests.translations.test_rights import form_data

# Every test is signed in as an editor, unless it signs in someone else.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("editor")]


def series_with_episodes(count):
    series = SeriesFactory()
    EpisodeFactory.create_batch(count, series=series)
    return series


def episodes_fieldset(response):
    content = response.content.decode()
    start = content.index('id="series-episodes"')
    return content[start : content.index("</fieldset>", start)]


def change_url(series):
    return reverse("admin:episodes_series_change", args=[series.pk])


def test_a_series_of_200_episodes_opens_and_saves_through_its_form(client):
    series = series_with_episodes(200)
    response = client.get(change_url(series))
    assert response.status_code == 200
    data = form_data(response) | {"title_en": "Anatomy of a Comeback, revised"}
    response = client.post(change_url(series), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # What the browser posts stays small whatever the number of episodes.
    assert len(data) < 100
    series.refresh_from_db()
    assert series.title_en == "Anatomy of a Comeback, revised"
    assert series.episodes.count() == 200


def test_the_series_form_lists_its_first_episodes_as_links_and_links_to_all(client):
    series = series_with_episodes(EPISODES_LISTED + 10)
    first = series.episodes.order_by("number").first()
    content = episodes_fieldset(client.get(change_url(series)))
    change_prefix = reverse("admin:episodes_episode_change", args=[0]).removesuffix("0/change/")
    # The listed episodes, then the whole list and "add an episode".
    assert content.count(f'href="{change_prefix}') == EPISODES_LISTED + 2
    assert f'href="{reverse("admin:episodes_episode_change", args=[first.pk])}"' in content
    assert f"See all its {EPISODES_LISTED + 10} episodes in the list" in content
    all_url = reverse("admin:episodes_episode_changelist") + f"?series__id__exact={series.pk}"
    assert f'href="{all_url}"' in content
    changelist = client.get(all_url)
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == EPISODES_LISTED + 10


def test_the_series_form_costs_the_same_queries_for_few_or_many_episodes(client):
    counts = []
    for total in (3, 200):
        series = series_with_episodes(total)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(change_url(series)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_episode_is_added_for_the_series_on_its_own_page_and_edited_there(client):
    series = series_with_episodes(2)
    content = client.get(change_url(series)).content.decode()
    add_url = reverse("admin:episodes_episode_add") + f"?series={series.pk}"
    assert f'href="{add_url}"' in content
    response = client.get(add_url)
    assert response.context["adminform"].form.initial["series"] == str(series.pk)
    data = form_data(response) | {
        "number": "3",
        "title_en": "The third",
        "slug_en": "the-third",
        "status": "draft",
        "published_at_0": "2024-12-13",
        "published_at_1": "09:00:00",
    }
    assert data["series"] == str(series.pk)
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    episode = Episode.objects.get(slug_en="the-third")
    assert (episode.series, episode.number) == (series, 3)

    url = reverse("admin:episodes_episode_change", args=[episode.pk])
    data = form_data(client.get(url)) | {"title_en": "The third, renamed"}
    assert client.post(url, data).status_code == 302
    episode.refresh_from_db()
    assert episode.title_en == "The third, renamed"


def test_the_episode_page_finds_its_series_by_autocomplete(client):
    series = SeriesFactory(title_en="Anatomy of a Comeback")
    SeriesFactory(title_en="Another story")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "anatomy",
            "app_label": "episodes",
            "model_name": "episode",
            "field_name": "series",
        },
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(series.pk)]


def test_a_translator_sees_the_episodes_but_no_add_link(client):
    client.force_login(make_user("marie", "Translators (fr)"))
    series = series_with_episodes(2)
    content = client.get(change_url(series)).content.decode()
    assert "See all its 2 episodes in the list" in content
    assert reverse("admin:episodes_episode_add") not in content
