"""
Detail pages use the width (issue 11): the key facts and related items sit in
an <aside> beside the main text on a desktop, below it on a phone.

Measured on the shipped content, one page of each kind, in every language
(French and Italian facts are the longest). Luca de Meo has left Renault:
his page shows his latest position, not an empty list of current ones.
"""

import pytest
from playwright.sync_api import expect

from .pages import BY_ID, visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DETAIL_PAGES = [BY_ID[name] for name in ("company", "person", "press-release", "episode")]

# The boxes of the main column and of the side column, and where the side
# column sits in the landmarks.
BOXES = """() => {
    const box = (element) => {
        const r = element.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};
    };
    const body = document.querySelector("main .detail__body");
    const aside = document.querySelector("main aside.detail__aside");
    return {body: box(body), aside: box(aside), article: box(aside.parentElement),
            mains: document.querySelectorAll("main").length,
            asides: document.querySelectorAll("aside").length,
            factRows: aside.querySelectorAll("dl.facts > div").length};
}"""


def detail_boxes(page, live_server, path):
    page.goto(live_server.url + path)
    # One named side column inside the one main landmark.
    aside = page.locator("main").get_by_role("complementary")
    expect(aside).to_have_count(1)
    expect(aside).to_have_accessible_name(page.locator("#aside-title").inner_text())
    boxes = page.evaluate(BOXES)
    assert boxes["mains"] == 1 and boxes["asides"] == 1, path
    assert boxes["factRows"] > 0, f"{path} shows no key fact"
    return boxes


@pytest.mark.browser_context_args(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
def test_at_1280_pixels_the_facts_sit_beside_the_text(page, live_server, content):
    for _page_type, _language, path in visits(DETAIL_PAGES):
        boxes = detail_boxes(page, live_server, path)
        body, aside = boxes["body"], boxes["aside"]
        assert aside["left"] >= body["right"], f"{path}: the aside is not right of the text"
        assert aside["top"] < body["bottom"] and aside["bottom"] > body["top"], (
            f"{path}: the aside does not overlap the text vertically"
        )
        # A side column, not a second text column.
        assert aside["width"] < body["width"] / 2, path
        assert body["width"] > 500, f"{path}: the text column is squeezed"


@pytest.mark.browser_context_args(
    viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True
)
def test_at_390_pixels_the_facts_are_stacked_full_width(page, live_server, content):
    for _page_type, _language, path in visits(DETAIL_PAGES):
        boxes = detail_boxes(page, live_server, path)
        body, aside, article = boxes["body"], boxes["aside"], boxes["article"]
        assert aside["width"] == pytest.approx(article["width"], abs=1), path
        assert aside["left"] == pytest.approx(body["left"], abs=1), path
        assert aside["top"] >= body["bottom"] or aside["bottom"] <= body["top"], (
            f"{path}: the aside is not stacked with the text"
        )
