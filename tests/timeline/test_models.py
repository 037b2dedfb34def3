"""Milestone dates and their precision, in Python and in the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import MilestoneFactory
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

Precision = Milestone.Precision


@pytest.mark.parametrize(
    ("precision", "stored"),
    [
        (Precision.DAY, datetime.date(2020, 7, 15)),
        (Precision.MONTH, datetime.date(2020, 7, 1)),
        (Precision.YEAR, datetime.date(2020, 1, 1)),
    ],
)
def test_a_date_is_cut_down_to_its_precision_when_validated_and_saved(precision, stored):
    milestone = MilestoneFactory.build(date=datetime.date(2020, 7, 15), precision=precision)
    milestone.full_clean()  # what the admin form does: the constraint check passes
    assert milestone.date == stored
    milestone = MilestoneFactory(date=datetime.date(2020, 7, 15), precision=precision)
    milestone.refresh_from_db()
    assert milestone.date == stored


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"precision": Precision.MONTH, "date": datetime.date(2020, 7, 3)}, "date_matches"),
        ({"precision": Precision.YEAR, "date": datetime.date(2020, 2, 1)}, "date_matches"),
        ({"title_en": ""}, "english_title"),
    ],
)
def test_the_database_refuses_what_save_would_have_fixed_or_refused(changes, constraint):
    """Bulk updates bypass save(); the constraints still hold."""
    milestone = MilestoneFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Milestone.objects.filter(pk=milestone.pk).update(**changes)


def test_an_unknown_precision_is_a_validation_error():
    milestone = MilestoneFactory.build(precision="decade")
    with pytest.raises(ValidationError) as caught:
        milestone.full_clean()
    assert "precision" in caught.value.message_dict


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (
            Precision.DAY,
            {"en": "19 November 2018", "fr": "19 novembre 2018", "it": "19 novembre 2018"},
        ),
        (Precision.MONTH, {"en": "November 2018", "fr": "novembre 2018", "it": "novembre 2018"}),
        (Precision.YEAR, {"en": "2018", "fr": "2018", "it": "2018"}),
    ],
)
def test_display_date_follows_precision_and_language(precision, expected):
    milestone = MilestoneFactory(date=datetime.date(2018, 11, 19), precision=precision)
    for language, shown in expected.items():
        with translation.override(language):
            assert milestone.display_date == shown


def test_str_is_the_title_in_the_active_language():
    milestone = MilestoneFactory(title_en="Ampere starts", title_fr="Ampere démarre")
    with translation.override("fr"):
        assert str(milestone) == "Ampere démarre"


def test_milestones_are_ordered_by_date():
    later = MilestoneFactory(date=datetime.date(2023, 11, 1))
    earlier = MilestoneFactory(date=datetime.date(2018, 1, 1), precision=Precision.YEAR)
    assert list(Milestone.objects.all()) == [earlier, later]


def test_a_milestone_on_the_first_of_the_month_reads_1er_in_french():
    milestone = MilestoneFactory(date=datetime.date(2023, 11, 1), precision=Precision.DAY)
    with translation.override("fr"):
        assert milestone.display_date == "1er novembre 2023"
    with translation.override("en"):
        assert milestone.display_date == "1 November 2023"
