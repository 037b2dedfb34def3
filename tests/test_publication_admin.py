"""
The publication state in the admin: the changelist names each row's state
(draft, scheduled with its go-live, live until its expiry, expired) and
filters by it, with a number of queries that does not grow with the rows;
the change form takes an expiry date and refuses one before publication.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone
from lxml import html

from companies.models import PressRelease
from renaulution.publishing import PublicationState, Status
from renaulution.roles import EDITORS
from tests.clock import NOW
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
    StaffUserFactory,
)
from tests.test_admin import press_release_form

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
ACTION_BOXES = '//input[@name="_selected_action"]'


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def four_states(factory, **fields):
    """One object of `factory` in each publication state, at NOW."""
    return {
        PublicationState.DRAFT: factory(status=Status.DRAFT, **fields),
        PublicationState.SCHEDULED: factory(published_at=NOW + 2 * HOUR, **fields),
        PublicationState.LIVE: factory(
            published_at=NOW - HOUR, expires_at=NOW + 5 * HOUR, **fields
        ),
        PublicationState.EXPIRED: factory(
            published_at=NOW - 5 * HOUR, expires_at=NOW - HOUR, **fields
        ),
    }


def read_page(response):
    assert response.status_code == 200
    return html.fromstring(response.content)


def shown_pks(page):
    return {int(box.get("value")) for box in page.xpath(ACTION_BOXES)}


def shown_moment(moment):
    """How the admin writes `moment`: in the site's time zone (TIME_ZONE)."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def row_of(page, obj):
    """The text of the changelist row whose checkbox is `obj`'s."""
    row = page.xpath(f'//tr[.//input[@name="_selected_action"][@value="{obj.pk}"]]')
    assert row, f"no row for {obj!r}"
    return " ".join(row[0].text_content().split())


def test_the_state_of_each_object_follows_the_clock(clock):
    states = four_states(PressReleaseFactory)
    for state, obj in states.items():
        assert obj.publication_state == state
        assert obj.is_published is (state == PublicationState.LIVE)
    clock.move_to(NOW + 3 * HOUR)
    assert states[PublicationState.SCHEDULED].publication_state == PublicationState.LIVE
    clock.move_to(NOW + 6 * HOUR)
    assert states[PublicationState.LIVE].publication_state == PublicationState.EXPIRED


def test_the_changelist_shows_each_state_with_its_moment(client, editor, clock):
    states = four_states(PressReleaseFactory)
    page = read_page(client.get(reverse("admin:companies_pressrelease_changelist")))
    rows = {state: row_of(page, obj) for state, obj in states.items()}
    assert "Draft" in rows[PublicationState.DRAFT]
    assert "Scheduled" in rows[PublicationState.SCHEDULED]
    assert "goes live" in rows[PublicationState.SCHEDULED]
    assert shown_moment(NOW + 2 * HOUR) in rows[PublicationState.SCHEDULED]
    assert "Live" in rows[PublicationState.LIVE]
    assert f"until {shown_moment(NOW + 5 * HOUR)}" in rows[PublicationState.LIVE]
    assert "Expired" in rows[PublicationState.EXPIRED]
    assert f"since {shown_moment(NOW - HOUR)}" in rows[PublicationState.EXPIRED]
    # The plain ✗/✓ column is gone: the state says more.
    assert not page.xpath('//*[contains(@class, "field-published_column")]')


@pytest.mark.parametrize(
    "factory,name",
    [
        (CompanyFactory, "companies_company"),
        (PersonFactory, "companies_person"),
        (PressReleaseFactory, "companies_pressrelease"),
        (SeriesFactory, "episodes_series"),
        (EpisodeFactory, "episodes_episode"),
        (MilestoneFactory, "timeline_milestone"),
    ],
)
def test_the_publication_state_filter_keeps_the_rows_of_that_state(
    client, editor, clock, factory, name
):
    states = four_states(factory)
    url = reverse(f"admin:{name}_changelist")
    page = read_page(client.get(url))
    assert "Publication state" in page.text_content()
    for state, obj in states.items():
        found = read_page(client.get(url, {"publication": state.value}))
        shown = shown_pks(found)
        assert obj.pk in shown, state
        others = {o.pk for s, o in states.items() if s != state}
        assert not shown & others, state


def test_an_unknown_state_in_the_filter_lists_everything(client, editor, clock):
    states = four_states(PressReleaseFactory)
    response = client.get(
        reverse("admin:companies_pressrelease_changelist"), {"publication": "nonsense"}
    )
    assert response.status_code == 200
    shown = shown_pks(read_page(response))
    assert {obj.pk for obj in states.values()} <= shown


def changelist_queries(client, url, captured):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    captured.append(len(context.captured_queries))


@pytest.mark.parametrize("state", ["", *PublicationState.values])
def test_the_changelist_query_count_does_not_grow_with_the_rows(client, editor, clock, state):
    url = reverse("admin:companies_pressrelease_changelist")
    if state:
        url += f"?publication={state}"
    counts = []
    four_states(PressReleaseFactory)
    changelist_queries(client, url, counts)
    for _round in range(5):
        four_states(PressReleaseFactory)
    changelist_queries(client, url, counts)
    # Sessions, user, permissions, the count, the rows with their companies
    # and translation states, the filters' choices: the same for 4 or 24 rows.
    assert counts[0] == counts[1], counts


def test_the_change_form_sets_an_expiry_date(client, editor, clock):
    company = CompanyFactory()
    form = press_release_form(
        company,
        status="published",
        published_at_0="2026-03-01",
        published_at_1="09:00:00",
        expires_at_0="2026-04-01",
        expires_at_1="18:30:00",
    )
    response = client.post(reverse("admin:companies_pressrelease_add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    release = PressRelease.objects.get(slug_en=form["slug_en"])
    # Typed in the site's time zone, as every date of the admin.
    assert timezone.localtime(release.expires_at).replace(tzinfo=None) == datetime.datetime(
        2026, 4, 1, 18, 30
    )
    assert release.publication_state == PublicationState.LIVE


def test_an_expiry_before_publication_is_refused_with_a_message(client, editor, clock):
    company = CompanyFactory()
    form = press_release_form(
        company,
        published_at_0="2026-03-01",
        published_at_1="09:00:00",
        expires_at_0="2026-02-01",
        expires_at_1="09:00:00",
    )
    response = client.post(reverse("admin:companies_pressrelease_add"), form)
    assert response.status_code == 200
    assert "The expiry date must come after the publication date." in response.content.decode()
    assert not PressRelease.objects.filter(slug_en=form["slug_en"]).exists()


def test_publishing_a_draft_whose_expiry_passed_clears_the_expiry(client, editor, clock):
    draft = PressReleaseFactory(
        status=Status.DRAFT, published_at=NOW - 5 * HOUR, expires_at=NOW - HOUR
    )
    response = client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.expires_at is None
    assert draft.publication_state == PublicationState.LIVE
    assert draft.published_at == timezone.now()
