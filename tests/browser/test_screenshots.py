"""
The README's screenshots: the first screen of a few pages, at phone and desktop width.

Saved to docs/screenshots/<page type>-<width>.png only when SAVE_SCREENSHOTS=1;
every run checks what they would show. A new one is a page type id in
README_SCREENSHOTS.
"""

import pytest
from PIL import Image
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .pages import BY_ID, WIDTHS, visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Page type ids from tests/browser/pages.py.
README_SCREENSHOTS = ["home", "episode", "timeline"]
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# Above the fold at device scale 1 stays small enough to commit.
MAX_BYTES = 400_000


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_id", README_SCREENSHOTS)
def test_readme_screenshot_shows_the_page_heading_and_its_images(
    page, live_server, content, broken_images, broken_responses, save_screenshot, page_id, width
):
    """The first screen has the page's <h1> and images that load; saved at the viewport's size."""
    [(_page_type, _language, path)] = visits([BY_ID[page_id]], ["en"])
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_be_in_viewport(ratio=1)
    assert broken_images(page) == []
    assert broken_responses == []

    path = save_screenshot(page, f"{page_id}-{width}.png")
    if path is not None:
        viewport = VIEWPORTS[width]
        with Image.open(path) as image:
            assert image.size == (viewport["width"], viewport["height"])
        assert path.stat().st_size < MAX_BYTES, f"{path} is {path.stat().st_size} bytes"
