import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.factories import PressReleaseFactory
from translations.diff import word_diff

pytestmark = pytest.mark.django_db


def login(client, *groups, superuser=False):
    user = User.objects.create_user("u", password="pw", is_staff=True, is_superuser=superuser)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def release(title_en, **fields):
    values = {
        "title_fr": title_en + " fr",
        "title_it": title_en + " it",
        "summary_en": "",
        "body_en": "",
    }
    return PressReleaseFactory(title_en=title_en, image_alt_en="", **(values | fields))


def totals(response):
    return {
        s["code"]: (s["total"].current, s["total"].outdated, s["total"].missing)
        for s in response.context["statuses"]
    }


def test_the_dashboard_counts_states_per_language(client):
    login(client, "Editors")
    release("A")
    changed = release("B", title_it="")
    changed.title_en = "B2"
    changed.save()
    response = client.get(reverse("translations:dashboard"))
    assert response.status_code == 200
    # Per language: 2 press release titles + 2 company taglines (factory).
    assert totals(response) == {"en": (0, 0, 0), "fr": (3, 1, 0), "it": (3, 0, 1)}
    content = response.content.decode()
    assert reverse("translations:queue", args=["fr"]) in content


def test_a_translator_sees_only_their_languages(client):
    login(client, "Translators (fr)")
    release("A")
    response = client.get(reverse("translations:dashboard"))
    assert set(totals(response)) == {"fr"}
    assert client.get(reverse("translations:queue", args=["it"])).status_code == 403
    assert client.get(reverse("translations:queue", args=["fr"])).status_code == 200


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
    assert entries[0]["url"] == reverse("admin:companies_pressrelease_change", args=[new.pk])
    assert entries[0]["fields"][0]["state_code"] == "outdated"
    assert entries[1]["fields"][0]["state_code"] == "missing"


def test_the_count_drops_when_the_translation_is_fixed(client):
    login(client, "Editors")
    obj = release("A")
    obj.title_en = "A2"
    obj.save()
    assert totals(client.get(reverse("translations:dashboard")))["fr"][1] == 1
    obj.title_fr = "A2 fr"
    obj.save()
    assert totals(client.get(reverse("translations:dashboard")))["fr"][1] == 0


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_query_count_does_not_grow(client, django_assert_num_queries, rows):
    user = login(client, "Translators (fr)")
    for number in range(rows):
        release(f"R{number}", title_fr="")
    client.get(reverse("translations:queue", args=["fr"]))  # warm the session
    user._renaulution_groups = None
    # session, user, groups, count and page of queued objects, the admin
    # sidebar's two permission queries, the queued rows, and one query per
    # model for the objects (content types are cached).
    with django_assert_num_queries(9):
        response = client.get(reverse("translations:queue", args=["fr"]))
    assert len(response.context["entries"]) == rows


def test_unknown_language_and_anonymous(client):
    response = client.get(reverse("translations:dashboard"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    login(client, "Editors")
    assert client.get("/admin/translations/queue/de/").status_code == 404


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
