import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import PressReleaseFactory
from translations.models import FieldTranslation

pytestmark = pytest.mark.django_db


def status(*args):
    out = StringIO()
    call_command("translation_status", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def releases():
    """Two releases: the second one's French title outdated, its Italian summary missing."""
    PressReleaseFactory(
        title_en="A", title_fr="A fr", title_it="A it", summary_en="", body_en="", image_alt_en=""
    )
    release = PressReleaseFactory(
        title_en="B",
        title_fr="B fr",
        title_it="B it",
        summary_en="A loss of €7.3 billion.",
        summary_fr="Une perte de 7,3 milliards d'euros.",
        summary_it="",
        body_en="",
        image_alt_en="",
    )
    release.title_en = "B, updated"
    release.save()
    return release


def test_json_gives_exact_figures_per_language_and_model(releases):
    data = json.loads(status("--format", "json"))
    fr = data["languages"]["fr"]["models"]["companies.pressrelease"]
    it = data["languages"]["it"]["models"]["companies.pressrelease"]
    assert (fr["current"], fr["outdated"], fr["missing"]) == (2, 1, 0)
    assert (it["current"], it["outdated"], it["missing"]) == (1, 1, 1)
    assert it["percent"]["missing"] == pytest.approx(33.3)
    # Companies made by the factory have a tagline in every language.
    assert data["languages"]["fr"]["models"]["companies.company"]["current"] == 2


def test_table_and_language_option(releases):
    table = status("--language", "it")
    assert "press releases" in table
    assert "fr " not in table
    line = next(line for line in table.splitlines() if "press releases" in line)
    # current, outdated, missing: count and share; then the total.
    assert line.split()[-7:] == ["1", "33.3%", "1", "33.3%", "1", "33.3%", "3"]
    line = next(line for line in table.splitlines() if line.startswith("it       all"))
    # Plus the two factory companies' taglines, current.
    assert line.split()[-7:] == ["3", "60.0%", "1", "20.0%", "1", "20.0%", "5"]
    assert "Consistency issues: 0" in table


def test_nothing_to_translate_is_not_reported_as_missing(releases):
    # English is the source of every release here: no rows, nothing missing.
    data = json.loads(status("--format", "json", "--language", "en"))
    en = data["languages"]["en"]["models"]["companies.pressrelease"]
    assert en["total"] == 0
    assert en["percent"] == {"current": 100.0, "outdated": 0.0, "missing": 0.0}


def test_fail_on_missing_fails_only_when_something_is_missing(releases):
    with pytest.raises(CommandError, match="1 localized fields are missing"):
        status("--fail-on-missing")
    status("--fail-on-missing", "--language", "fr")  # nothing missing in French


def test_rebuild_recreates_lost_states(releases):
    FieldTranslation.objects.all().delete()
    data = json.loads(status("--format", "json", "--rebuild"))
    it = data["languages"]["it"]["models"]["companies.pressrelease"]
    # Rebuilt from the content alone: what is filled counts as current.
    assert (it["current"], it["outdated"], it["missing"]) == (2, 0, 1)


def test_figures_that_differ_are_listed(releases):
    releases.summary_it = "Una perdita di 6,3 miliardi di euro."
    releases.save()
    data = json.loads(status("--format", "json"))
    assert data["consistency_issues"] == [
        {
            "object": "B, updated",
            "model": "companies.pressrelease",
            "object_id": releases.pk,
            "field": "summary",
            "language": "it",
            "issues": "-7.3 +6.3",
        }
    ]
    assert "not in the translation: 7.3; not in the source: 6.3" in status()
    assert "Consistency issues: 1" in status()
    assert json.loads(status("--format", "json", "--language", "fr"))["consistency_issues"] == []


def test_json_is_one_document_even_when_failing(releases):
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("translation_status", "--format", "json", "--fail-on-missing", stdout=out)
    assert json.loads(out.getvalue())["languages"]["it"]["total"]["missing"] == 1
