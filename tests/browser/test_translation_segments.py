"""
A French translator translates a long body segment by segment: from the
queue to the segment view, a memory match inserted, the rest typed, saved,
and the public page shows the French body in the English body's structure.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.test_admin import log_in
from tests.factories import PressReleaseFactory
from translations.models import Term, TermTranslation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY_EN = (
    "<h2>Car of the Year 2025</h2>"
    "<p>The Renault 5 E-Tech is built at <strong>ElectriCity</strong> in Douai.</p>"
    "<p>Production started in 2024 and reaches 100,000 cars a year.</p>"
    "<ul><li>An LFP battery from 2026</li><li>Sold in 26 countries</li></ul>"
)
FRENCH = [
    "Voiture de l'année 2025",
    None,  # from the memory, exact
    None,  # from the memory, fuzzy, then corrected
    "Une batterie LFP à partir de 2026",
    "Vendue dans 26 pays",
]
BODY_FR = (
    "<h2>Voiture de l'année 2025</h2>"
    "<p>La Renault 5 E-Tech est construite à <strong>ElectriCity</strong>, à Douai.</p>"
    "<p>La production a démarré en 2024 et atteint 100 000 voitures par an.</p>"
    "<ul><li>Une batterie LFP à partir de 2026</li><li>Vendue dans 26 pays</li></ul>"
)


def glossary():
    award = Term.objects.create(text="Car of the Year")
    TermTranslation.objects.create(term=award, language="fr", text="Voiture de l'année")
    TermTranslation.objects.create(term=award, language="it", text="Auto dell'Anno")
    for name in ("ElectriCity", "Renault 5 E-Tech", "LFP"):
        Term.objects.create(text=name, do_not_translate=True)


def test_a_translator_translates_a_body_segment_by_segment(
    page,
    live_server,
    translator_fr,
    external_requests,
    broken_responses,
    csp_violations,
    save_screenshot,
):
    glossary()
    # An earlier release, translated: the memory knows its sentences.
    PressReleaseFactory(
        title_en="Renault 5 E-Tech in Douai",
        title_fr="La Renault 5 E-Tech à Douai",
        body_en=(
            "<p>The Renault 5 E-Tech is built at <strong>ElectriCity</strong> in Douai.</p>"
            "<p>Production started in 2024 and reaches 150,000 cars a year.</p>"
        ),
        body_fr=(
            "<p>La Renault 5 E-Tech est construite à <strong>ElectriCity</strong>, à Douai.</p>"
            "<p>La production a démarré en 2024 et atteint 150 000 voitures par an.</p>"
        ),
    )
    release = PressReleaseFactory(
        title_en="Renault 5 E-Tech is Car of the Year 2025",
        title_fr="La Renault 5 E-Tech est Voiture de l'année 2025",
        summary_fr="Le jury européen a choisi la Renault 5 E-Tech.",
        body_en=BODY_EN,
        body_fr="",
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, translator_fr)

    page.goto(f"{live_server.url}{reverse('translations:queue', args=['fr'])}")
    item = page.locator(".queue-item").filter(has_text=release.title_en)
    # Title and summary current (1 + 1), the body's five blocks to do.
    expect(item.locator(".queue-progress")).to_contain_text("2 of 7 segments translated")
    item.get_by_role("link", name="Translate segment by segment").click()
    expect(page).to_have_url(re.compile(r"/segments/fr/companies\.pressrelease/\d+/body/$"))

    rows = page.locator(".segment")
    expect(rows).to_have_count(5)
    expect(rows.nth(0).locator('.segment__text[lang="en"]')).to_have_text("Car of the Year 2025")
    expect(rows.nth(0).locator(".translation-terms")).to_contain_text(
        "Car of the Year → Voiture de l'année"
    )
    expect(page.locator(".segment-progress__text")).to_contain_text(
        "0 of 5 segments of this text translated"
    )
    # Best first: the same sentence (100 %), then the earlier release's title.
    expect(rows.nth(1).locator(".memory-percent").first).to_have_text("100\u00a0%")
    fuzzy = rows.nth(2).locator(".memory-percent").first
    expect(fuzzy).to_be_visible()
    assert 50 <= int(fuzzy.inner_text().split("\u00a0")[0]) < 100

    page.locator("#segment-1").fill(FRENCH[0])
    rows.nth(1).get_by_role("button", name="Insert").first.click()
    expect(page.locator("#segment-2")).to_have_value(
        "La Renault 5 E-Tech est construite à <strong>ElectriCity</strong>, à Douai."
    )
    rows.nth(2).get_by_role("button", name="Insert").first.click()
    expect(page.locator("#segment-3")).not_to_have_value("")
    expect(page.locator(".segment-progress__text")).to_contain_text(
        "3 of 5 segments of this text translated"
    )
    # Title and summary, current, and the three boxes filled in.
    expect(page.locator(".segment-progress__document")).to_have_text(
        "The whole document: 5 of 7 segments translated"
    )
    save_screenshot(page, "translator-segments.png", full_page=True)

    # The fuzzy match had another figure: the translator corrects it.
    box = page.locator("#segment-3")
    box.fill(box.input_value().replace("150 000", "100 000"))
    page.locator("#segment-4").fill(FRENCH[3])
    page.locator("#segment-5").fill(FRENCH[4])
    expect(page.locator(".segment-progress__text")).to_contain_text(
        "5 of 5 segments of this text translated"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".segment-progress__document")).to_have_text(
        "The whole document: 7 of 7 segments translated"
    )
    release.refresh_from_db()
    assert release.body_fr == BODY_FR

    with translation.override("fr"):
        public = release.get_absolute_url()
    page.goto(f"{live_server.url}{public}")
    body = page.locator(".detail__body .prose")
    expect(body.locator("h2")).to_have_text("Voiture de l'année 2025")
    expect(body.locator("strong")).to_have_text("ElectriCity")
    expect(body.locator("li")).to_have_text(FRENCH[3:])
    expect(body).to_contain_text("atteint 100 000 voitures par an")
    assert external_requests == []
    assert broken_responses == []
    assert csp_violations == []
