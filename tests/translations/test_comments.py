"""
Comments on fields between translators and editors: who reads and writes
them (translations/comments.py), resolving and reopening, the queue's list
and the dashboard's counts, and that readers never see them.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from renaulution.roles import EDITORS
from tests.admin_clients import change_url, logged_in, make_user
from tests.factories import PositionFactory, PressReleaseFactory
from tests.translations.test_rights import form_data
from translations.comments import QUEUE_COMMENTS_LIMIT, comment_add
from translations.memory import FIRST_THRESHOLDS
from translations.models import COMMENT_MAX_LENGTH, FieldComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    # English source; French missing, Italian written: both have a
    # translation row for the title, so both translators have work on it.
    return PressReleaseFactory(
        title_en="Ampere starts", title_fr="", title_it="Ampere parte", original_language="en"
    )


@pytest.fixture
def people():
    return {
        "editor": make_user("edith", EDITORS),
        "fr": make_user("marie", "Translators (fr)"),
        "it": make_user("giulia", "Translators (it)"),
        "staff": make_user("sam"),
    }


def add_url(obj):
    return reverse("translations:comment_add", args=[obj._meta.label_lower, obj.pk])


def state_url(comment):
    return reverse("translations:comment_state", args=[comment.pk])


def post_comment(client, obj, language, body="Which date is meant here?", field="title"):
    return client.post(add_url(obj), {"field": field, "language": language, "body": body})


def thread_bodies(response, field="title"):
    """The comment bodies the change form shows in `field`'s thread."""
    threads = {thread["field"]: thread for thread in response.context["field_comments"]}
    if field not in threads:
        return set()
    thread = threads[field]
    return {comment.body for comment in [*thread["open"], *thread["resolved"]]}


def one_comment_per_language(release, author):
    return {
        language: comment_add(
            user=author, obj=release, field="title", language=language, body=f"about {language!r}"
        )
        for language in ["", "fr", "it"]
    }


# What each person sees in the change form: "" is the source text.
SEES = {
    "editor": {"", "fr", "it"},
    "fr": {"", "fr"},
    "it": {"", "it"},
}


@pytest.mark.parametrize("who", list(SEES))
def test_each_role_sees_the_comments_of_its_languages_and_of_the_source(release, people, who):
    one_comment_per_language(release, people["editor"])
    response = logged_in(people[who]).get(change_url(release))
    assert response.status_code == 200
    assert thread_bodies(response) == {f"about {language!r}" for language in SEES[who]}
    # Shown in the page, after the form, with its anchor.
    html = response.content.decode()
    assert 'id="comments-title"' in html  # the title's thread
    assert html.count('id="comments-title"') == 1
    for language in {"", "fr", "it"} - SEES[who]:
        assert f"about {language!r}" not in html
    # Above the form, the fields with open comments link to their threads.
    count = len(SEES[who])
    assert f'<a href="#comments-title">Title</a> ({count})' in html


@pytest.mark.parametrize("who", ["fr", "it"])
def test_each_field_a_translator_translates_links_to_its_thread(release, people, who):
    html = logged_in(people[who]).get(change_url(release)).content.decode()
    # Beside the title's target field, in its source box: one link per
    # language column the translator fills, each to the one thread.
    pair = html.split(f'name="title_{who}"')[0].rsplit('class="translation-pair"', 1)[1]
    assert '<a href="#comments-title">Comments on this field</a>' in pair
    assert 'id="comments-title"' in html


@pytest.mark.parametrize(
    ("who", "language", "allowed"),
    [
        ("editor", "", True),
        ("editor", "fr", True),
        ("editor", "it", True),
        ("fr", "", True),
        ("fr", "fr", True),
        ("fr", "it", False),
        ("it", "it", True),
        ("it", "fr", False),
        ("it", "", True),
        ("staff", "", False),
        ("staff", "fr", False),
    ],
)
def test_who_may_write_where(release, people, who, language, allowed):
    response = post_comment(logged_in(people[who]), release, language)
    if allowed:
        assert response.status_code == 302
        assert response["Location"] == f"{change_url(release)}#comments-title"
        comment = FieldComment.objects.get()
        assert (comment.author, comment.language, comment.field) == (
            people[who],
            language,
            "title",
        )
    else:
        assert response.status_code == 403
        assert not FieldComment.objects.exists()


def test_a_reader_cannot_post_or_read_comments(client, release, people):
    response = post_comment(client, release, "")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not FieldComment.objects.exists()


def test_staff_without_a_role_sees_no_comments(release, people):
    one_comment_per_language(release, people["editor"])
    comment = FieldComment.objects.first()
    client = logged_in(people["staff"])
    assert client.post(state_url(comment), {"action": "resolve"}).status_code == 403
    assert client.get(reverse("admin:translations_fieldcomment_changelist")).status_code == 403
    comment.refresh_from_db()
    assert comment.is_open


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("status", 403),  # not a localized field
        ("slug", 403),  # localized but an address, not text to translate
        ("nonsense", 403),
        ("title", 302),
    ],
)
def test_a_crafted_post_for_another_field_is_refused(release, people, field, expected):
    response = post_comment(logged_in(people["fr"]), release, "fr", field=field)
    assert response.status_code == expected
    assert FieldComment.objects.exists() == (expected == 302)


def test_a_translator_has_no_comments_on_an_object_with_nothing_to_translate(people):
    # Written in French: the French translator has nothing to translate here.
    french = PressReleaseFactory(original_language="fr", title_fr="Ampère démarre")
    assert post_comment(logged_in(people["fr"]), french, "").status_code == 403
    assert post_comment(logged_in(people["fr"]), french, "fr").status_code == 403
    assert post_comment(logged_in(people["it"]), french, "it").status_code == 302
    response = logged_in(people["fr"]).get(change_url(french))
    assert response.context["field_comments"] == []


def test_a_field_with_an_empty_source_has_nothing_to_comment_for_translators(people):
    release = PressReleaseFactory(original_language="en", image_alt_en="")
    assert (
        post_comment(logged_in(people["fr"]), release, "fr", field="image_alt").status_code == 403
    )
    assert (
        post_comment(logged_in(people["editor"]), release, "fr", field="image_alt").status_code
        == 302
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("companies.nosuchmodel", 404),
        ("auth.user", 404),  # exists, but is not translatable content
        ("companies.position", 403),  # edited inline only: no thread to show it in
    ],
)
def test_odd_objects_are_refused_cleanly(people, path, expected):
    position = PositionFactory()
    url = reverse("translations:comment_add", args=[path, position.pk])
    response = logged_in(people["editor"]).post(
        url, {"field": "title", "language": "", "body": "x"}
    )
    assert response.status_code == expected


def test_an_unknown_object_answers_404(release, people):
    url = reverse("translations:comment_add", args=["companies.pressrelease", release.pk + 999])
    response = logged_in(people["editor"]).post(
        url, {"field": "title", "language": "", "body": "x"}
    )
    assert response.status_code == 404


def test_a_get_is_not_allowed(release, people):
    assert logged_in(people["editor"]).get(add_url(release)).status_code == 405


def test_an_empty_comment_keeps_the_reader_on_a_form_that_says_why(release, people):
    response = post_comment(logged_in(people["fr"]), release, "fr", body="   ")
    assert response.status_code == 400
    assert "Write something before sending the comment." in response.content.decode()
    assert not FieldComment.objects.exists()


def test_a_too_long_comment_comes_back_with_its_text(release, people):
    body = "Très long. " * 300
    response = post_comment(logged_in(people["fr"]), release, "fr", body=body)
    assert response.status_code == 400
    html = response.content.decode()
    assert body.strip() in html  # nothing lost: the text is there to shorten
    assert f"at most {COMMENT_MAX_LENGTH} characters" in html
    assert f'href="{change_url(release)}#comments-title"' in html
    assert not FieldComment.objects.exists()
    # Sent again, shorter, from that page: the same endpoint takes it.
    again = post_comment(logged_in(people["fr"]), release, "fr", body=body[:100])
    assert again.status_code == 302
    assert FieldComment.objects.get().body == body[:100].strip()


def test_the_database_refuses_an_empty_or_oversized_body(release, people):
    for body in ["", "x" * (COMMENT_MAX_LENGTH + 1)]:
        with pytest.raises(IntegrityError), transaction.atomic():
            comment_add(user=people["editor"], obj=release, field="title", language="", body=body)


def test_the_author_resolves_and_reopens_their_comment(release, people):
    client = logged_in(people["fr"])
    post_comment(client, release, "fr")
    comment = FieldComment.objects.get()
    response = client.post(state_url(comment), {"action": "resolve"})
    assert response.status_code == 302
    assert response["Location"] == f"{change_url(release)}#comments-title"
    comment.refresh_from_db()
    assert not comment.is_open
    assert comment.resolved_by == people["fr"]
    # Resolved, it is still in the thread, among the resolved ones.
    threads = client.get(change_url(release)).context["field_comments"]
    thread = next(thread for thread in threads if thread["field"] == "title")
    assert (thread["open"], [c.pk for c in thread["resolved"]]) == ([], [comment.pk])

    client.post(state_url(comment), {"action": "reopen"})
    comment.refresh_from_db()
    assert comment.is_open
    assert comment.resolved_by is None


def test_an_editor_resolves_a_translators_comment(release, people):
    post_comment(logged_in(people["it"]), release, "it")
    comment = FieldComment.objects.get()
    assert logged_in(people["editor"]).post(state_url(comment), {"action": "resolve"}).status_code
    comment.refresh_from_db()
    assert comment.resolved_by == people["editor"]


@pytest.mark.parametrize(
    ("language", "who"),
    [
        ("", "fr"),  # sees it, but did not write it
        ("fr", "fr"),
        ("it", "fr"),  # does not even see it
        ("", "staff"),
    ],
)
def test_only_the_author_or_an_editor_resolves(release, people, language, who):
    comment = comment_add(
        user=people["editor"], obj=release, field="title", language=language, body="Check this."
    )
    response = logged_in(people[who]).post(state_url(comment), {"action": "resolve"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.is_open


def test_an_unknown_action_changes_nothing(release, people):
    comment = comment_add(
        user=people["editor"], obj=release, field="title", language="", body="Check."
    )
    response = logged_in(people["editor"]).post(
        state_url(comment), {"action": "delete"}, follow=True
    )
    assert "Nothing was changed" in response.content.decode()
    comment.refresh_from_db()
    assert comment.is_open


def test_a_comment_in_the_form_does_not_save_the_change_form(release, people):
    """The comment endpoint never touches the object: its text stays as stored."""
    client = logged_in(people["fr"])
    client.post(
        add_url(release),
        {"field": "title", "language": "fr", "body": "x", "title_fr": "Ampère démarre"},
    )
    release.refresh_from_db()
    assert release.title_fr == ""


def queue(client, language):
    return client.get(reverse("translations:queue", args=[language]))


def queue_bodies(response):
    return [entry["comment"].body for entry in response.context["comments"]]


def test_the_queue_lists_open_comments_of_its_language_and_the_source(release, people):
    comments = one_comment_per_language(release, people["editor"])
    resolved = comment_add(
        user=people["editor"], obj=release, field="title", language="fr", body="done"
    )
    resolved.resolved_at = resolved.created_at
    resolved.save()
    response = queue(logged_in(people["fr"]), "fr")
    assert queue_bodies(response) == [comments["fr"].body, comments[""].body]  # newest first
    assert response.context["open_comments"] == 2
    html = response.content.decode()
    assert f'href="{change_url(release)}#comments-title"' in html
    assert queue_bodies(queue(logged_in(people["it"]), "it")) == [
        comments["it"].body,
        comments[""].body,
    ]


def test_a_translator_cannot_open_another_languages_queue_of_comments(release, people):
    one_comment_per_language(release, people["editor"])
    assert queue(logged_in(people["fr"]), "it").status_code == 403


def test_the_queue_shows_the_newest_comments_and_counts_the_others(release, people):
    for number in range(QUEUE_COMMENTS_LIMIT + 5):
        comment_add(user=people["fr"], obj=release, field="title", language="fr", body=f"n{number}")
    response = queue(logged_in(people["fr"]), "fr")
    assert len(response.context["comments"]) == QUEUE_COMMENTS_LIMIT
    assert queue_bodies(response)[0] == f"n{QUEUE_COMMENTS_LIMIT + 4}"
    assert response.context["more_comments"] == 5
    assert 'data-more="5"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_the_queue_reads_comments_in_constant_queries(
    release, people, django_assert_num_queries, count
):
    client = logged_in(people["fr"])
    queue(client, "fr")  # content types and the like, cached from here on
    releases = [release, *PressReleaseFactory.create_batch(2, original_language="en")]
    for number in range(count):
        comment_add(
            user=people["editor"],
            obj=releases[number % 3],
            field="title",
            language="fr",
            body=f"n{number}",
        )
    # 13 on SQLite, whatever the number of comments: session, user, groups (rights);
    # the pending objects' count, page and rows; the consistency list; the
    # comments with their authors and their total (COUNT OVER, one query);
    # the objects of all three lists, one query per model (1 here); the
    # user's and groups' permissions (the admin's menu); the pending rows'
    # detail, the memory's lookup (on PostgreSQL one query per threshold,
    # see translations.memory), the finding counts.
    memory_queries = len(FIRST_THRESHOLDS) + 1 if connection.vendor == "postgresql" else 1
    with django_assert_num_queries(QUEUE_QUERIES - 1 + memory_queries):
        response = queue(client, "fr")
        # The template reads each comment's author and object: already there.
        assert len(response.context["comments"]) == count
        response.content.decode()


QUEUE_QUERIES = 13


def test_the_dashboard_counts_open_comments_per_language(release, people):
    one_comment_per_language(release, people["editor"])
    comment_add(user=people["editor"], obj=release, field="title", language="it", body="two")
    response = logged_in(people["editor"]).get(reverse("translations:dashboard"))
    counts = {status["code"]: status["open_comments"] for status in response.context["statuses"]}
    # English is the source: nothing to translate into it, no comment for it.
    assert counts == {"en": 0, "fr": 2, "it": 3}
    assert 'data-open-comments="3"' in response.content.decode()
    # And the translator's dashboard agrees with their queue.
    response = logged_in(people["fr"]).get(reverse("translations:dashboard"))
    assert [status["open_comments"] for status in response.context["statuses"]] == [2]
    assert queue(logged_in(people["fr"]), "fr").context["open_comments"] == 2


def test_deleting_an_object_deletes_its_comments(release, people):
    one_comment_per_language(release, people["editor"])
    other = PressReleaseFactory()
    comment_add(user=people["editor"], obj=other, field="title", language="", body="kept")
    client = logged_in(people["editor"])
    delete = reverse("admin:companies_pressrelease_delete", args=[release.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert list(FieldComment.objects.values_list("body", flat=True)) == ["kept"]
    assert queue(client, "fr").status_code == 200


def test_a_deleted_author_leaves_the_comment(release, people):
    comment = comment_add(user=people["fr"], obj=release, field="title", language="fr", body="x")
    people["fr"].delete()
    comment.refresh_from_db()
    assert comment.author is None
    response = logged_in(people["editor"]).get(change_url(release))
    assert "deleted user" in response.content.decode()


def test_readers_never_see_comments(client, release, people):
    body = "Secret note about the launch date"
    for language in ["", "fr", "it"]:
        comment_add(user=people["editor"], obj=release, field="title", language=language, body=body)
    for language in ["en", "fr", "it"]:
        with translation.override(language):
            page = client.get(release.get_absolute_url())
        assert page.status_code == 200
        assert body not in page.content.decode()
        api = client.get(f"/api/v1/press-releases/?lang={language}")
        assert api.status_code == 200
        assert body not in api.content.decode()
    detail = client.get(f"/api/v1/press-releases/{release.slug_en}/?lang=all")
    assert detail.status_code == 200
    assert body not in detail.content.decode()


def test_comments_are_plain_text(release, people):
    post_comment(logged_in(people["fr"]), release, "fr", body="<script>alert(1)</script>\nsecond")
    html = logged_in(people["editor"]).get(change_url(release)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>second" in html


def test_editors_list_comments_by_state_and_language(release, people):
    comments = one_comment_per_language(release, people["editor"])
    comments["fr"].resolved_at = comments["fr"].created_at
    comments["fr"].save()
    client = logged_in(people["editor"])
    url = reverse("admin:translations_fieldcomment_changelist")

    def listed(query):
        response = client.get(url + query)
        assert response.status_code == 200
        return {comment.pk for comment in response.context["cl"].result_list}

    assert listed("") == {comment.pk for comment in comments.values()}
    assert listed("?open=1") == {comments[""].pk, comments["it"].pk}
    assert listed("?open=0") == {comments["fr"].pk}
    assert listed("?language=it") == {comments["it"].pk}
    assert listed("?language=source") == {comments[""].pk}
    # Each row links to the field's thread in the change form.
    assert f'href="{change_url(release)}#comments-title"' in client.get(url).content.decode()


def test_the_editors_list_reads_commented_objects_together(
    release, people, django_assert_max_num_queries
):
    for other in PressReleaseFactory.create_batch(5):
        comment_add(user=people["editor"], obj=other, field="title", language="", body="x")
    client = logged_in(people["editor"])
    url = reverse("admin:translations_fieldcomment_changelist")
    client.get(url)
    # A query per row would pass 20 with six rows; one per model stays under.
    with django_assert_max_num_queries(14):
        client.get(url)


def test_translators_have_no_comment_admin(release, people):
    client = logged_in(people["fr"])
    assert client.get(reverse("admin:translations_fieldcomment_changelist")).status_code == 403
    assert "fieldcomment" not in client.get(reverse("admin:index")).content.decode()


def test_the_resolve_actions_of_the_editors_list(release, people):
    comments = one_comment_per_language(release, people["editor"])
    client = logged_in(people["editor"])
    url = reverse("admin:translations_fieldcomment_changelist")
    client.post(url, {"action": "resolve", "_selected_action": [comments["fr"].pk]})
    assert set(FieldComment.objects.open().values_list("language", flat=True)) == {"", "it"}
    client.post(url, {"action": "reopen", "_selected_action": [comments["fr"].pk]})
    assert FieldComment.objects.open().count() == 3


def test_editors_hold_the_comment_permissions_and_translators_none():
    editors = Group.objects.get(name=EDITORS)
    held = set(
        editors.permissions.filter(codename__endswith="fieldcomment").values_list(
            "codename", flat=True
        )
    )
    assert held == {"view_fieldcomment", "change_fieldcomment", "delete_fieldcomment"}
    translators = Group.objects.get(name="Translators (fr)")
    assert not translators.permissions.filter(codename__endswith="fieldcomment").exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Commentaires", "Ajouter le commentaire", "Texte source (Anglais)", "Résoudre"]),
        ("it", ["Commenti", "Aggiungi il commento", "Testo fonte (Inglese)", "Risolvi"]),
    ],
)
def test_the_threads_speak_the_translators_language(release, people, language, words):
    post_comment(logged_in(people["fr"]), release, "")
    client = logged_in(people["editor"])
    html = client.get(change_url(release), headers={"accept-language": language}).content.decode()
    for word in words:
        assert word in html


@pytest.mark.parametrize("who", ["editor", "fr"])
def test_the_change_forms_threads_cost_the_same_for_1_and_10_comments(release, people, who):
    client = logged_in(people[who])
    client.get(change_url(release))  # caches warmed

    def queries_with(count):
        FieldComment.objects.all().delete()
        for number in range(count):
            author = people["fr"] if number % 2 else people["editor"]
            comment_add(user=author, obj=release, field="title", language="fr", body=f"n{number}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(change_url(release))
            assert len(thread_bodies(response)) == count
        return len(queries)

    # The comments come in one query with their authors, whatever their number.
    assert queries_with(10) == queries_with(1)


def test_a_comment_between_loading_and_saving_the_form_is_no_edit_conflict(release, people):
    client = logged_in(people["fr"])
    form = client.get(change_url(release))
    data = form_data(form)
    post_comment(client, release, "fr")
    data["title_fr"] = "Ampère démarre"
    saved = client.post(change_url(release), data)
    # Saved straight away: the comment is not a change to the object.
    assert saved.status_code == 302, saved.context and saved.context.get("conflicts")
    release.refresh_from_db()
    assert release.title_fr == "Ampère démarre"
    assert FieldComment.objects.count() == 1


def test_the_threads_ids_are_unique_on_the_page(release, people):
    """A field named like one of the section's parts ("summary") keeps its own anchor."""
    one_comment_per_language(release, people["editor"])
    comment_add(user=people["editor"], obj=release, field="summary", language="", body="s")
    html = logged_in(people["editor"]).get(change_url(release)).content.decode()
    ids = re.findall(r'\bid="((?:field-)?comments[^"]*)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert {"comments-title", "comments-summary", "field-comments-summary"} <= set(ids)
