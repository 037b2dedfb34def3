"""
Text left in the source language is caught, and every count of findings
(the dashboard, the queue, `translation_status`) is the same, type by type.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import PressReleaseFactory
from tests.test_content_quality import localized_values
from translations.consistency import consistency_issues, describe_issues, other_languages
from translations.models import FieldTranslation, State

from .test_dashboard import dashboard, login

pytestmark = pytest.mark.django_db

ENGLISH = "The plan sets out to electrify the three brands of the group."
FRENCH = "Le plan prévoit d'électrifier les trois marques du groupe."
ITALIAN = "Il piano prevede di elettrificare i tre marchi del gruppo."


def test_every_shipped_text_reads_as_its_own_language():
    """No false alarm on real content: every shipped text, names and titles among them."""
    found = [
        (where, code, other_languages(value[code], code))
        for where, value in localized_values()
        for code in ("en", "fr", "it")
    ]
    assert len(found) > 400
    assert [entry for entry in found if entry[2]] == []


@pytest.mark.parametrize(
    ("target", "language", "expected"),
    [
        (f"<p>{FRENCH}</p><p>{ENGLISH}</p>", "fr", ["en"]),
        (f"<p>{ITALIAN}</p><ul><li>{FRENCH}</li></ul>", "it", ["fr"]),
        (f"<p>{ENGLISH} {ITALIAN}</p>", "en", ["it"]),
        # Names and short titles are every language's.
        ("<p>Renault 5 E-Tech Electric</p><h2>Alpine F1 Team</h2>", "fr", []),
        (f"<p>{FRENCH}</p>", "fr", []),
    ],
)
def test_sentences_in_another_language_are_found(target, language, expected):
    assert other_languages(target, language) == expected


def test_planted_english_in_a_french_body_is_a_finding_that_does_not_block_the_save():
    release = PressReleaseFactory(
        body_en=f"<p>{ENGLISH}</p><p>Sales grew by 7 %.</p>",
        body_fr=f"<p>{FRENCH}</p><p>{ENGLISH} 7 %.</p>",
    )
    release.refresh_from_db()
    assert "electrify" in release.body_fr  # saved as written
    row = FieldTranslation.objects.for_object(release).get(field="body", language="fr")
    assert row.state == State.CURRENT and row.issues == "lang:en"
    assert describe_issues(row.issues) == "text left in English"
    assert consistency_issues("7.3 bn", "6,3 Md, " + ENGLISH, "fr") == "-7.3 +6.3 lang:en"


def test_dashboard_queue_and_command_agree_on_every_finding_type(client):
    login(client, "Editors")
    # Current, figures: counted.
    PressReleaseFactory(
        title_en="Revenue of 7.3 billion",
        title_fr="Chiffre de 6,3 milliards",
        title_it="Fatturato di 7,3 miliardi",
    )
    # Current, another language: counted.
    PressReleaseFactory(body_en=f"<p>{ENGLISH}</p>", body_fr=f"<p>{ENGLISH}</p>")
    # Both in one field: counted once in each type.
    PressReleaseFactory(summary_en=f"{ENGLISH} 7.3", summary_fr=f"{ENGLISH} 6,3")
    # Outdated with a figure mismatch: pending work, counted as outdated, not as a finding.
    outdated = PressReleaseFactory(
        title_en="Sold 5 cars", title_fr="5 voitures vendues", title_it="5 auto vendute"
    )
    outdated.title_en = "Sold 6 cars"
    outdated.save()
    assert FieldTranslation.objects.get(field="title", object_id=outdated.pk, language="fr").issues

    expected = {"figures": 2, "other_language": 2, "terms": 0}
    statuses = {s["code"]: s for s in dashboard(client).context["statuses"]}
    assert statuses["fr"]["findings"] == expected
    assert dashboard(client).context["findings"] == expected
    queue = client.get(reverse("translations:queue", args=["fr"]))
    assert queue.context["findings"] == expected
    assert len(queue.context["issues"]) == 3  # objects listed in the section
    out = StringIO()
    call_command("translation_status", "--format", "json", "--language", "fr", stdout=out)
    listed = json.loads(out.getvalue())["consistency_issues"]
    assert len(listed) == len(queue.context["issues"]) == 3  # one field of each release
    assert sum("lang:" in row["issues"] for row in listed) == expected["other_language"]
    assert sum(any(t[0] in "+-" for t in row["issues"].split()) for row in listed) == 2
