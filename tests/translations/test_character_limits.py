"""
Character limits: a translated text field carries its hard limit (maxlength)
and its soft one (the length search engines show) for the live counter of
static/admin/character_count.js; the server refuses more than the hard limit.
"""

import lxml.html
import pytest
from django.urls import reverse

from renaulution.admin_limits import SOFT_LIMIT_MESSAGE
from renaulution.seo import DESCRIPTION_LENGTH, HEADLINE_LENGTH
from tests.admin_clients import make_user
from tests.factories import CompanyFactory, PositionFactory, PressReleaseFactory
from tests.translations.test_form import change_url
from tests.translations.test_rights import form_data

pytestmark = pytest.mark.django_db


def test_limited_fields_carry_their_limits_for_the_counter(client, translator_fr):
    release = PressReleaseFactory(title_fr="", summary_en="A summary.", summary_fr="")
    response = client.get(change_url(release))
    document = lxml.html.document_fromstring(response.content.decode())
    [title] = document.xpath('//*[@id="id_title_fr"]')
    assert title.get("maxlength") == "255"
    assert title.get("data-soft-limit") == str(HEADLINE_LENGTH)
    assert title.get("data-character-count") == ""
    [summary] = document.xpath('//*[@id="id_summary_fr"]')
    # A text without a hard limit, with the description's recommended length.
    assert summary.get("maxlength") is None
    assert summary.get("data-soft-limit") == str(DESCRIPTION_LENGTH)
    assert summary.get("data-soft-limit-message") == str(
        SOFT_LIMIT_MESSAGE % {"limit": DESCRIPTION_LENGTH}
    )
    # The rich body has no limit and no counter.
    [body] = document.xpath('//*[@id="id_body_fr"]')
    assert body.get("data-character-count") is None
    assert "admin/character_count.js" in response.content.decode()


def test_the_editors_form_has_the_counters_too(client):
    client.force_login(make_user("ed", "Editors"))
    company = CompanyFactory()
    response = client.get(reverse("admin:companies_company_change", args=[company.pk]))
    document = lxml.html.document_fromstring(response.content.decode())
    for code in ("en", "fr", "it"):
        [tagline] = document.xpath(f'//*[@id="id_tagline_{code}"]')
        assert tagline.get("maxlength") == "255"
        assert tagline.get("data-soft-limit") == str(DESCRIPTION_LENGTH)
    # A choice is not text to count.
    [kind] = document.xpath('//*[@id="id_kind"]')
    assert kind.get("data-character-count") is None


def test_the_server_refuses_a_translated_title_over_its_length(client, translator_fr):
    release = PressReleaseFactory(title_fr="Communiqué")
    response = client.get(change_url(release))
    data = form_data(response) | {"title_fr": "é" * 256}
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["title_fr"] == ["Ensure this value has at most 255 characters (it has 256)."]
    release.refresh_from_db()
    assert release.title_fr == "Communiqué"
    # At the limit, it saves.
    data["title_fr"] = "é" * 255
    assert client.post(change_url(release), data).status_code == 302


def test_a_text_over_its_soft_limit_is_accepted(client, translator_fr):
    release = PressReleaseFactory(summary_en="A summary.", summary_fr="Un résumé.")
    response = client.get(change_url(release))
    data = form_data(response) | {"summary_fr": "mot " * 100}
    assert client.post(change_url(release), data).status_code == 302
    release.refresh_from_db()
    assert len(release.summary_fr) > DESCRIPTION_LENGTH


def test_a_persons_positions_count_their_titles_too(client):
    client.force_login(make_user("ed", "Editors"))
    position = PositionFactory()
    response = client.get(reverse("admin:companies_person_change", args=[position.person.pk]))
    document = lxml.html.document_fromstring(response.content.decode())
    [title] = document.xpath('//*[@id="id_positions-0-title_fr"]')
    assert title.get("maxlength") == "200"
    assert title.get("data-character-count") == ""
    # A position's title is no page's description: no recommended length.
    assert title.get("data-soft-limit") is None
    # The person's headline is one.
    [headline] = document.xpath('//*[@id="id_headline_fr"]')
    assert headline.get("data-soft-limit") == str(DESCRIPTION_LENGTH)
