"""
The translator's form as a French translator sees it: rich text with its
headings, lists and quotes (the queue's diff; source, diff and read-only
Italian in the form), the "reviewed" box under the field it is for, and a
live counter under a limited title.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from renaulution.seo import HEADLINE_LENGTH
from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory
from translations.admin import change_url
from translations.models import FieldTranslation, State

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "<h2>Ampere</h2><p>The company starts in <strong>France</strong>.</p>"
    "<ul><li>Eleven sites</li><li>LFP cells</li></ul>"
    "<blockquote><p>A new chapter.</p></blockquote>"
)
ITALIAN_BODY = (
    "<h2>Ampere</h2><p>La società parte in <strong>Francia</strong>.</p>"
    "<ul><li>Undici siti</li><li>Celle LFP</li></ul>"
)


def list_style(locator):
    return locator.evaluate("element => getComputedStyle(element).listStyleType")


def test_structured_source_reviewed_box_and_counter(
    page, live_server, translator_fr, external_requests, broken_responses
):
    release = PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="Ampere démarre",
        summary_en="",
        body_en="<h2>Ampere</h2><ul><li>Eleven sites</li></ul>",
        body_fr="<h2>Ampere</h2><ul><li>Onze sites</li></ul>",
        body_it=ITALIAN_BODY,
        image_alt_en="",
    )
    release.title_en = "Ampere starts in France"
    release.body_en = BODY
    release.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, translator_fr)

    # The queue's diff of the body keeps its list: the new item is an item.
    page.goto(f"{live_server.url}{reverse('translations:queue', args=['fr'])}")
    queued = page.locator(".queue-fields li[data-field=body] .queue-diff--rich")
    expect(queued.locator("ul > li")).to_have_text(["Eleven sites", "LFP cells"])
    expect(queued.locator("ul > li ins")).to_have_text("LFP cells")
    assert list_style(queued.locator("ul > li").first) == "disc"

    page.goto(f"{live_server.url}{change_url(release)}")

    # The English body beside the French one, as readers see it.
    pair = page.locator(".translation-pair").filter(has=page.locator("#id_body_fr"))
    source = pair.locator('.translation-source__text[lang="en"]')
    expect(source.locator("h2")).to_have_text("Ampere")
    expect(source.locator("ul > li")).to_have_text(["Eleven sites", "LFP cells"])
    assert list_style(source.locator("ul > li").first) == "disc"
    expect(source.locator("blockquote")).to_have_text("A new chapter.")
    # What changed, in the same structure: the new item is an item, marked.
    diff = pair.locator(".translation-diff__text")
    expect(diff.locator("ul > li")).to_have_count(2)
    expect(diff.locator("ul > li").nth(1).locator("ins")).to_have_text("LFP cells")
    assert list_style(diff.locator("ul > li").first) == "disc"
    # The Italian body, read-only for her, keeps its list too.
    italian = page.locator(".field-body_it_rendered .readonly")
    expect(italian.locator("ul > li")).to_have_text(["Undici siti", "Celle LFP"])
    assert list_style(italian.locator("ul > li").first) == "disc"

    # The reviewed box is named after its field and sits right under it.
    title = page.locator("#id_title_fr")
    box = page.get_by_label("Title (French): reviewed, no change needed")
    expect(box).to_be_visible()
    expect(box).to_have_attribute("type", "checkbox")
    expect(box).to_have_attribute("name", "reviewed__title_fr")
    # Right under the French title's pair (source beside target), aligned with it.
    pair_box = page.locator(".translation-pair").filter(has=title).bounding_box()
    check_box = box.bounding_box()
    assert 0 <= check_box["y"] - (pair_box["y"] + pair_box["height"]) < 40
    assert abs(check_box["x"] - pair_box["x"]) < 10

    # The counter follows typing, in characters as the server counts them.
    counter = page.locator("#id_title_fr_count")
    expect(counter).to_have_text(f"{len('Ampere démarre')} / {HEADLINE_LENGTH}")
    expect(title).to_have_attribute("aria-describedby", "id_title_fr_count")
    title.fill("Ampère démarre en France")
    expect(counter).to_have_text(f"24 / {HEADLINE_LENGTH}")
    expect(counter).not_to_have_class("character-count character-count--over")
    title.fill("é" * (HEADLINE_LENGTH + 5))
    expect(counter).to_contain_text(f"{HEADLINE_LENGTH + 5} / {HEADLINE_LENGTH} — Longer than")
    expect(counter).to_have_class("character-count character-count--over")
    # The hard limit stops the browser itself.
    title.fill("x" * 300)
    expect(title).to_have_value("x" * 255)
    expect(counter).to_have_class("character-count character-count--over character-count--full")
    title.fill("Ampere démarre")

    # Ticking the box makes the French title current without changing it.
    box.check()
    page.locator("input[name=_save]").last.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    row = FieldTranslation.objects.for_object(release).get(field="title", language="fr")
    assert row.state == State.CURRENT
    release.refresh_from_db()
    assert release.title_fr == "Ampere démarre"
    assert external_requests == []
    assert broken_responses == []
