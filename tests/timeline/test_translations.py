"""The translators' workspace covers milestones: states, dashboard, queue, XLIFF and PO."""

import json
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from translate.storage import xliff

from tests.factories import MilestoneFactory
from tests.translations.test_dashboard import by_model, dashboard, login
from timeline.models import Milestone
from translations.exchange import export_units, import_translations, write_po, write_xliff
from translations.models import FieldTranslation, State
from translations.registry import translatable_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def milestone():
    """French title missing, Italian complete; no image, so no alt text to translate."""
    return MilestoneFactory(
        title_en="Ampere starts",
        title_fr="",
        title_it="Ampere parte",
        summary_en="Eleven sites and 11,000 people.",
        summary_fr="Onze sites et 11 000 personnes.",
        summary_it="Undici siti e 11.000 persone.",
        image_alt_en="",
    )


def uid(milestone, field):
    return f"timeline.milestone:{milestone.pk}:{field}"


def states(milestone, language):
    rows = FieldTranslation.objects.for_object(milestone).filter(language=language)
    return dict(rows.values_list("field", "state"))


def test_milestones_are_a_translatable_model():
    assert Milestone in translatable_models()


def test_every_save_keeps_the_states_of_its_fields(milestone):
    assert states(milestone, "fr") == {"title": State.MISSING, "summary": State.CURRENT}
    assert states(milestone, "it") == {"title": State.CURRENT, "summary": State.CURRENT}
    milestone.summary_en = "Eleven sites and more than 11,000 people."
    milestone.save()
    assert states(milestone, "it")["summary"] == State.OUTDATED
    # English is the source: it has no state of its own.
    assert states(milestone, "en") == {}


def test_the_dashboard_and_queue_count_milestones(client, milestone):
    login(client, "Translators (fr)")
    row = by_model(dashboard(client), "fr")["milestones"]
    assert (row["current"], row["outdated"], row["missing"]) == (1, 0, 1)
    queue = client.get(reverse("translations:queue", args=["fr"]))
    assert queue.status_code == 200
    change_url = reverse("admin:timeline_milestone_change", args=[milestone.pk])
    assert change_url in queue.content.decode()


def test_translation_status_reports_milestones(milestone):
    out = StringIO()
    call_command("translation_status", "--format", "json", stdout=out)
    fr = json.loads(out.getvalue())["languages"]["fr"]["models"]["timeline.milestone"]
    assert (fr["current"], fr["outdated"], fr["missing"]) == (1, 0, 1)


def test_xliff_export_and_import_round_trip(milestone):
    data = write_xliff(export_units("fr"), target_language="fr")
    store = xliff.xlifffile.parsestring(data)
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    assert set(units) == {uid(milestone, "title"), uid(milestone, "summary")}
    assert units[uid(milestone, "title")].source == "Ampere starts"
    units[uid(milestone, "title")].target = "Ampere démarre"

    import_translations(bytes(store), languages_allowed=["fr"])

    milestone.refresh_from_db()
    assert milestone.title_fr == "Ampere démarre"
    assert states(milestone, "fr")["title"] == State.CURRENT


def test_po_export_lists_only_pending_milestone_fields(milestone):
    po = polib.pofile(
        write_po(export_units("fr", only_pending=True), target_language="fr").decode()
    )
    assert [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in po] == [
        (uid(milestone, "title"), "Ampere starts", "")
    ]
