"""The translation dashboard, the per-language queues, and word_diff."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.urls import reverse

from companies.models import PressRelease
from renaulution.languages import codes
from tests.factories import CompanyFactory, PressReleaseFactory
from translations.diff import word_diff
from translations.memory import FIRST_THRESHOLDS
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db


def login(client, *groups, superuser=False, username="u"):
    user = User.objects.create_user(username, password="pw", is_staff=True, is_superuser=superuser)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def release(title_en, **fields):
    """A press release whose only text to translate is its title (company: its tagline)."""
    values = {
        "title_fr": title_en + " fr",
        "title_it": title_en + " it",
        "summary_en": "",
        "body_en": "",
        "image_alt_en": "",
    }
    return PressReleaseFactory(title_en=title_en, **(values | fields))


def totals(response):
    return {
        s["code"]: (s["total"]["current"], s["total"]["outdated"], s["total"]["missing"])
        for s in response.context["statuses"]
    }


def by_model(response, language):
    status = next(s for s in response.context["statuses"] if s["code"] == language)
    return {row["name"]: row for row in status["models"]}


def dashboard(client):
    response = client.get(reverse("translations:dashboard"))
    assert response.status_code == 200
    return response


def test_the_dashboard_counts_states_and_percentages_per_language_for_an_editor(client):
    login(client, "Editors")
    release("A")
    changed = release("B", title_it="")
    changed.title_en = "B2"
    changed.save()
    response = dashboard(client)
    # Per language: 2 press release titles + 2 company taglines (factory).
    assert totals(response) == {"en": (0, 0, 0), "fr": (3, 1, 0), "it": (3, 0, 1)}
    fr = by_model(response, "fr")
    assert fr["press releases"]["current"] == 1
    assert fr["press releases"]["outdated"] == 1
    assert fr["press releases"]["percent"] == {"current": 50.0, "outdated": 50.0, "missing": 0.0}
    assert fr["companies"]["percent"]["current"] == 100.0
    # Every translatable model is listed; one with nothing to translate counts as done.
    assert fr["series"]["total"] == 0 and fr["series"]["percent"]["current"] == 100.0
    it = next(s for s in response.context["statuses"] if s["code"] == "it")
    assert it["total"]["percent"] == {"current": 75.0, "outdated": 0.0, "missing": 25.0}

    content = response.content.decode()
    assert "<title>Translations" in content
    for code in codes():
        assert reverse("translations:queue", args=[code]) in content
    export = reverse("translations:export")
    assert f"{export}?language=fr&amp;format=xliff&amp;pending=1" in content
    assert f"{export}?language=it&amp;format=po&amp;pending=1" in content
    assert reverse("translations:import") in content
    # Bars are SVG drawn from the counts, in any language, with no inline
    # style for the Content-Security-Policy to refuse.
    assert '<svg class="translation-bar" viewBox="0 0 2 1"' in content
    assert '<rect class="bar-outdated" x="1" width="1" height="1"/>' in content
    assert "style=" not in content


def test_the_dashboard_costs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    login(client, "Editors")
    for number in range(10):
        release(f"R{number}", title_fr="")
    dashboard(client)
    # 9 with the open comments' counts, all languages in one query.
    with django_assert_max_num_queries(9):
        dashboard(client)


@pytest.mark.fourth_language
def test_a_translator_sees_only_their_languages(client):
    login(client, "Translators (fr)")
    release("A")
    response = dashboard(client)
    assert set(totals(response)) == {"fr"}
    content = response.content.decode()
    assert reverse("translations:queue", args=["it"]) not in content
    assert "language=it" not in content
    assert client.get(reverse("translations:queue", args=["it"])).status_code == 403
    assert client.get(reverse("translations:queue", args=["en"])).status_code == 403
    assert client.get(reverse("translations:queue", args=["fr"])).status_code == 200


@pytest.mark.fourth_language
def test_staff_without_a_language_is_refused(client):
    login(client)
    assert client.get(reverse("translations:dashboard")).status_code == 403
    assert client.get(reverse("translations:queue", args=["fr"])).status_code == 403


@pytest.mark.fourth_language
def test_a_superuser_sees_every_language(client):
    login(client, superuser=True)
    assert set(totals(dashboard(client))) == set(codes())


def test_the_counts_change_when_a_source_is_edited_and_again_when_it_is_fixed(client):
    login(client, "Editors")
    obj = release("A")
    assert totals(dashboard(client))["fr"] == (2, 0, 0)
    obj.title_en = "A2"
    obj.save()
    assert totals(dashboard(client))["fr"] == (1, 1, 0)
    assert totals(dashboard(client))["it"] == (1, 1, 0)
    obj.title_fr = "A2 fr"
    obj.save()
    assert totals(dashboard(client))["fr"] == (2, 0, 0)
    assert totals(dashboard(client))["it"] == (1, 1, 0)


def test_the_queue_lists_work_newest_source_change_first_and_links_to_the_form(client):
    login(client, "Translators (fr)")
    old = release("Old", title_fr="")
    new = release("New")
    new.title_en = "New, changed"
    new.save()
    release("Done")
    response = client.get(reverse("translations:queue", args=["fr"]))
    entries = response.context["entries"]
    assert [entry["object"] for entry in entries] == [new, old]
    assert entries[0]["model"] == "press release"
    assert entries[0]["url"] == reverse("admin:companies_pressrelease_change", args=[new.pk])
    assert [(f["field"], f["state_code"]) for f in entries[0]["fields"]] == [("title", "outdated")]
    assert [(f["field"], f["state_code"]) for f in entries[1]["fields"]] == [("title", "missing")]
    content = response.content.decode()
    assert content.index("New, changed") < content.index("Old")
    assert entries[0]["url"] in content


def test_a_source_edited_later_moves_its_object_to_the_top(client):
    login(client, "Editors")
    first = release("First", title_fr="")
    second = release("Second", title_fr="")
    queue = reverse("translations:queue", args=["fr"])
    assert [e["object"] for e in client.get(queue).context["entries"]] == [second, first]
    first.title_en = "First, again"
    first.save()
    assert [e["object"] for e in client.get(queue).context["entries"]] == [first, second]


def test_an_outdated_field_shows_a_word_diff_of_its_source(client):
    login(client, "Translators (fr)")
    obj = release("Ampere starts in France", body_en="<p>Ampere starts in France.</p>")
    obj.body_fr = "<p>Ampere démarre en France.</p>"
    obj.save()
    obj.title_en = "Ampere starts in northern France"
    obj.save()
    entry = client.get(reverse("translations:queue", args=["fr"])).context["entries"][0]
    title = next(f for f in entry["fields"] if f["field"] == "title")
    assert title["diff"] == [
        ("equal", "Ampere starts in"),
        ("insert", "northern"),
        ("equal", "France"),
    ]
    content = client.get(reverse("translations:queue", args=["fr"])).content.decode()
    assert "<ins>northern</ins>" in content
    # A missing field has no old source to compare with.
    missing = [f for f in entry["fields"] if f["state_code"] == "missing"]
    assert all(f["diff"] is None for f in missing)


def test_consistency_issues_of_current_translations_have_their_own_section(client):
    login(client, "Translators (fr)")
    obj = release("Revenue of 7.3 billion", title_fr="Chiffre d'affaires de 6,3 milliards")
    row = FieldTranslation.objects.for_object(obj).get(field="title", language="fr")
    assert row.state == State.CURRENT and row.issues == "-7.3 +6.3"
    response = client.get(reverse("translations:queue", args=["fr"]))
    assert response.context["entries"] == []
    [entry] = response.context["issues"]
    assert entry["object"] == obj
    assert entry["fields"][0]["issues"] == "not in the translation: 7.3; not in the source: 6.3"
    content = response.content.decode()
    assert "Consistency issues" in content
    assert "not in the translation: 7.3" in content
    # The dashboard counts it, and links to the section.
    status = dashboard(client).context["statuses"][0]
    assert status["findings"] == {"figures": 1, "other_language": 0, "terms": 0}
    assert (
        f"{reverse('translations:queue', args=['fr'])}#consistency"
        in dashboard(client).content.decode()
    )


def test_the_queue_paginates_at_fifty_objects(client):
    login(client, "Editors")
    for number in range(52):
        release(f"R{number}", title_fr="")
    queue = reverse("translations:queue", args=["fr"])
    assert len(client.get(queue).context["entries"]) == 50
    second = client.get(queue, {"page": 2}).context["entries"]
    assert [e["object"].title_en for e in second] == ["R1", "R0"]


def work(rows):
    """Queue work across two models, plus consistency issues: rows of each."""
    for number in range(rows):
        release(f"R{number}", title_fr="")
        changed = CompanyFactory(tagline_en=f"Tagline {number}")
        changed.tagline_en = f"Tagline {number}, changed"
        changed.save()
        release(f"{number + 1} cars", title_fr=f"{number + 2} voitures")


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_query_count_does_not_grow(client, django_assert_num_queries, rows):
    login(client, "Translators (fr)")
    work(rows)
    client.get(reverse("translations:queue", args=["fr"]))  # warm the content type cache
    # session, user, groups, count and page of queued objects, the consistency
    # rows and their counts by type, the admin sidebar's two permission
    # queries, the queued rows, one query per model for the objects (press
    # releases, companies), the translation memory's matches for the page
    # (one per source language; on PostgreSQL one per threshold, higher ones
    # first, see translations.memory), and the open comments with their total.
    memory_queries = len(FIRST_THRESHOLDS) + 1 if connection.vendor == "postgresql" else 1
    with django_assert_num_queries(13 + memory_queries):
        response = client.get(reverse("translations:queue", args=["fr"]))
    # A missing release title and an outdated company tagline per row.
    assert len(response.context["entries"]) == min(2 * rows, 50)
    assert len(response.context["issues"]) == rows


@pytest.mark.fourth_language
def test_unknown_language_and_anonymous(client):
    for url in (reverse("translations:dashboard"), reverse("translations:queue", args=["fr"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    login(client, "Editors")
    assert client.get("/admin/translations/queue/nl/").status_code == 404


def test_a_queued_object_deleted_meanwhile_is_left_out(client):
    login(client, "Editors")
    obj = release("Gone", title_fr="")
    # A raw delete leaves its state rows behind; they must not break the page.
    PressRelease.objects.filter(pk=obj.pk)._raw_delete(PressRelease.objects.db)
    response = client.get(reverse("translations:queue", args=["fr"]))
    assert response.status_code == 200
    assert all(e["object"] != obj for e in response.context["entries"])


def test_word_diff():
    assert word_diff("<p>Ampere starts in France</p>", "Ampere starts in northern France") == [
        ("equal", "Ampere starts in"),
        ("insert", "northern"),
        ("equal", "France"),
    ]
    assert word_diff("a b c", "a x c") == [
        ("equal", "a"),
        ("delete", "b"),
        ("insert", "x"),
        ("equal", "c"),
    ]
    assert word_diff("", "new") == [("insert", "new")]
    assert word_diff("same words", "same  words") == [("equal", "same words")]
    assert word_diff("", "") == []


def test_word_diff_reads_html_as_a_reader_does():
    # Block tags separate words; inline tags do not; entities are decoded.
    assert word_diff("<p>Sales</p><p>rose</p>", "Sales rose") == [("equal", "Sales rose")]
    assert word_diff("<b>R</b>enault", "Renault") == [("equal", "Renault")]
    assert word_diff("Sales &amp; profits", "Sales & margins") == [
        ("equal", "Sales &"),
        ("delete", "profits"),
        ("insert", "margins"),
    ]
    assert word_diff("one two three", "three") == [("delete", "one two"), ("equal", "three")]
