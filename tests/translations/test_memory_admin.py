"""
The translation memory in the admin: matches in the translator's form with
an Insert button, the queue's indicator, the TMX download and upload on the
dashboard, and who sees what.
"""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.admin import PressReleaseAdmin
from tests.admin_clients import change_url, logged_in, make_user
from tests.factories import PressReleaseFactory
from translations.memory import FIRST_THRESHOLDS
from translations.models import MemoryEntry

pytestmark = pytest.mark.django_db

KNOWN_EN = "The plant opens in Douai. It builds 400,000 cars a year."
KNOWN_FR = (
    "<p>L'usine ouvre à <strong>Douai</strong>. Elle produit 400\u202f000 voitures par an.</p>"
)


@pytest.fixture
def translated():
    """A release whose body's translations are in the memory."""
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        title_it="Ampere parte",
        body_en=f"<p>{KNOWN_EN}</p>",
        body_fr=KNOWN_FR,
        body_it="<p>Lo stabilimento apre a Douai. Produce 400.000 auto all'anno.</p>",
    )


@pytest.fixture
def to_translate(translated):
    """A release to translate whose body shares a sentence with `translated`."""
    return PressReleaseFactory(
        title_en="Ampere starts today",
        title_fr="",
        title_it="",
        summary_en="Nothing in the memory looks like this sentence at all.",
        summary_fr="",
        body_en="<p>The plant opens in Douai. It builds 300,000 cars a year.</p>",
        body_fr="",
        body_it="",
    )


def test_the_form_shows_matches_for_each_segment_with_insert_buttons(translated, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(change_url(to_translate)).content.decode()
    # The body: an exact match and a fuzzy one, each with its button.
    assert "Translation memory: 2 of 2 segments matched" in page
    assert 'data-memory-html="L&#x27;usine ouvre à &lt;strong&gt;Douai&lt;/strong&gt;."' in page
    assert "100&nbsp;%" in page
    assert 'data-memory-target="id_body_fr" data-memory-rich="1"' in page
    assert "Elle produit 400\u202f000 voitures par an." in page
    # The title: fuzzy, plain text.
    assert 'data-memory-target="id_title_fr" data-memory-rich="0"' in page
    assert 'data-memory-text="Ampere démarre"' in page
    # No match for the summary, and nothing into Italian for a French translator.
    assert "Translation memory: 0 of 1 segment matched" in page
    assert "Ampere parte" not in page.split('id="id_title_fr"')[1]
    assert "admin/translation_memory.js" in page
    assert "<script>" not in page.split("translation-memory", 1)[1]  # no inline script (CSP)


def test_current_fields_get_no_suggestions(translated):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(change_url(translated)).content.decode()
    assert 'data-memory-for="id_title_fr"' not in page
    assert 'data-memory-for="id_body_fr"' not in page
    assert 'data-memory-for="id_summary_fr"' in page  # missing: the factory left it empty


def test_suggestions_cost_one_query_per_language_pair(translated):
    def form_queries(release):
        request = RequestFactory().get("/")
        request.user = make_user(f"fr-it-{release.pk}", "Translators (fr)", "Translators (it)")
        model_admin = PressReleaseAdmin(type(release), admin.site)
        model_admin.translator_languages(request)  # the user's groups, cached
        with CaptureQueriesContext(connection) as queries:
            model_admin.get_form(request, release)
        return [q["sql"] for q in queries if "translations_memoryentry" in q["sql"]]

    short = PressReleaseFactory(title_fr="", title_it="", body_en="<p>One.</p>", body_fr="")
    long = PressReleaseFactory(
        title_fr="",
        title_it="",
        body_en="".join(f"<p>Sentence number {n} here. Another one {n}.</p>" for n in range(15)),
        body_fr="",
        body_it="",
    )
    # French and Italian, for 2 segments as for 31: one query each on SQLite,
    # one per threshold on PostgreSQL (higher ones first, see
    # memory._postgres_candidates).
    per_pair = len(FIRST_THRESHOLDS) + 1 if connection.vendor == "postgresql" else 1
    assert len(form_queries(short)) == len(form_queries(long)) == 2 * per_pair


def test_the_queue_says_which_fields_have_memory_matches(translated, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(reverse("translations:queue", args=["fr"])).content.decode()
    assert 'data-memory-matched="2" data-memory-best="100"' in page
    assert "2 segments with memory matches, best 100&nbsp;%" in page
    assert "1 segment with a memory match, best" in page  # the title


def test_the_queue_costs_the_same_with_more_objects(translated, django_assert_max_num_queries):
    client = logged_in(make_user("fr", "Translators (fr)"))
    for n in range(3):
        PressReleaseFactory(title_fr="", body_en=f"<p>{KNOWN_EN} More {n}.</p>", body_fr="")
    client.get(reverse("translations:queue", args=["fr"]))  # sessions, content types
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("translations:queue", args=["fr"]))
    for n in range(5):
        PressReleaseFactory(title_fr="", body_en=f"<p>{KNOWN_EN} Again {n}.</p>", body_fr="")
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("translations:queue", args=["fr"]))


def test_the_dashboard_counts_the_memory_and_links_to_tmx(translated):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(reverse("translations:dashboard")).content.decode()
    count = MemoryEntry.objects.filter(target_language="fr").count()
    assert f"{count} segments" in page
    assert reverse("translations:memory_export") + "?language=fr" in page
    assert reverse("translations:memory_import") in page
    assert 'data-memory="it"' not in page


def test_a_translator_exports_only_their_languages(translated):
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.get(reverse("translations:memory_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="renaulution-memory.tmx"'
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b'xml:lang="fr"' in body and b'xml:lang="it"' not in body
    refused = client.get(reverse("translations:memory_export") + "?language=it")
    assert refused.status_code == 403
    unknown = client.get(reverse("translations:memory_export") + "?language=xx")
    assert unknown.status_code == 400 and b"(fr)" in unknown.content


def test_staff_without_a_language_cannot_see_the_memory(translated):
    client = logged_in(make_user("staff"))
    assert client.get(reverse("translations:memory_export")).status_code == 403
    assert client.get(reverse("translations:memory_import")).status_code == 403


def test_the_upload_imports_dry_runs_and_refuses_bad_files(translated):
    editor = logged_in(make_user("editor", "Editors"))
    data = editor.get(reverse("translations:memory_export")).content
    MemoryEntry.objects.all().delete()
    url = reverse("translations:memory_import")

    def upload(content, **extra):
        return editor.post(url, {"file": SimpleUploadedFile("m.tmx", content), **extra})

    page = upload(data, dry_run="on")
    assert page.status_code == 200 and "Dry run: nothing was changed" in page.content.decode()
    assert not MemoryEntry.objects.exists()
    page = upload(data)
    assert "0 updated" in page.content.decode()
    assert MemoryEntry.objects.exists()
    bad = upload(b"<tmx version='1.4'><header")
    assert bad.status_code == 200
    assert "not well-formed XML" in bad.content.decode()
    assert "Nothing was imported" in bad.content.decode()


def test_a_translator_imports_into_their_languages_only(translated):
    data = logged_in(make_user("editor", "Editors")).get(reverse("translations:memory_export"))
    MemoryEntry.objects.all().delete()
    translator = logged_in(make_user("it", "Translators (it)"))
    translator.post(
        reverse("translations:memory_import"),
        {"file": SimpleUploadedFile("m.tmx", data.content)},
    )
    assert set(MemoryEntry.objects.values_list("target_language", flat=True)) == {"it"}
