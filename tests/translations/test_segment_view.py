"""
The segment view: a long rich text translated block by block beside its
source, saved back exactly in the source's structure, never over someone
else's work; and each document's progress in segments, there and in the queue.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from renaulution.roles import AUTHORS, EDITORS
from revisions.services import versions_of
from tests.admin_clients import change_url, logged_in, make_user
from tests.factories import EpisodeFactory, PersonFactory, PressReleaseFactory
from translations.memory import FIRST_THRESHOLDS
from translations.models import FieldTranslation, MemoryEntry, State, Term, TermTranslation
from translations.progress import document_progress, field_segments
from translations.segment_views import BASE_FIELD

pytestmark = pytest.mark.django_db

BODY_EN = (
    "<h2>A new plant</h2>"
    '<p>The plant opens in <strong>Douai</strong>. Read the <a href="https://example.org/plan">'
    "plan</a>.</p>"
    "<ul><li>400,000 cars a year</li><li>The <em>Car of the Year</em> is built here</li></ul>"
    "<blockquote><p>We are back.</p></blockquote>"
)
TRANSLATIONS = [
    "Une nouvelle usine",
    'L\'usine ouvre à <strong>Douai</strong>. Lire le <a href="https://example.org/plan">plan</a>.',
    "400 000 voitures par an",
    "La <em>Voiture de l'année</em> y est construite",
    "Nous sommes de retour.",
]
# The source's blocks, lists and quote, with the French inside.
BODY_FR = (
    "<h2>Une nouvelle usine</h2>"
    '<p>L\'usine ouvre à <strong>Douai</strong>. Lire le <a href="https://example.org/plan">'
    "plan</a>.</p>"
    "<ul><li>400 000 voitures par an</li><li>La <em>Voiture de l'année</em> y est construite</li>"
    "</ul><blockquote><p>Nous sommes de retour.</p></blockquote>"
)


def release(**fields):
    values = {"title_fr": "Une usine", "body_en": BODY_EN, "body_fr": "", "summary_fr": ""}
    return PressReleaseFactory(**(values | fields))


def segments_url(obj, language="fr", field="body"):
    return reverse("translations:segments", args=[language, obj._meta.label_lower, obj.pk, field])


@pytest.fixture
def translator():
    return logged_in(make_user("marie", "Translators (fr)"))


def post(client, obj, texts, response=None, **extra):
    """The page's form posted back with `texts` in its boxes."""
    response = response or client.get(segments_url(obj))
    data = {BASE_FIELD: response.context["token"]} | {
        f"segment-{number}": text for number, text in enumerate(texts, start=1)
    }
    return client.post(segments_url(obj), data | extra)


def test_segment_level_translation_of_a_body_is_reassembled_exactly(translator):
    obj = release()
    page = translator.get(segments_url(obj))
    assert page.status_code == 200
    rows = page.context["rows"]
    assert [row["kind"] for row in rows] == [
        "Heading",
        "Paragraph",
        "List item",
        "List item",
        "Paragraph",
    ]
    assert [str(row["source"]) for row in rows][:2] == [
        "A new plant",
        'The plant opens in <strong>Douai</strong>. Read the <a href="https://example.org/plan">'
        "plan</a>.",
    ]
    assert rows[1]["tags"] == ["<a>", "<strong>"]
    response = post(translator, obj, TRANSLATIONS, response=page)
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.body_fr == BODY_FR
    assert obj.body_en == BODY_EN
    # Saved through the model: the state, the memory, a revision and the history follow.
    row = FieldTranslation.objects.for_object(obj).get(field="body", language="fr")
    assert row.state == State.CURRENT
    assert MemoryEntry.objects.filter(object_id=obj.pk, field="body", target_language="fr").exists()
    version = versions_of(obj).first()
    assert version.field_dict["body_fr"] == BODY_FR
    assert version.revision.user.username == "marie"
    entry = LogEntry.objects.get(object_id=str(obj.pk))
    assert entry.get_change_message() == "Changed body [fr]."
    assert version.revision.get_comment() == "Changed body [fr]."


def test_the_current_translation_is_aligned_block_by_block(translator):
    obj = release(body_fr=BODY_FR)
    rows = translator.get(segments_url(obj)).context["rows"]
    assert [row["target"] for row in rows] == TRANSLATIONS
    assert translator.get(segments_url(obj)).context["filled"] == 5


def test_a_translation_of_another_structure_is_offered_as_a_reference_only(translator):
    obj = release(body_fr="<p>Tout en un seul paragraphe.</p>")
    rows = translator.get(segments_url(obj)).context["rows"]
    assert [row["target"] for row in rows] == [""] * 5


def test_a_segment_whose_tags_do_not_match_is_refused_by_name_and_nothing_is_lost(translator):
    obj = release()
    texts = list(TRANSLATIONS)
    texts[1] = "L'usine ouvre à Douai. Lire le plan."  # both tags dropped
    texts[3] = "La Voiture de l'année <script>alert(1)</script>"
    response = post(translator, obj, texts)
    assert response.status_code == 200
    errors = response.context["errors"]
    unit = f"companies.pressrelease:{obj.pk}:body"
    assert any(error.startswith(f"{unit}#2 ") and "<strong>" in error for error in errors)
    assert any(error.startswith(f"{unit}#4 ") and "<script>" in error for error in errors)
    assert not any(f"{unit}#1 " in error or f"{unit}#3 " in error for error in errors)
    assert [row["target"] for row in response.context["rows"]] == texts
    assert [row["faulty"] for row in response.context["rows"]] == [
        False,
        True,
        False,
        True,
        False,
    ]
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_a_link_whose_address_was_changed_or_dropped_is_refused(translator):
    obj = release()
    for link in ('<a href="https://evil.example/">plan</a>', "<a>plan</a>"):
        texts = list(TRANSLATIONS)
        texts[1] = f"L'usine ouvre à <strong>Douai</strong>. Lire le {link}."
        response = post(translator, obj, texts)
        assert response.status_code == 200
        assert any(":body#2 " in error for error in response.context["errors"])
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_every_segment_must_be_translated(translator):
    obj = release()
    response = post(translator, obj, [*TRANSLATIONS[:2], "", *TRANSLATIONS[3:]])
    assert response.status_code == 200
    assert any(":body#3 " in error for error in response.context["errors"])
    assert response.context["filled"] == 4
    response = post(translator, obj, [""] * 5)
    assert response.context["errors"] == ["Nothing was saved: translate the segments first."]
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_a_translation_changed_by_someone_else_meanwhile_is_not_overwritten(translator):
    obj = release()
    opened = translator.get(segments_url(obj))
    theirs = BODY_FR.replace("Une nouvelle usine", "Leur titre")
    obj.body_fr = theirs
    obj.save()
    texts = [*TRANSLATIONS[:4], "Nous voilà."]
    response = post(translator, obj, texts, response=opened)
    assert response.status_code == 200
    assert "Someone else changed this translation" in response.context["errors"][0]
    assert "Leur titre" in response.context["theirs"]
    assert [row["target"] for row in response.context["rows"]] == texts
    obj.refresh_from_db()
    assert obj.body_fr == theirs
    # Having seen theirs, a second save replaces it.
    assert post(translator, obj, texts, response=response).status_code == 302
    obj.refresh_from_db()
    assert obj.body_fr == BODY_FR.replace("Nous sommes de retour.", "Nous voilà.")


def save_after_the_source_changed(client, body_en):
    """A save of the page as opened, after the source became `body_en`: (object, response)."""
    obj = release()
    opened = client.get(segments_url(obj))
    obj.body_en = body_en
    obj.save()
    return obj, post(client, obj, TRANSLATIONS, response=opened)


def test_a_source_changed_meanwhile_refuses_the_save(translator):
    obj, response = save_after_the_source_changed(
        translator, BODY_EN.replace("We are back.", "We are back!")
    )
    assert response.status_code == 200
    assert "The source text changed" in response.context["errors"][0]
    assert [row["target"] for row in response.context["rows"]] == TRANSLATIONS
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_a_missing_or_forged_edit_check_refuses_the_save(translator):
    obj = release()
    data = {f"segment-{n}": text for n, text in enumerate(TRANSLATIONS, start=1)}
    for token in ("", "forged"):
        response = translator.post(segments_url(obj), data | {BASE_FIELD: token})
        assert response.status_code == 200
        assert "edit check is missing or invalid" in response.context["errors"][0]
    other = release()
    token = translator.get(segments_url(other)).context["token"]
    response = translator.post(segments_url(obj), data | {BASE_FIELD: token})
    assert "edit check is missing or invalid" in response.context["errors"][0]
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_rights_only_a_translator_of_the_language_or_an_editor(client):
    obj = release()
    url = segments_url(obj)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    for groups in (("Translators (it)",), (AUTHORS,), ()):
        other = logged_in(make_user("-".join(groups) or "staff", *groups))
        assert other.get(url).status_code == 403
        assert other.post(url, {"segment-1": "x"}).status_code == 403
    assert logged_in(make_user("editor", EDITORS)).get(url).status_code == 200
    obj.refresh_from_db()
    assert obj.body_fr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["de", "companies.pressrelease", None, "body"],  # no such language
        ["fr", "companies.nothing", None, "body"],  # no such model
        ["fr", "auth.user", None, "body"],  # not content
        ["fr", "companies.pressrelease", None, "title"],  # plain text
        ["fr", "companies.pressrelease", None, "slug"],  # not translated
        ["fr", "companies.pressrelease", None, "nothing"],
        ["fr", "companies.pressrelease", 999999, "body"],  # no such object
        ["en", "companies.pressrelease", None, "body"],  # the source language
    ],
)
def test_odd_addresses_answer_404(translator, args):
    obj = release()
    editor = logged_in(make_user("editor", EDITORS))
    args = [obj.pk if arg is None else arg for arg in args]
    url = reverse("translations:segments", args=args)
    assert editor.get(url).status_code == 404
    assert editor.post(url, {}).status_code == 404


def test_a_text_that_cannot_be_cut_answers_404(translator):
    for body in ("Text outside any block", ""):
        obj = release(body_en=body)
        assert translator.get(segments_url(obj)).status_code == 404


def test_each_segment_shows_its_memory_matches_and_glossary_terms(translator):
    award = Term.objects.create(text="Car of the Year")
    TermTranslation.objects.create(term=award, language="fr", text="Voiture de l'année")
    release(
        body_en="<p>The plant opens in <strong>Douai</strong>.</p>",
        body_fr=("<p>L'usine ouvre à <strong>Douai</strong>.</p>"),
    )
    obj = release()
    page = translator.get(segments_url(obj))
    rows = page.context["rows"]
    matches = [item["match"] for item in rows[1]["matches"]]
    assert [(match.percent, match.target) for match in matches] == [
        (100, "L'usine ouvre à <strong>Douai</strong>.")
    ]
    # The block has two sentences: the match says which one it is for.
    assert rows[1]["several"] is True
    assert [item["for"] for item in rows[1]["matches"]] == ["The plant opens in Douai."]
    assert rows[0]["matches"] == []
    html = page.content.decode()
    assert 'data-memory-target="segment-2" data-memory-rich="1"' in html
    assert "Voiture de l&#x27;année" in str(rows[3]["terms"])
    assert rows[2]["terms"] == ""
    assert "admin/segments.js" in html and "admin/translation_memory.js" in html


def test_the_page_costs_the_same_queries_for_few_segments_as_for_many(translator):
    short = release(body_en="<p>One.</p>")
    long = release(body_en="".join(f"<p>Sentence {n}. And {n}.</p>" for n in range(30)))

    def count(obj):
        translator.get(segments_url(obj))  # warm the caches (content types, glossary)
        with CaptureQueriesContext(connection) as queries:
            assert translator.get(segments_url(obj)).status_code == 200
        return len(queries)

    assert count(short) == count(long)


def test_document_progress_counts_blocks_of_rich_text_and_one_segment_per_plain_field():
    obj = release(body_fr=BODY_FR)  # title current, summary missing, body current
    assert field_segments(obj, "body") == 5
    assert field_segments(obj, "title") == 1
    assert field_segments(obj, "image_alt") == 0  # no source text
    assert document_progress(obj, {"summary"}) == document_progress(obj, {"summary"})
    progress = document_progress(obj, {"summary"})
    assert (progress.done, progress.total) == (6, 7)
    # In the segment view, the body counts the boxes filled in.
    progress = document_progress(obj, {"summary"}, field="body", filled=2)
    assert (progress.done, progress.total, progress.percent) == (3, 7, 43)


def test_the_segment_view_shows_the_progress(translator):
    obj = release()
    page = translator.get(segments_url(obj))
    html = page.content.decode()
    assert "<span data-segments-filled>0</span> of 5 segments of this text translated" in html
    # Title (current) 1, summary (missing) 1, body (missing) 5.
    done = '<span data-document-done data-others="1">1</span>'
    assert f"The whole document: {done} of 7 segments translated" in html


def test_the_queue_shows_each_documents_progress_and_links_to_the_segment_view(translator):
    obj = release()
    page = translator.get(reverse("translations:queue", args=["fr"]))
    entry = next(entry for entry in page.context["entries"] if entry["object"] == obj)
    assert (entry["progress"].done, entry["progress"].total) == (1, 7)
    links = {item["field"]: item["segments_url"] for item in entry["fields"]}
    assert links == {"summary": "", "body": segments_url(obj)}
    html = page.content.decode()
    assert 'data-progress-done="1" data-progress-total="7"' in html
    assert f'href="{segments_url(obj)}" class="queue-segments"' in html


@pytest.mark.parametrize("rows", [2, 12])
def test_the_queue_with_progress_costs_the_same_queries_whatever_its_rows(
    translator, django_assert_num_queries, rows
):
    for number in range(rows):
        release(title_en=f"Release {number}")
        EpisodeFactory(synopsis_en="<p>One.</p><p>Two.</p>", synopsis_fr="")
    url = reverse("translations:queue", args=["fr"])
    translator.get(url)  # warm the content type cache
    # Session, user, groups; count and page of queued objects; the consistency
    # rows; one query per model for the objects (press releases with their
    # companies, episodes with their series, series); the admin sidebar's two
    # permission queries; the queued rows; the memory's matches (one per
    # source language; on PostgreSQL one per threshold, higher ones first,
    # see translations.memory); the findings' counts by type; the open
    # comments with their total. Progress adds none.
    memory_queries = len(FIRST_THRESHOLDS) + 1 if connection.vendor == "postgresql" else 1
    with django_assert_num_queries(14 + memory_queries):
        response = translator.get(url)
    assert all("progress" in entry for entry in response.context["entries"])


def test_the_change_form_links_each_long_rich_text_to_its_segment_view(translator):
    obj = release()
    html = translator.get(change_url(obj)).content.decode()
    assert f'<a href="{segments_url(obj)}">Translate segment by segment</a>' in html
    assert segments_url(obj, field="title") not in html
    # A biography that cannot be cut (text outside any paragraph) gets no link.
    person = PersonFactory(biography_en="Plain words", biography_fr="")
    assert "Translate segment by segment" not in translator.get(change_url(person)).content.decode()


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "fr",
            ["Segments traduits dans ce texte\u202f: 0 sur 5", "Segment 1 en ", "Élément de liste"],
        ),
        ("it", ["Segmenti tradotti in questo testo: 0 su 5", "Segmento 1 in ", "Voce di elenco"]),
    ],
)
def test_the_page_speaks_the_translators_language(translator, language, phrases):
    obj = release()
    html = translator.get(segments_url(obj), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    html = html.replace("<span data-segments-filled>0</span>", "0")
    for phrase in phrases:
        assert phrase in html


@pytest.mark.parametrize(
    "typed",
    [
        "L'usine ouvre à <strong>Douai. Lire le plan.",  # a tag left open
        "L'usine ouvre à &lt;strong&gt;Douai&lt;/strong&gt;. Lire le plan.",  # tags as text
        "<p>L'usine ouvre à <strong>Douai</strong>.</p>",  # a block inside the block
    ],
)
def test_odd_markup_in_a_box_is_refused_by_the_segments_name(translator, typed):
    obj = release()
    texts = list(TRANSLATIONS)
    texts[1] = typed
    response = post(translator, obj, texts)
    assert response.status_code == 200
    assert any(":body#2 " in error for error in response.context["errors"])
    assert response.context["rows"][1]["target"] == typed
    obj.refresh_from_db()
    assert obj.body_fr == ""


def test_a_source_cut_differently_since_offers_what_was_typed_beside_it(translator):
    obj, response = save_after_the_source_changed(
        translator, BODY_EN.replace("<blockquote><p>We are back.</p></blockquote>", "")
    )
    assert "The source text changed" in response.context["errors"][0]
    assert len(response.context["rows"]) == 4
    assert response.context["typed_before"] == TRANSLATIONS
    assert "Nous sommes de retour." in response.content.decode()
    # The page carries the new source's check: the next save goes through.
    assert post(translator, obj, TRANSLATIONS[:4], response=response).status_code == 302
    obj.refresh_from_db()
    assert obj.body_fr == BODY_FR.replace(
        "<blockquote><p>Nous sommes de retour.</p></blockquote>", ""
    )


def test_saving_the_translation_unchanged_writes_nothing(translator):
    obj = release(body_fr=BODY_FR)
    before = versions_of(obj).count()
    assert post(translator, obj, TRANSLATIONS).status_code == 302
    assert versions_of(obj).count() == before
    assert not LogEntry.objects.filter(object_id=str(obj.pk)).exists()


def test_readers_see_the_saved_body_at_once(translator, client):
    obj = release()
    with translation.override("fr"):
        public = obj.get_absolute_url()
    assert "Nous sommes de retour." not in client.get(public).content.decode()  # cached now
    assert post(translator, obj, TRANSLATIONS).status_code == 302
    html = client.get(public).content.decode()
    assert "<blockquote><p>Nous sommes de retour.</p></blockquote>" in html


def test_what_was_typed_is_shown_again_as_text_never_as_markup(translator):
    obj = release()
    typed = "</textarea><script>alert(1)</script>"
    response = post(translator, obj, [typed, *TRANSLATIONS[1:]])
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
