"""What frames every page: the footer's place on a short page, headlines that read as such."""

import pytest
from django.urls import reverse
from django.utils import translation

from .pages import WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOOTER_BOTTOM = "() => document.querySelector('footer.site-footer').getBoundingClientRect().bottom"
# Where the page's own content ends (main itself stretches to push the footer down).
CONTENT_BOTTOM = (
    "() => document.querySelector('main').lastElementChild.getBoundingClientRect().bottom"
)

# The colour and line of a heading's link, then of the heading itself.
HEADLINE_LINKS = """(links) => links.map((link) => {
    const own = getComputedStyle(link);
    const heading = getComputedStyle(link.closest('h1, h2, h3, h4'));
    return {text: link.textContent.trim(), color: own.color, headingColor: heading.color,
            underline: own.textDecorationLine};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_stays_at_the_bottom_of_a_short_page(page, live_server, content, width):
    """A 404 page is a few lines long: the footer ends at the window's bottom, not mid-screen."""
    response = page.goto(f"{live_server.url}/en/episodes/no-such-episode/")
    assert response.status == 404
    viewport = page.viewport_size["height"]
    assert page.evaluate(CONTENT_BOTTOM) < viewport - 200, "the test needs a short page"
    assert page.evaluate(FOOTER_BOTTOM) == pytest.approx(viewport, abs=1)
    # And on a long page it comes after the content, not over it.
    page.goto(f"{live_server.url}/en/")
    assert page.evaluate("document.documentElement.scrollHeight") > viewport
    assert page.evaluate(FOOTER_BOTTOM) > viewport


@pytest.mark.parametrize("width", WIDTHS)
def test_linked_headlines_keep_the_headline_colour_and_no_underline(
    page, live_server, content, width
):
    """Press titles and timeline years are links, but read as headlines until pointed at."""
    with translation.override("fr"):
        paths = [reverse("companies:pressrelease_list"), reverse("timeline:index")]
    for path in paths:
        page.goto(live_server.url + path)
        links = page.eval_on_selector_all(
            ":is(h1, h2, h3, h4) a:not(:focus):not(:hover)", HEADLINE_LINKS
        )
        assert links, f"{path} has no linked headline to check"
        for link in links:
            assert link["color"] == link["headingColor"], link
            assert link["underline"] == "none", link
        first = page.locator(":is(h1, h2, h3, h4) a").first
        first.hover()
        assert "underline" in first.evaluate("(link) => getComputedStyle(link).textDecorationLine")
