"""
Edit conflicts through the real admin: two people, each logged in with their
own session, open the same change form and save one after the other.
"""

import lxml.html
import pytest
from django.core import signing
from django.test import Client

from companies.models import PressRelease
from renaulution.conflicts import CHOICE_PREFIX, SNAPSHOT_FIELD
from renaulution.roles import EDITORS
from tests.admin_clients import change_url, make_user
from tests.factories import PersonFactory, PositionFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db


def logged_in(username, group=EDITORS):
    """A client that logged in through the login form's backend, as a real session."""
    make_user(username, group)
    client = Client()
    assert client.login(username=username, password="pw")
    return client


@pytest.fixture
def alice():
    return logged_in("alice")


@pytest.fixture
def bruno():
    return logged_in("bruno")


@pytest.fixture
def marie():
    """A French translator."""
    return logged_in("marie", "Translators (fr)")


def open_form(client, obj):
    """What the browser would submit from the change form, untouched."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return page_form(response)


def page_form(response):
    document = lxml.html.fromstring(response.content.decode())
    form = next(f for f in document.forms if (f.get("id") or "").endswith("_form"))
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def save(client, obj, data, **changes):
    return client.post(change_url(obj), {**data, **changes})


def saved(response):
    assert response.status_code == 302, response.context["errors"]
    return response


def panel(response):
    """The conflict panel's rows: {choice name: (label, deleted words, inserted words)}."""
    document = lxml.html.fromstring(response.content.decode())
    rows = {}
    for row in document.xpath('//*[@id="conflict-panel"]//tr[@data-conflict]'):
        choice = row.xpath(".//input[@type='radio']")[0].get("name")
        rows[choice] = (
            row.xpath(".//th")[0].text_content().strip(),
            [node.text_content() for node in row.xpath(".//del")],
            [node.text_content() for node in row.xpath(".//ins")],
        )
    return rows


def who(response):
    document = lxml.html.fromstring(response.content.decode())
    return document.xpath('//*[@id="conflict-panel"]/p')[0].text_content()


@pytest.fixture
def release():
    return PressReleaseFactory(
        title_en="Ampere starts today",
        title_fr="Ampere démarre",
        summary_en="The electric arm is launched.",
        body_en="<p>English body.</p>",
    )


def test_the_same_field_changed_by_both_is_refused_with_a_diff(alice, bruno, release):
    # An earlier save by Bruno, seen by both: not a change "since the form was opened".
    saved(save(bruno, release, open_form(bruno, release), summary_en="Seen by both."))
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, title_en="Ampere starts on Monday"))

    response = save(bruno, release, form_b, title_en="Ampere starts in Paris")

    assert response.status_code == 200
    release.refresh_from_db()
    assert release.title_en == "Ampere starts on Monday"  # nothing of Bruno's written
    rows = panel(response)
    assert list(rows) == [CHOICE_PREFIX + "title_en"]
    label, deleted, inserted = rows[CHOICE_PREFIX + "title_en"]
    assert label.startswith("Title")
    assert deleted == ["on Monday"]
    assert inserted == ["in Paris"]
    assert "alice" in who(response)
    assert "bruno" not in who(response)
    # The re-shown form still holds Bruno's text: nothing he typed is lost.
    assert page_form(response)["title_en"] == ["Ampere starts in Paris"]


def test_after_a_conflict_the_person_keeps_theirs_or_takes_the_other(alice, bruno, release):
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, title_en="Alice's title", title_fr="Titre d'Alice"))
    response = save(bruno, release, form_b, title_en="Bruno's title", title_fr="Titre de Bruno")
    assert set(panel(response)) == {CHOICE_PREFIX + "title_en", CHOICE_PREFIX + "title_fr"}

    again = page_form(response)
    saved(
        save(
            bruno,
            release,
            again,
            **{CHOICE_PREFIX + "title_en": "mine", CHOICE_PREFIX + "title_fr": "theirs"},
        )
    )

    release.refresh_from_db()
    assert release.title_en == "Bruno's title"
    assert release.title_fr == "Titre d'Alice"


def test_saving_again_without_choosing_is_refused_again(alice, bruno, release):
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, title_en="Alice's title"))
    response = save(bruno, release, form_b, title_en="Bruno's title")

    response = save(bruno, release, page_form(response))

    assert response.status_code == 200
    assert list(panel(response)) == [CHOICE_PREFIX + "title_en"]
    release.refresh_from_db()
    assert release.title_en == "Alice's title"


def test_a_choice_made_on_an_older_version_is_not_applied(alice, bruno, release):
    """Alice saves a third time while Bruno chooses: he sees the conflict again."""
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, title_en="Alice's first"))
    response = save(bruno, release, form_b, title_en="Bruno's title")
    saved(save(alice, release, open_form(alice, release), title_en="Alice's second"))

    response = save(bruno, release, page_form(response), **{CHOICE_PREFIX + "title_en": "mine"})

    assert response.status_code == 200
    assert panel(response)[CHOICE_PREFIX + "title_en"][1] == ["Alice's second"]
    release.refresh_from_db()
    assert release.title_en == "Alice's second"


def test_changes_to_different_fields_are_combined(alice, bruno, release):
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, summary_en="A new summary by Alice."))

    response = saved(save(bruno, release, form_b, title_en="A new title by Bruno"))

    release.refresh_from_db()
    assert release.summary_en == "A new summary by Alice."
    assert release.title_en == "A new title by Bruno"
    notes = [str(message) for message in response.wsgi_request._messages]
    assert any("were kept" in note and "Summary" in note for note in notes)


def test_a_french_translator_and_an_english_editor_both_keep_their_work(alice, marie, release):
    form_editor, form_translator = open_form(alice, release), open_form(marie, release)
    saved(save(alice, release, form_editor, title_en="Ampere starts on Monday"))

    saved(save(marie, release, form_translator, title_fr="Ampere démarre lundi"))

    release.refresh_from_db()
    assert release.title_en == "Ampere starts on Monday"
    assert release.title_fr == "Ampere démarre lundi"


def test_the_other_order_keeps_both_languages_too(alice, marie, release):
    form_editor, form_translator = open_form(alice, release), open_form(marie, release)
    saved(save(marie, release, form_translator, title_fr="Ampere démarre lundi"))

    saved(save(alice, release, form_editor, body_en="<p>A longer English body.</p>"))

    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre lundi"
    assert release.body_en == "<p>A longer English body.</p>"


def test_the_same_language_field_changed_by_translator_and_editor_conflicts(alice, marie, release):
    form_editor, form_translator = open_form(alice, release), open_form(marie, release)
    saved(save(alice, release, form_editor, title_fr="Ampere commence"))

    response = save(marie, release, form_translator, title_fr="Ampere démarre lundi")

    assert response.status_code == 200
    assert list(panel(response)) == [CHOICE_PREFIX + "title_fr"]
    release.refresh_from_db()
    assert release.title_fr == "Ampere commence"


def test_people_added_and_removed_by_both_are_merged(alice, bruno):
    kept, removed, added_a, added_b = PersonFactory.create_batch(4)
    release = PressReleaseFactory()
    release.people.set([kept, removed])
    form_a, form_b = open_form(alice, release), open_form(bruno, release)
    saved(save(alice, release, form_a, people=[kept.pk, removed.pk, added_a.pk]))

    saved(save(bruno, release, form_b, people=[kept.pk, added_b.pk]))

    assert set(release.people.all()) == {kept, added_a, added_b}


def positions_form(data, person):
    """{position pk: its form prefix} in the person's change form data."""
    prefixes = {}
    for name, values in data.items():
        if name.startswith("positions-") and name.endswith("-id") and values[0]:
            prefixes[int(values[0])] = name.removesuffix("-id")
    return prefixes


def test_inline_rows_changed_by_both_are_merged_field_by_field(alice, bruno):
    first = PositionFactory(title_en="Chief executive officer")
    person = first.person
    second = PositionFactory(person=person, title_en="Chairman", title_fr="Président")
    form_a, form_b = open_form(alice, person), open_form(bruno, person)
    prefix = positions_form(form_a, person)
    saved(
        save(
            alice,
            person,
            form_a,
            **{f"{prefix[first.pk]}-title_en": "CEO", f"{prefix[second.pk]}-title_en": "Chair"},
        )
    )

    saved(save(bruno, person, form_b, **{f"{prefix[second.pk]}-title_fr": "Présidente"}))

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title_en == "CEO"
    assert (second.title_en, second.title_fr) == ("Chair", "Présidente")


def test_the_same_field_of_an_inline_row_changed_by_both_is_refused(alice, bruno):
    position = PositionFactory(title_en="Chief executive officer")
    person = position.person
    form_a, form_b = open_form(alice, person), open_form(bruno, person)
    field = f"{positions_form(form_a, person)[position.pk]}-title_en"
    saved(save(alice, person, form_a, **{field: "CEO"}))

    response = save(bruno, person, form_b, **{field: "Managing director"})

    assert response.status_code == 200
    rows = panel(response)
    assert list(rows) == [f"{CHOICE_PREFIX}positions-{position.pk}-title_en"]
    assert rows[f"{CHOICE_PREFIX}positions-{position.pk}-title_en"][1:] == (
        ["CEO"],
        ["Managing director"],
    )
    position.refresh_from_db()
    assert position.title_en == "CEO"


@pytest.mark.parametrize("token", [None, "", "forged", "tampered"])
def test_a_missing_or_tampered_check_is_refused_with_a_message(alice, release, token):
    data = open_form(alice, release)
    if token is None:
        del data[SNAPSHOT_FIELD]
    elif token == "tampered":
        state = signing.loads(data[SNAPSHOT_FIELD][0], salt="renaulution.conflicts")
        state["columns"]["title_en"] = "Something else"
        data[SNAPSHOT_FIELD] = signing.dumps(state, salt="another salt", compress=True)
    else:
        data[SNAPSHOT_FIELD] = token

    response = save(alice, release, data, title_en="Changed")

    assert response.status_code == 200
    assert "could not be checked" in response.content.decode()
    assert PressRelease.objects.get(pk=release.pk).title_en == "Ampere starts today"
    # The re-shown form carries a fresh check: saving it again works.
    saved(save(alice, release, page_form(response)))
    assert PressRelease.objects.get(pk=release.pk).title_en == "Changed"


def test_a_check_for_another_object_is_refused(alice, release):
    other = PressReleaseFactory()
    data = open_form(alice, release)
    data[SNAPSHOT_FIELD] = open_form(alice, other)[SNAPSHOT_FIELD]

    response = save(alice, release, data, title_en="Changed")

    assert response.status_code == 200
    assert "could not be checked" in response.content.decode()


def test_a_save_with_nobody_else_changes_nothing_but_mine(alice, release):
    data = open_form(alice, release)

    response = saved(save(alice, release, data, title_en="Only mine"))

    release.refresh_from_db()
    assert release.title_en == "Only mine"
    assert release.summary_en == "The electric arm is launched."
    assert not [m for m in response.wsgi_request._messages if "were kept" in str(m)]


def two_positions():
    first = PositionFactory(title_en="Chief executive officer")
    second = PositionFactory(person=first.person, title_en="Chairman")
    return first.person, first, second


def test_a_row_deleted_by_the_other_stays_deleted_when_i_did_not_touch_it(alice, bruno):
    person, first, second = two_positions()
    form_a, form_b = open_form(alice, person), open_form(bruno, person)
    prefix = positions_form(form_a, person)
    saved(save(alice, person, form_a, **{f"{prefix[first.pk]}-DELETE": "on"}))

    saved(save(bruno, person, form_b, **{f"{prefix[second.pk]}-title_en": "Chair"}))

    assert [position.title_en for position in person.positions.all()] == ["Chair"]


def test_a_row_deleted_by_the_other_that_i_changed_is_refused(alice, bruno):
    person, first, second = two_positions()
    form_a, form_b = open_form(alice, person), open_form(bruno, person)
    prefix = positions_form(form_a, person)
    saved(save(alice, person, form_a, **{f"{prefix[first.pk]}-DELETE": "on"}))

    response = save(bruno, person, form_b, **{f"{prefix[first.pk]}-title_en": "CEO"})

    assert response.status_code == 200
    assert "deleted “Chief executive officer" in str(response.context["errors"])
    assert not person.positions.filter(pk=first.pk).exists()


def test_a_row_i_delete_that_the_other_changed_is_my_choice(alice, bruno):
    person, first, second = two_positions()
    form_a, form_b = open_form(alice, person), open_form(bruno, person)
    prefix = positions_form(form_a, person)
    saved(save(alice, person, form_a, **{f"{prefix[first.pk]}-title_fr": "PDG"}))

    response = save(bruno, person, form_b, **{f"{prefix[first.pk]}-DELETE": "on"})

    assert response.status_code == 200
    choice = f"{CHOICE_PREFIX}positions-{first.pk}"
    assert "PDG" in panel(response)[choice][1][0]
    assert person.positions.filter(pk=first.pk).exists()
    saved(save(bruno, person, page_form(response), **{choice: "theirs"}))
    first.refresh_from_db()
    assert first.title_fr == "PDG"


@pytest.mark.parametrize("object_id", ["abc", "999999"])
def test_a_save_to_an_odd_or_missing_object_answers_without_an_error(alice, release, object_id):
    data = open_form(alice, release)
    url = change_url(release).replace(f"/{release.pk}/", f"/{object_id}/")

    response = alice.post(url, data)

    assert response.status_code == 302  # the admin's "does not exist" message
    assert PressRelease.objects.get(pk=release.pk).title_en == "Ampere starts today"
