"""
Compare and restore through the real admin: field by field and language by
language, relations included, within the rights of the user.
"""

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from companies.models import Position, PressRelease
from revisions.services import recording, versions_of
from tests.admin_clients import admin_url, logged_in
from tests.factories import (
    CompanyFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    image_file,
)
from tests.revisions.conftest import save_through_admin
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


def read_page(response):
    return lxml.html.fromstring(response.content.decode())


def changed_rows(response):
    return read_page(response).xpath("//tr[@data-field]")


def diff_rows(response):
    """{(field, language): (deleted words, inserted words)} of a compare or restore page."""
    rows = {}
    for row in changed_rows(response):
        cell = row.xpath(".//td[contains(@class, 'revision-diff')]")[0]
        rows[(row.get("data-field"), row.get("data-language", ""))] = (
            " ".join(d.text_content() for d in cell.xpath(".//del")),
            " ".join(i.text_content() for i in cell.xpath(".//ins")),
        )
    return rows


@pytest.fixture
def release(editor_client):
    """A press release saved twice: every language, its company and its people changed."""
    first, second = PersonFactory(name="Luca de Meo"), PersonFactory(name="Fabrice Cambolive")
    old_company, new_company = CompanyFactory(name="Renault Group"), CompanyFactory(name="Ampere")
    release = PressReleaseFactory(
        title_en="Renault presents its plan",
        title_fr="Renault présente son plan",
        title_it="Renault presenta il piano",
        company=old_company,
    )
    save_through_admin(editor_client, release, people=[str(first.pk)])
    save_through_admin(
        editor_client,
        release,
        title_en="Renault presents its new plan",
        title_fr="Renault dévoile son plan",
        title_it="Renault presenta il suo piano",
        company=str(new_company.pk),
        people=[str(second.pk)],
    )
    return release


def test_compare_shows_each_language_word_by_word_and_the_relations(editor_client, release):
    new, old = versions_of(release)
    response = editor_client.get(
        admin_url(release, "revisions_compare"), {"old": old.pk, "new": new.pk}
    )
    assert response.status_code == 200
    rows = diff_rows(response)
    assert rows[("title", "en")] == ("", "new")
    assert rows[("title", "fr")] == ("présente", "dévoile")
    assert rows[("title", "it")] == ("", "suo")
    assert rows[("company", "")] == ("Renault Group", "Ampere")
    assert rows[("people mentioned", "")] == ("Luca de Meo", "Fabrice Cambolive")
    # Unchanged fields are not listed.
    assert ("summary", "en") not in rows


def test_compare_reads_in_the_editors_language(editor_client, release):
    new, old = versions_of(release)
    with translation.override("fr"):
        response = editor_client.get(
            admin_url(release, "revisions_compare"),
            {"old": new.pk, "new": old.pk},  # either order: older first
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert response.status_code == 200
    assert diff_rows(response)[("titre", "fr")] == ("présente", "dévoile")


def test_compare_defaults_to_the_two_latest_revisions(editor_client, release):
    response = editor_client.get(admin_url(release, "revisions_compare"))
    assert diff_rows(response)[("title", "en")] == ("", "new")


@pytest.mark.parametrize(
    "query", [{"old": "x", "new": "1"}, {"old": "999999", "new": "1"}, {"old": ""}]
)
def test_compare_of_unknown_revisions_answers_404(editor_client, release, query):
    response = editor_client.get(admin_url(release, "revisions_compare"), query)
    assert response.status_code == 404


def test_a_revision_of_another_object_is_not_found(editor_client, release):
    other = PressReleaseFactory()
    save_through_admin(editor_client, other)
    foreign = versions_of(other).first()
    mine = versions_of(release).first()
    url = admin_url(release, "revisions_compare")
    assert editor_client.get(url, {"old": foreign.pk, "new": mine.pk}).status_code == 404
    assert (
        editor_client.post(admin_url(release, "revisions_restore", foreign.pk)).status_code == 404
    )


def test_restore_brings_back_every_language_and_the_relations_as_a_new_revision(
    editor_client, editor, release
):
    new, old = versions_of(release)
    page = editor_client.get(admin_url(release, "revisions_restore", old.pk))
    assert page.status_code == 200
    # The confirmation says what the restore changes, and changes nothing yet.
    assert diff_rows(page)[("title", "fr")] == ("dévoile", "présente")
    assert versions_of(release).count() == 2

    response = editor_client.post(admin_url(release, "revisions_restore", old.pk))
    assert response.status_code == 302
    assert response["Location"] == admin_url(release, "change")
    release.refresh_from_db()
    assert (release.title_en, release.title_fr, release.title_it) == (
        "Renault presents its plan",
        "Renault présente son plan",
        "Renault presenta il piano",
    )
    assert release.company.name == "Renault Group"
    assert [person.name for person in release.people.all()] == ["Luca de Meo"]
    versions = list(versions_of(release))
    # The restore is a third revision; the one it replaced is still there.
    assert [v.pk for v in versions[1:]] == [new.pk, old.pk]
    assert versions[0].revision.user == editor
    assert versions[0].revision.comment == "Restored an earlier revision"
    assert versions[0].field_dict["title_fr"] == "Renault présente son plan"


def test_a_state_written_outside_revisions_is_recorded_before_a_restore(editor_client, release):
    new, old = versions_of(release)
    PressRelease.objects.filter(pk=release.pk).update(title_en="Changed in the shell")
    editor_client.post(admin_url(release, "revisions_restore", old.pk))
    restored, before, *_rest = versions_of(release)
    assert before.field_dict["title_en"] == "Changed in the shell"
    assert before.revision.comment == "State before a restore"
    assert restored.field_dict["title_en"] == "Renault presents its plan"


def test_restore_keeps_translation_states_in_step(editor_client, release):
    new, old = versions_of(release)
    editor_client.post(admin_url(release, "revisions_restore", old.pk))
    row = FieldTranslation.objects.for_object(release).get(field="title", language="fr")
    assert row.state == State.CURRENT
    assert row.translated_source == "Renault presents its plan"


@pytest.fixture
def person(editor_client):
    """A person saved twice: a position renamed in every language, one removed, one added."""
    person = PersonFactory(headline_en="Chief executive", headline_fr="Directeur général")
    kept = PositionFactory(person=person, title_en="CEO", title_fr="PDG", title_it="AD")
    dropped = PositionFactory(person=person, title_en="Chairman")
    save_through_admin(editor_client, person)
    kept.title_en, kept.title_fr, kept.title_it = "Chief", "Chef", "Capo"
    kept.save()
    dropped.delete()
    PositionFactory(person=person, title_en="Adviser")
    save_through_admin(editor_client, person, headline_fr="Directeur général du groupe")
    return person


def test_compare_lists_positions_added_removed_and_changed(editor_client, person):
    response = editor_client.get(admin_url(person, "revisions_compare"))
    rows = diff_rows(response)
    changed = {key: value for key, value in rows.items() if key[0].endswith(": title")}
    assert sorted(changed.values()) == [("AD", "Capo"), ("CEO", "Chief"), ("PDG", "Chef")]
    statuses = {
        row.get("data-field").split(",")[1].split("(")[0].strip(): row.xpath(
            ".//td[contains(@class, 'revision-diff')]"
        )[0]
        .text_content()
        .strip()
        for row in changed_rows(response)
        if row.xpath(".//*[@class='revision-status-added' or @class='revision-status-removed']")
    }
    assert statuses == {"Chairman": "removed", "Adviser": "added"}
    assert rows[("headline", "fr")] == ("", "du groupe")


def test_restore_brings_back_the_positions(editor_client, person):
    new, old = versions_of(person)
    editor_client.post(admin_url(person, "revisions_restore", old.pk))
    titles = sorted(Position.objects.filter(person=person).values_list("title_en", flat=True))
    assert titles == ["CEO", "Chairman"]
    assert Position.objects.get(person=person, title_en="CEO").title_it == "AD"


def test_a_translator_restores_only_their_languages(translator_client, translator_fr, person):
    new, old = versions_of(person)
    page = translator_client.get(admin_url(person, "revisions_restore", old.pk))
    assert page.status_code == 200
    # What they would change: French only.
    assert {language for _field, language in diff_rows(page)} == {"fr"}
    response = translator_client.post(admin_url(person, "revisions_restore", old.pk))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.headline_fr == "Directeur général"
    positions = {p.title_en: p for p in Position.objects.filter(person=person)}
    # English and Italian stay; rows are neither added nor removed.
    assert sorted(positions) == ["Adviser", "Chief"]
    assert (positions["Chief"].title_fr, positions["Chief"].title_it) == ("PDG", "Capo")
    assert versions_of(person).first().revision.user == translator_fr


def test_a_restore_that_breaks_a_rule_is_refused_and_writes_nothing(editor_client, release):
    new, old = versions_of(release)
    # Another release took the old slug since.
    PressReleaseFactory(slug_en=old.field_dict["slug_en"] + "-x")
    PressRelease.objects.filter(pk=release.pk).update(slug_en="moved")
    PressRelease.objects.exclude(pk=release.pk).filter(slug_en__endswith="-x").update(
        slug_en=old.field_dict["slug_en"]
    )
    count = versions_of(release).count()
    response = editor_client.post(admin_url(release, "revisions_restore", old.pk), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Nothing was restored:") and "slug" in m.lower() for m in messages), (
        messages
    )
    release.refresh_from_db()
    assert release.slug_en == "moved"
    assert versions_of(release).count() == count


def test_a_restore_naming_a_deleted_company_is_refused(editor_client, release):
    new, old = versions_of(release)
    old_company = release.company.__class__.objects.get(pk=old.field_dict["company_id"])
    PressRelease.objects.filter(company=old_company).update(company=release.company)
    old_company.delete()
    response = editor_client.post(admin_url(release, "revisions_restore", old.pk), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Nothing was restored:") for m in messages), messages


def test_staff_without_a_role_may_not_restore(release):
    staff = User.objects.create_user("nobody", password="pw", is_staff=True)
    client = logged_in(staff)
    old = versions_of(release).last()
    assert client.post(admin_url(release, "revisions_restore", old.pk)).status_code == 403
    assert versions_of(release).count() == 2


def test_the_history_page_lists_revisions_in_bounded_queries(editor_client, release):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(admin_url(release, "history"))
        assert response.status_code == 200
        return len(queries), response

    few, _response = count_queries()
    for number in range(5):
        save_through_admin(editor_client, release, title_en=f"Title {number}")
    many, response = count_queries()
    # One query for the page of versions with their revisions and users,
    # whatever the number of revisions.
    assert many == few
    page = read_page(response)
    assert len(page.xpath("//input[@name='old']")) == 7
    links = page.xpath("//a[@class='revision-restore-link']/@href")
    assert links[0] == admin_url(release, "revisions_restore", versions_of(release).first().pk)


def test_an_image_and_its_alt_texts_are_compared_and_restored(editor_client):
    release = PressReleaseFactory(with_image=True)
    first_image = release.image.name
    save_through_admin(editor_client, release)
    with recording(user=None, comment="New image"):
        release.image = image_file("other.jpg", (800, 600))
        release.image_alt_fr = "Une autre image"
        release.save()
    new, old = versions_of(release)
    assert new.field_dict["image"] != first_image
    rows = diff_rows(editor_client.get(admin_url(release, "revisions_compare")))
    alt_fr = [value for (_field, language), value in rows.items() if language == "fr"]
    assert alt_fr == [("L'image", "Une autre")]  # word by word: "image" stays
    assert any(field == "image" for field, _language in rows)
    editor_client.post(admin_url(release, "revisions_restore", old.pk))
    release.refresh_from_db()
    assert release.image.name == first_image
    assert (release.image_width, release.image_height) == (1200, 630)
    assert release.image_alt_fr == "L'image image"
