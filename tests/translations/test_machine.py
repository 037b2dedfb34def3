"""
Machine translation: the DeepL adapter against a local server speaking
DeepL's API (tests/deepl_server.py), its settings, and the translator's
"Machine translation" button and endpoint: off by default, only for those
who translate that object into that language, and never a write.
"""

import runpy
import socket
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renaulution import settings as settings_module
from tests.admin_clients import change_url, logged_in, make_user
from tests.deepl_server import KEY
from tests.factories import PressReleaseFactory
from translations import machine
from translations.models import FieldTranslation, MemoryEntry

pytestmark = pytest.mark.django_db

LABEL = "Machine translation (DeepL) — check before saving"


def suggestion_url(obj, field, language):
    return reverse(
        "translations:machine_suggestion", args=[obj._meta.label_lower, obj.pk, field, language]
    )


@pytest.fixture
def to_translate():
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        title_it="",
        summary_en="The plant opens in Douai.",
        summary_fr="",
        body_en="<p>The plant opens in <strong>Douai</strong>.</p><p>Ampere starts</p>",
        body_fr="",
        body_it="",
    )


# The adapter ------------------------------------------------------------------


def test_deepl_receives_the_documented_request_and_its_answer_is_returned(deepl):
    found = machine.DeepL().translate(["Ampere starts", "Ampere starts today"], "en", "fr")
    assert found == ["Ampere démarre", "Ampere démarre today"]
    [request] = deepl.requests
    assert request["path"] == "/v2/translate"
    assert request["headers"]["Authorization"] == f"DeepL-Auth-Key {KEY}"
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["body"] == {
        "text": ["Ampere starts", "Ampere starts today"],
        "source_lang": "EN",
        "target_lang": "FR",
    }


def test_rich_text_is_sent_with_html_tag_handling(deepl):
    [found] = machine.DeepL().translate(["<p>Ampere starts</p>"], "en", "it", html=True)
    assert found == "<p>Ampere parte</p>"
    assert deepl.requests[0]["body"]["tag_handling"] == "html"
    assert deepl.requests[0]["body"]["target_lang"] == "IT"


def test_english_as_a_target_names_its_variant(deepl):
    machine.DeepL().translate(["L'usine ouvre."], "fr", "en")
    assert deepl.requests[0]["body"]["source_lang"] == "FR"
    # DeepL refuses a bare "EN" as a target.
    assert deepl.requests[0]["body"]["target_lang"] == "EN-GB"


def test_more_texts_than_deepl_takes_at_once_go_in_batches_in_order(deepl):
    texts = [f"Ampere starts {n}" for n in range(120)]
    found = machine.DeepL().translate(texts, "en", "fr")
    assert found == [f"Ampere démarre {n}" for n in range(120)]
    assert [len(r["body"]["text"]) for r in deepl.requests] == [50, 50, 20]


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (403, "DeepL refused the authentication key: check DEEPL_AUTH_KEY."),
        (456, "The DeepL quota is used up for this period."),
        (429, "DeepL is receiving too many requests; try again in a moment."),
        (500, "DeepL is unavailable (error 500); try again later."),
        (400, "DeepL refused the request (error 400)."),
    ],
)
def test_each_refusal_of_deepl_gives_its_own_clear_message(deepl, status, message):
    deepl.status = status
    with pytest.raises(machine.MachineTranslationError) as raised:
        machine.DeepL().translate(["Ampere starts"], "en", "fr")
    assert str(raised.value) == message


def test_a_wrong_key_is_refused_by_the_server_as_deepl_does(deepl, settings):
    settings.DEEPL_AUTH_KEY = "not-the-key:fx"
    with pytest.raises(machine.MachineTranslationError, match="authentication key"):
        machine.DeepL().translate(["Ampere starts"], "en", "fr")
    assert deepl.requests[0]["headers"]["Authorization"] == "DeepL-Auth-Key not-the-key:fx"


@pytest.mark.parametrize(
    "answer",
    [
        {"translations": []},
        {"translations": [{"text": 3}]},
        {"message": "nothing"},
        ["not", "an", "object"],
    ],
)
def test_an_answer_that_is_not_one_translation_per_text_is_an_error(deepl, answer):
    deepl.raw_answer = answer
    with pytest.raises(machine.MachineTranslationError, match="could not be read"):
        machine.DeepL().translate(["Ampere starts"], "en", "fr")


def test_a_server_that_is_down_is_an_error_not_an_exception(deepl, settings):
    deepl.stop()
    with pytest.raises(machine.MachineTranslationError, match="could not be reached"):
        machine.DeepL().translate(["Ampere starts"], "en", "fr")


def test_a_server_that_never_answers_times_out(deepl, settings):
    # A socket that accepts connections (the kernel's backlog) and never replies.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.DEEPL_API_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.MACHINE_TRANSLATION_TIMEOUT = 0.3
        with pytest.raises(machine.MachineTranslationError, match="could not be reached"):
            machine.DeepL().translate(["Ampere starts"], "en", "fr")


# Settings and checks ------------------------------------------------------------


def read_settings(monkeypatch, **environment):
    for name in ("MACHINE_TRANSLATION", "DEEPL_AUTH_KEY", "DEEPL_API_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(settings_module.__file__)))


def test_machine_translation_is_off_unless_the_environment_turns_it_on(monkeypatch):
    assert read_settings(monkeypatch)["MACHINE_TRANSLATION_BACKEND"] is None
    on = read_settings(monkeypatch, MACHINE_TRANSLATION="DeepL", DEEPL_AUTH_KEY="abc")
    assert on["MACHINE_TRANSLATION_BACKEND"] == "translations.machine.DeepL"


def test_the_deepl_address_follows_the_key_as_deepl_documents(monkeypatch):
    free = read_settings(monkeypatch, MACHINE_TRANSLATION="deepl", DEEPL_AUTH_KEY="abc:fx")
    assert free["DEEPL_API_URL"] == "https://api-free.deepl.com"
    pro = read_settings(monkeypatch, MACHINE_TRANSLATION="deepl", DEEPL_AUTH_KEY="abc")
    assert pro["DEEPL_API_URL"] == "https://api.deepl.com"
    chosen = read_settings(monkeypatch, DEEPL_AUTH_KEY="abc", DEEPL_API_URL="https://eu.example")
    assert chosen["DEEPL_API_URL"] == "https://eu.example"


def test_off_by_default_in_the_test_settings():
    assert machine.enabled() is False
    assert machine.get_backend() is None


def test_deepl_without_a_key_fails_the_system_check(settings):
    settings.MACHINE_TRANSLATION_BACKEND = "translations.machine.DeepL"
    settings.DEEPL_AUTH_KEY = ""
    with pytest.raises(SystemCheckError, match="DEEPL_AUTH_KEY is empty"):
        call_command("check")


def test_a_backend_that_does_not_exist_fails_the_system_check(settings):
    settings.MACHINE_TRANSLATION_BACKEND = "translations.machine.Nowhere"
    with pytest.raises(SystemCheckError, match="cannot be imported"):
        call_command("check")


# The translator's form and the endpoint ---------------------------------------------


def test_off_there_is_no_button_and_the_endpoint_answers_404(to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(change_url(to_translate)).content.decode()
    assert "machine-translate" not in page
    assert "admin/machine_translation.js" not in page
    assert client.post(suggestion_url(to_translate, "title", "fr")).status_code == 404


def test_on_each_field_the_translator_may_change_has_a_button(deepl, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    page = client.get(change_url(to_translate)).content.decode()
    for field in ("title", "summary", "body"):
        assert f'data-machine-url="{suggestion_url(to_translate, field, "fr")}"' in page
    assert 'data-machine-target="id_body_fr" data-machine-rich="1"' in page
    assert 'data-machine-target="id_title_fr" data-machine-rich="0"' in page
    assert 'data-machine-target="id_title_it"' not in page
    assert "admin/machine_translation.js" in page
    # The page itself asked nothing of DeepL: only a click does.
    assert deepl.requests == []


def test_the_suggestion_is_marked_as_machine_output(deepl, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.post(suggestion_url(to_translate, "title", "fr"))
    assert response.status_code == 200
    assert response.json() == {
        "backend": "DeepL",
        "label": LABEL,
        "language": "fr",
        "rich": False,
        "text": "Ampere démarre",
        "html": "",
    }


def test_rich_text_comes_back_sanitized_with_its_formatting(deepl, to_translate):
    deepl.extra = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    client = logged_in(make_user("fr", "Translators (fr)"))
    answer = client.post(suggestion_url(to_translate, "body", "fr")).json()
    assert deepl.requests[0]["body"]["tag_handling"] == "html"
    assert deepl.requests[0]["body"]["text"] == [to_translate.body_en]
    assert answer["rich"] is True
    assert answer["html"].startswith(
        "<p>L'usine ouvre à <strong>Douai</strong>.</p><p>Ampere démarre</p>"
    )
    assert "script" not in answer["html"]
    assert "onerror" not in answer["html"]
    assert answer["text"] == "L'usine ouvre à Douai. Ampere démarre"


def test_asking_for_a_suggestion_writes_nothing(deepl, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    states = list(FieldTranslation.objects.values_list("field", "language", "state"))
    memory = MemoryEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(suggestion_url(to_translate, "body", "fr"))
    assert response.status_code == 200
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    to_translate.refresh_from_db()
    assert to_translate.body_fr == ""
    assert list(FieldTranslation.objects.values_list("field", "language", "state")) == states
    assert MemoryEntry.objects.count() == memory


def test_the_label_is_in_the_translators_language(deepl, to_translate):
    client = logged_in(make_user("fr", "Translators (fr)"))
    answer = client.post(suggestion_url(to_translate, "title", "fr"), HTTP_ACCEPT_LANGUAGE="fr")
    assert answer.json()["label"].startswith("Traduction automatique (DeepL)")


def test_an_editor_may_ask_in_any_language(deepl, to_translate):
    client = logged_in(make_user("editor", "Editors"))
    answer = client.post(suggestion_url(to_translate, "title", "it"))
    assert answer.status_code == 200
    assert answer.json()["text"] == "Ampere parte"


@pytest.mark.parametrize(
    ("groups", "language"),
    [
        (["Translators (it)"], "fr"),  # another language than theirs
        (["Authors"], "fr"),  # writes content, translates nothing
        ([], "fr"),  # staff without a role
    ],
)
def test_who_does_not_translate_that_language_is_refused(deepl, to_translate, groups, language):
    client = logged_in(make_user("someone", *groups))
    response = client.post(suggestion_url(to_translate, "title", language))
    assert response.status_code == 403
    assert response.json() == {"error": "You may not translate this into that language."}
    assert deepl.requests == []


def test_anonymous_and_non_staff_users_are_sent_to_the_login(deepl, to_translate):
    url = suggestion_url(to_translate, "title", "fr")
    assert Client().post(url).status_code == 302
    reader = User.objects.create_user("reader", password="pw")
    assert logged_in(reader).post(url).status_code == 302
    assert deepl.requests == []


def test_the_endpoint_wants_a_post_with_the_csrf_token(deepl, to_translate):
    translator = make_user("fr", "Translators (fr)")
    url = suggestion_url(to_translate, "title", "fr")
    assert logged_in(translator).get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(translator)
    assert strict.post(url).status_code == 403
    assert deepl.requests == []


@pytest.mark.parametrize(
    ("label", "pk", "field", "language", "status"),
    [
        ("companies.nothing", None, "title", "fr", 404),
        ("auth.user", None, "title", "fr", 404),
        ("companies.pressrelease", "abc", "title", "fr", 404),
        ("companies.pressrelease", "999999", "title", "fr", 404),
        ("companies.pressrelease", None, "slug", "fr", 404),
        ("companies.pressrelease", None, "company", "fr", 404),
        ("companies.pressrelease", None, "title", "en", 400),  # the source language
        ("companies.pressrelease", None, "title", "xx", 404),
        ("companies.pressrelease", None, "image_alt", "fr", 400),  # an empty source
    ],
)
def test_bad_addresses_get_a_clear_answer_never_a_500(
    deepl, to_translate, label, pk, field, language, status
):
    to_translate.image_alt_en = ""
    to_translate.save()
    client = logged_in(make_user("editor", "Editors"))
    url = reverse(
        "translations:machine_suggestion", args=[label, pk or to_translate.pk, field, language]
    )
    assert client.post(url).status_code == status
    assert deepl.requests == []


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (456, "The DeepL quota is used up for this period."),
        (403, "DeepL refused the authentication key: check DEEPL_AUTH_KEY."),
        (429, "DeepL is receiving too many requests; try again in a moment."),
    ],
)
def test_a_deepl_failure_reaches_the_translator_as_a_message(deepl, to_translate, status, message):
    deepl.status = status
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.post(suggestion_url(to_translate, "title", "fr"))
    assert response.status_code == 502
    assert response.json() == {"error": message}


def test_deepl_down_reaches_the_translator_as_a_message(deepl, to_translate):
    deepl.stop()
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.post(suggestion_url(to_translate, "title", "fr"))
    assert response.status_code == 502
    assert response.json() == {"error": "DeepL could not be reached; try again later."}


def test_a_missing_key_at_request_time_is_a_message(deepl, to_translate, settings):
    settings.DEEPL_AUTH_KEY = ""
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.post(suggestion_url(to_translate, "title", "fr"))
    assert response.status_code == 502
    assert response.json() == {"error": "DeepL has no authentication key (DEEPL_AUTH_KEY)."}


def test_a_backend_that_cannot_load_is_a_message_not_a_500(to_translate, settings):
    settings.MACHINE_TRANSLATION_BACKEND = "translations.machine.Nowhere"
    client = logged_in(make_user("fr", "Translators (fr)"))
    response = client.post(suggestion_url(to_translate, "title", "fr"))
    assert response.status_code == 502
    assert response.json() == {
        "error": "Machine translation is misconfigured: tell an administrator."
    }


def test_a_french_original_is_translated_into_british_english(deepl):
    release = PressReleaseFactory(
        original_language="fr", title_fr="Ampere démarre", title_en="", title_it=""
    )
    client = logged_in(make_user("en", "Translators (en)"))
    response = client.post(suggestion_url(release, "title", "en"))
    assert response.status_code == 200
    body = deepl.requests[0]["body"]
    assert (body["source_lang"], body["target_lang"]) == ("FR", "EN-GB")
    assert body["text"] == ["Ampere démarre"]
