"""Responsive images in a real browser: the rendition it picks, and that it loads."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

LOADED_IMAGES = """() => Array.from(document.images).map(img => ({
    cls: img.className, src: new URL(img.currentSrc).pathname, natural: img.naturalWidth,
    shown: img.getBoundingClientRect().width,
    webp: img.parentElement.querySelector("source[type='image/webp']").srcset,
}))"""


def chosen_width(img):
    """The width descriptor of the srcset candidate the browser chose."""
    widths = dict(entry.split() for entry in img["webp"].split(", "))
    return int(widths[img["src"]].removesuffix("w"))


def scroll_everything_into_view(page):
    # Lazy images load only near the viewport.
    page.evaluate(
        """async () => {
            for (const img of document.images) {
                img.scrollIntoView();
                await new Promise(r => setTimeout(r, 20));
            }
        }"""
    )
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")


@pytest.mark.parametrize(
    ("viewport", "poster_width", "card_width"),
    # Poster: min(22rem, 60vw) → 234 px on a phone (240w), 352 px on a desktop (360w).
    # Cards: one column of 358 px on a phone (480w), 17rem = 272 px on a desktop (320w).
    [(PHONE, 240, 480), (DESKTOP, 360, 320)],
    ids=["phone", "desktop"],
)
def test_the_browser_picks_the_webp_rendition_that_fits(
    page, live_server, content, broken_responses, viewport, poster_width, card_width
):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/en/")
    scroll_everything_into_view(page)
    images = page.evaluate(LOADED_IMAGES)
    poster = next(img for img in images if img["cls"] == "poster")
    cards = [img for img in images if img["cls"] == "card__image"]
    assert len(cards) == 4
    for img in [poster, *cards]:
        assert img["src"].endswith(".webp"), img
        assert img["natural"] > 0, img  # decoded
        # The chosen file is at least as wide as the box it fills.
        assert chosen_width(img) >= img["shown"], img
    assert chosen_width(poster) == poster_width
    assert {chosen_width(card) for card in cards} == {card_width}
    assert broken_responses == []
