"""
The glossary: editors maintain it, every translation is checked against it
(on save, import and in translation_status), TBX carries it to CAT tools.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from translate.storage.tbx import tbxfile

from renaulution.content.glossary import GLOSSARY
from tests.factories import PressReleaseFactory
from translations import glossary
from translations.admin import change_url
from translations.consistency import describe_issues
from translations.models import FieldTranslation, State, Term, TermTranslation

from .test_dashboard import dashboard, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    electricity = Term.objects.create(text="ElectriCity", do_not_translate=True)
    award = Term.objects.create(text="Car of the Year")
    TermTranslation.objects.create(term=award, language="fr", text="Voiture de l'année")
    TermTranslation.objects.create(term=award, language="it", text="Auto dell'Anno")
    return electricity, award


def title_row(release, language="fr"):
    return FieldTranslation.objects.for_object(release).get(field="title", language=language)


@pytest.mark.parametrize(
    ("title_fr", "findings"),
    [
        ("ElectriCity, Voiture de l'année", ""),
        # Any case, whole words.
        ("electricity, la voiture de l'année", ""),
        ("Électricité, Voiture de l'année", "term:ElectriCity"),
        ("ElectriCity, Voiture de l'an", "term:Car%20of%20the%20Year"),
        ("Electricityhub, Auto", "term:Car%20of%20the%20Year term:ElectriCity"),
    ],
)
def test_a_translation_must_carry_the_terms_of_its_source(terms, title_fr, findings):
    release = PressReleaseFactory(
        title_en="ElectriCity wins Car of the Year",
        title_fr=title_fr,
        title_it="ElectriCity vince l'Auto dell'Anno",
    )
    assert title_row(release).issues == findings
    assert title_row(release, "it").issues == ""


def test_a_term_absent_from_the_source_is_not_asked_for(terms):
    release = PressReleaseFactory(title_en="A new plant", title_fr="Une nouvelle usine")
    assert title_row(release).issues == ""


def test_findings_are_described_and_counted_like_the_others(client, terms):
    login(client, "Editors")
    release = PressReleaseFactory(title_en="Car of the Year", title_fr="Prix de l'année")
    row = title_row(release)
    assert row.state == State.CURRENT
    assert describe_issues(row.issues) == "glossary terms not rendered: Car of the Year"
    statuses = {s["code"]: s for s in dashboard(client).context["statuses"]}
    assert statuses["fr"]["findings"]["terms"] == 1
    queue = client.get(reverse("translations:queue", args=["fr"]))
    assert queue.context["findings"]["terms"] == 1
    assert "glossary terms not rendered: Car of the Year" in queue.content.decode()


def test_a_new_term_is_used_by_the_next_save_in_every_process(terms):
    glossary.terms()  # loaded
    Term.objects.create(text="Bigster", do_not_translate=True)
    release = PressReleaseFactory(title_en="The Bigster", title_fr="Le grand SUV")
    assert title_row(release).issues == "term:Bigster"


def test_the_shipped_content_renders_every_shipped_term():
    call_command("load_renaulution", verbosity=0)
    assert Term.objects.count() == len(GLOSSARY)
    assert TermTranslation.objects.filter(term__text="Car of the Year").count() == 2
    # The shipped translations carry every term of their sources, and more:
    # no check finds fault with any of them.
    assert list(FieldTranslation.objects.with_findings().values_list("issues", flat=True)) == []
    # And the glossary is not idle: the terms occur in the content.
    assert FieldTranslation.objects.filter(translated_source__contains="ElectriCity").exists()


def test_editors_maintain_the_glossary_translators_read_it(client, terms):
    editor = login(client, "Editors", username="editor")
    assert editor.has_perm("translations.add_term") and editor.has_perm("translations.change_term")
    assert client.get(reverse("admin:translations_term_changelist")).status_code == 200
    translator = User.objects.create_user("tr", password="pw", is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators (fr)"))
    assert translator.has_perm("translations.view_term")
    assert not translator.has_perm("translations.change_term")
    client.force_login(translator)
    assert client.get(reverse("admin:translations_term_changelist")).status_code == 200
    add = client.post(reverse("admin:translations_term_add"), {"text": "Sneaky"})
    assert add.status_code == 403 and not Term.objects.filter(text="Sneaky").exists()


def test_tbx_export_is_read_by_translate_toolkit(client, terms):
    login(client, "Translators (it)")
    response = client.get(reverse("admin:translations_term_tbx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-tbx+xml"
    store = tbxfile.parsestring(response.content)
    by_source = {unit.source: unit for unit in store.units}
    assert set(by_source) == {"ElectriCity", "Car of the Year"}
    # Each language's expression is in the entry: the kept name in every language.
    entry = response.content.decode()
    assert entry.count("<term>ElectriCity</term>") == 3
    assert "<term>Voiture de l'année</term>" in entry and "<term>Auto dell'Anno</term>" in entry


def test_tbx_export_needs_the_right_to_read_the_glossary(client, terms):
    User.objects.create_user("staff", password="pw", is_staff=True)
    client.login(username="staff", password="pw")
    assert client.get(reverse("admin:translations_term_tbx")).status_code == 403


def test_the_translator_s_form_shows_the_source_s_terms_with_their_target(client, terms):
    release = PressReleaseFactory(
        title_en="ElectriCity wins Car of the Year", title_fr="", summary_en="A new plant"
    )
    login(client, "Translators (fr)")
    content = client.get(change_url(release)).content.decode()
    glossaries = content.count('class="translation-terms"')
    assert glossaries == 1  # the title's; the summary has no term
    assert (
        '<span lang="en">Car of the Year</span> → '
        '<strong lang="fr">Voiture de l&#x27;année</strong>' in content
    )
    assert '<strong lang="fr">ElectriCity</strong> <em>(do not translate)</em>' in content


def scheduler_runs():
    call_command("publish_scheduled", verbosity=0)


def test_translations_are_checked_again_when_the_glossary_changes():
    release = PressReleaseFactory(title_en="The Bigster is here", title_fr="Le grand SUV arrive")
    other = PressReleaseFactory(title_en="A new plant", title_fr="Une nouvelle usine")
    assert title_row(release).issues == ""
    bigster = Term.objects.create(text="Bigster", do_not_translate=True)
    scheduler_runs()
    assert title_row(release).issues == "term:Bigster"
    assert title_row(release).state == State.CURRENT  # a finding, not new work
    assert title_row(other).issues == ""

    # Renamed: the translations of the old text are checked too.
    bigster.text = "Duster"
    bigster.save()
    scheduler_runs()
    assert title_row(release).issues == ""
    bigster.text = "Bigster"
    bigster.save()
    scheduler_runs()
    assert title_row(release).issues == "term:Bigster"
    bigster.delete()
    scheduler_runs()
    assert title_row(release).issues == ""
