"""
A glossary change is checked against the content off the editor's request:
the request records the term's texts, the scheduler (`publish_scheduled`,
every minute) checks again the translations holding them.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin_clients import logged_in, make_user
from tests.factories import PressReleaseFactory
from translations import glossary
from translations.models import FieldTranslation, GlossaryRecheck, Term, TermTranslation

pytestmark = pytest.mark.django_db


def issues(release):
    return FieldTranslation.objects.for_object(release).get(field="title", language="fr").issues


def scheduler_runs():
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def add_term(client, text):
    """The editor's request: the glossary's add form, no preferred translation."""
    response = client.post(
        reverse("admin:translations_term_add"),
        {
            "text": text,
            "do_not_translate": "on",
            "note": "",
            "translations-TOTAL_FORMS": "0",
            "translations-INITIAL_FORMS": "0",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def editor():
    return logged_in(make_user("editor", "Editors"))


def test_a_term_added_in_the_admin_marks_findings_when_the_scheduler_runs(editor):
    release = PressReleaseFactory(title_en="The Bigster is here", title_fr="Le grand SUV arrive")
    add_term(editor, "Bigster")
    # The request only recorded what to check.
    assert issues(release) == ""
    assert list(GlossaryRecheck.objects.values_list("phrase", flat=True)) == ["Bigster"]

    out = scheduler_runs()
    assert "recheck_changed_terms: 1 item." in out
    assert issues(release) == "term:Bigster"
    assert not GlossaryRecheck.objects.exists()
    # Nothing left to do: the next run checks nothing again.
    assert "recheck_changed_terms" not in scheduler_runs()


def test_the_editors_request_costs_the_same_whatever_the_content_holds(
    editor, django_capture_on_commit_callbacks
):
    # What runs after the commit is part of the request too: executed here.
    PressReleaseFactory.create_batch(2, title_en="The Bigster is here", title_fr="Le SUV")
    with CaptureQueriesContext(connection) as few, django_capture_on_commit_callbacks(execute=True):
        add_term(editor, "Bigster")
    PressReleaseFactory.create_batch(25, title_en="The Duster is here", title_fr="Le SUV")
    with (
        CaptureQueriesContext(connection) as many,
        django_capture_on_commit_callbacks(execute=True),
    ):
        add_term(editor, "Duster")
    # Session, user, the term's insert, the texts recorded in one insert, the
    # admin's log entry: none of it reads the content, so 2 or 25 objects
    # holding the term cost the same.
    assert len(many) == len(few)
    assert not [q for q in many.captured_queries if "companies_pressrelease" in q["sql"]]
    assert GlossaryRecheck.objects.count() == 2


def test_a_term_change_rolled_back_leaves_nothing_to_check():
    term = Term.objects.create(text="Bigster", do_not_translate=True)
    GlossaryRecheck.objects.all().delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        term.text = "Duster"
        term.save()
        raise RuntimeError
    assert not GlossaryRecheck.objects.exists()


def test_the_old_and_new_texts_of_a_changed_translation_are_checked():
    release = PressReleaseFactory(
        title_en="Car of the Year", title_fr="Voiture de l'année", title_it="Auto dell'anno"
    )
    term = Term.objects.create(text="Car of the Year")
    preferred = TermTranslation.objects.create(term=term, language="fr", text="Voiture de l'an")
    scheduler_runs()
    assert issues(release) == "term:Car%20of%20the%20Year"
    preferred.text = "Voiture de l'année"
    preferred.save()
    assert set(GlossaryRecheck.objects.values_list("phrase", flat=True)) >= {
        "Voiture de l'an",
        "Voiture de l'année",
        "Car of the Year",
    }
    scheduler_runs()
    assert issues(release) == ""


def test_the_recheck_reads_the_terms_anew_whatever_this_process_remembers():
    release = PressReleaseFactory(title_en="The Bigster is here", title_fr="Le grand SUV arrive")
    glossary.terms()
    Term.objects.create(text="Bigster", do_not_translate=True)
    # A scheduler process whose copy of the terms predates the change while
    # its cache says it is current (a local-memory cache is per process).
    glossary.terms()
    glossary._loaded["terms"] = []
    scheduler_runs()
    assert issues(release) == "term:Bigster"
