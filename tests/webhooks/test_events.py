"""
Which changes queue which deliveries: a public object's publication,
update, unpublication (by a save, a bulk action or its expiry), deletion
and a translation becoming current; nothing for drafts and scheduled
items, nothing after a rollback, once per transaction, and nothing for an
endpoint that does not want the event or is inactive.
"""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from renaulution import scheduling
from renaulution.publishing import Status
from tests.clock import NOW
from tests.factories import (
    CompanyFactory,
    EndpointFactory,
    EpisodeFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
)
from tests.webhooks.conftest import SITE
from translations import tracking
from webhooks.models import Delivery, Event

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def committed():
    """
    As if what the block does were committed: the test's transaction never
    is, and what one transaction queued is queued once (a later change in
    the same transaction adds no "updated" to a "published").
    """
    return TestCase.captureOnCommitCallbacks(execute=True)


def forget():
    Delivery.objects.all().delete()


def events(**filters):
    """The events queued, of press releases unless `filters` say otherwise."""
    filters.setdefault("object_type", "companies.pressrelease")
    return list(Delivery.objects.filter(**filters).order_by("pk").values_list("event", flat=True))


def test_publishing_queues_published_with_the_object_and_its_pages(endpoint, clock):
    release = PressReleaseFactory(
        slug_en="ampere", slug_fr="ampere-fr", company=CompanyFactory(draft=True)
    )
    delivery = Delivery.objects.get()
    assert (delivery.endpoint, delivery.event) == (endpoint, Event.PUBLISHED)
    assert (delivery.object_type, delivery.object_id) == ("companies.pressrelease", release.pk)
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.payload == {
        "event": "published",
        "created_at": NOW.isoformat(),
        "object": {
            "type": "companies.pressrelease",
            "id": release.pk,
            "slug": {"en": "ampere", "fr": "ampere-fr", "it": "ampere"},
            "url": {
                "en": f"{SITE}/en/press/ampere/",
                "fr": f"{SITE}/fr/press/ampere-fr/",
                "it": f"{SITE}/it/press/ampere/",
            },
            "api_url": f"{SITE}/api/v1/press-releases/ampere/",
        },
    }


def test_a_drafts_saves_queue_nothing(endpoint):
    release = PressReleaseFactory(draft=True)
    release.title_en = "Still a draft"
    release.save()
    release.people.add(PersonFactory())
    release.delete()
    assert events() == []


def test_a_scheduled_items_save_queues_nothing(endpoint, clock):
    release = PressReleaseFactory(published_at=NOW + datetime.timedelta(days=1))
    release.title_en = "Soon"
    release.save()
    assert events() == []


def test_a_rolled_back_change_leaves_no_delivery(endpoint):
    with transaction.atomic():
        PressReleaseFactory()
        assert events() == ["published"]
        transaction.set_rollback(True)
    assert events() == []


def test_editing_a_public_object_queues_updated_once_per_transaction(endpoint):
    with committed():
        release = PressReleaseFactory()
        person = PersonFactory()
    forget()
    with transaction.atomic():
        release.title_en = "Renamed"
        release.save()
        release.people.add(person)  # the admin saves the lists after the row
        release.save()
    assert events(object_id=release.pk) == ["updated"]


def test_saving_a_public_object_unchanged_queues_nothing(endpoint):
    with committed():
        release = PressReleaseFactory()
    forget()
    release.save()
    assert events() == []


def test_a_row_a_public_object_owns_is_an_update_of_it(endpoint):
    with committed():
        person = PersonFactory()
    forget()
    PositionFactory(person=person, company=CompanyFactory(draft=True))
    assert events(object_type="companies.person", object_id=person.pk) == ["updated"]


def test_a_list_change_updates_the_object_it_is_declared_on(endpoint):
    with committed():
        episode = EpisodeFactory()
        company = CompanyFactory()
    forget()
    company.episodes.add(episode)  # from the other side (EpisodeCompany is explicit: owned row)
    assert events(object_type="episodes.episode", object_id=episode.pk) == ["updated"]
    assert events(object_type="companies.company") == []


def test_unpublishing_and_deleting(endpoint):
    with committed():
        release, other = PressReleaseFactory(), PressReleaseFactory()
    forget()
    release.status = Status.DRAFT
    release.save()
    other_pk = other.pk
    other.delete()
    assert events(object_id=release.pk) == ["unpublished"]
    deleted = Delivery.objects.get(object_id=other_pk)
    assert deleted.event == "deleted"
    # Where its pages were.
    assert deleted.payload["object"]["url"]["en"] == f"{SITE}/en/press/{other.slug_en}/"


def test_deleting_a_public_person_is_one_deleted_not_an_update_of_its_positions(endpoint):
    with committed():
        person = PersonFactory()
        PositionFactory(person=person)
    forget()
    person.delete()
    assert events(object_type="companies.person") == ["deleted"]


def test_the_admins_bulk_actions_publish_and_unpublish(endpoint):
    with committed():
        draft, live = PressReleaseFactory(draft=True), PressReleaseFactory()
    forget()
    type(draft).objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    type(live).objects.filter(pk=live.pk).update(status=Status.DRAFT)
    type(live).objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)  # no change
    assert events(object_id=draft.pk) == ["published"]
    assert events(object_id=live.pk) == ["unpublished"]


def run_scheduler():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)


def test_a_go_live_and_an_expiry_are_told_when_the_scheduler_runs(endpoint, clock):
    cache.set(scheduling.LAST_RUN, NOW, timeout=None)
    soon = PressReleaseFactory(published_at=NOW + 10 * MINUTE)
    ending = PressReleaseFactory(published_at=NOW - MINUTE, expires_at=NOW + 20 * MINUTE)
    forget()
    clock.shift(30 * MINUTE)
    assert events() == []  # nothing was written: the time passed
    run_scheduler()
    assert events(object_id=soon.pk) == ["published"]
    assert events(object_id=ending.pk) == ["unpublished"]
    run_scheduler()  # once each
    assert len(events(object_type__startswith="")) == 2
    cache.delete(scheduling.LAST_RUN)


def test_the_scheduler_does_not_repeat_what_a_save_told(endpoint, clock):
    cache.set(scheduling.LAST_RUN, NOW - 5 * MINUTE, timeout=None)
    # The form was opened a minute ago: its publication date is in the window.
    PressReleaseFactory(published_at=NOW - MINUTE)
    assert events() == ["published"]
    run_scheduler()
    assert events() == ["published"]
    cache.delete(scheduling.LAST_RUN)


def test_a_translation_becoming_current_is_told_with_its_fields(endpoint):
    with committed():
        release = PressReleaseFactory(title_fr="Titre", summary_fr="Résumé")
        release.title_en = "A new English title"
        release.summary_en = "A new English summary"
        release.save()  # the French title and summary are outdated now
    forget()
    with transaction.atomic():
        tracking.mark_reviewed(release, "title", "fr")
        tracking.mark_reviewed(release, "summary", "fr")
    delivery = Delivery.objects.get(object_type="companies.pressrelease")
    assert delivery.event == Event.TRANSLATION_CURRENT
    assert delivery.payload["translations"] == [
        {"field": "title", "language": "fr"},
        {"field": "summary", "language": "fr"},
    ]


def test_each_endpoint_is_told_of_each_translation_once(endpoint):
    other = EndpointFactory(events=[Event.TRANSLATION_CURRENT])
    with committed():
        release = PressReleaseFactory(title_it="Titolo", summary_it="Sommario")
        release.title_en = "A new English title"
        release.summary_en = "A new English summary"
        release.save()
    forget()
    with transaction.atomic():
        tracking.mark_reviewed(release, "title", "it")
        tracking.mark_reviewed(release, "summary", "it")
    expected = [{"field": "title", "language": "it"}, {"field": "summary", "language": "it"}]
    for receiving in (endpoint, other):
        delivery = Delivery.objects.get(endpoint=receiving, object_type="companies.pressrelease")
        assert delivery.payload["translations"] == expected


def test_a_drafts_translation_becoming_current_is_not_told(endpoint):
    release = PressReleaseFactory(draft=True, title_fr="Titre")
    release.title_en = "A new English title"
    release.save()
    tracking.mark_reviewed(release, "title", "fr")
    assert events() == []


def test_only_active_endpoints_that_want_the_event_get_it():
    wants = EndpointFactory(events=["published"])
    deleted = EndpointFactory(events=["deleted"])
    EndpointFactory(active=False)
    release = PressReleaseFactory(company=CompanyFactory(draft=True))
    release.delete()
    assert sorted(Delivery.objects.values_list("endpoint", "event")) == [
        (wants.pk, "published"),
        (deleted.pk, "deleted"),
    ]
