"""
The shipped timeline: Ampere's Capital Market Day has its entry, and the
Alliance entries carry the "living apart together" framing, attributed to
the English trade article it comes from, not to Renault.
"""

import datetime

import lxml.html
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from renaulution.content import data
from tests.content_snapshot import restore_snapshot

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SHIPPED = {spec["slug"]: spec for spec in data.MILESTONES}
DISPLAYED_DATE = {"en": "15 November 2023", "fr": "15 novembre 2023", "it": "15 novembre 2023"}
# Who the framing is credited to, in each language.
ATTRIBUTION = {
    "en": "English-language trade article",
    "fr": "article de la presse spécialisée anglophone",
    "it": "articolo della stampa di settore in lingua inglese",
}
ALLIANCE = ["new-alliance-announced", "new-alliance-in-force"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_capital_market_day_is_on_the_timeline(client, content_snapshot, language):
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)
    with translation.override(language):
        response = client.get(reverse("timeline:index"))
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)

    item = page.xpath('//li[@id="ampere-capital-market-day"]')[0]

    assert item.xpath("string(.//time/@datetime)") == "2023-11-15"
    assert item.xpath("string(.//time)") == DISPLAYED_DATE[language]
    assert "Capital Market Day" in item.xpath("string(.//h3)")
    assert "Ampere" in item.xpath("string(.//p[@class='milestone__summary'])")
    # It follows the approval of the new Alliance (6 November) in the year's list.
    order = page.xpath("//li[@class='milestone']/@id")
    assert order.index("new-alliance-in-force") < order.index("ampere-capital-market-day")


def test_the_capital_market_day_entry_is_dated_as_held():
    spec = SHIPPED["ampere-capital-market-day"]
    assert spec["date"] == datetime.date(2023, 11, 15)
    assert spec["precision"] == "day"
    assert "ampere" in spec["companies"]


@pytest.mark.parametrize("slug", ALLIANCE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_alliance_entries_attribute_the_living_apart_together_framing(slug, language):
    summary = SHIPPED[slug]["summary"][language]
    assert "living apart together" in summary
    assert ATTRIBUTION[language] in summary


def test_the_approval_of_the_new_alliance_stays_dated_6_november_2023():
    spec = SHIPPED["new-alliance-in-force"]
    assert spec["date"] == datetime.date(2023, 11, 6)
    for language, day in {"en": "6 November 2023", "fr": "6 novembre 2023"}.items():
        assert day in spec["summary"][language]
