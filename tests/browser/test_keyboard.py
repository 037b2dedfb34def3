"""A reader without a mouse: skip link, visible focus, menu and language switcher, both widths."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from .pages import LANGUAGES, MENU, PAGE_TYPES, WIDTHS, visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The element that has keyboard focus, marked so that its style can be read
# again once focus has left it; None when focus is back on the body or on an
# element seen before (the walk went round).
FOCUSED = """(step) => {
    const element = document.activeElement;
    if (!element || element === document.body || element.dataset.focusStep !== undefined) {
        return null;
    }
    element.dataset.focusStep = step;
    const style = getComputedStyle(element);
    // An outline drawn outside a box that hides its overflow (a card with
    // rounded corners) is computed but never painted.
    const ring = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const box = element.getBoundingClientRect();
    let clippedBy = null;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const parentStyle = getComputedStyle(parent);
        if (parentStyle.overflowX === "visible" && parentStyle.overflowY === "visible") continue;
        const edge = parent.getBoundingClientRect();
        if (box.left - ring < edge.left || box.top - ring < edge.top
            || box.right + ring > edge.right || box.bottom + ring > edge.bottom) {
            clippedBy = parent.className || parent.tagName.toLowerCase();
            break;
        }
    }
    return {
        step,
        tag: element.tagName.toLowerCase(),
        html: element.outerHTML.slice(0, 160),
        focusVisible: element.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
            && clippedBy === null,
        clippedBy,
        shadow: style.boxShadow,
    };
}"""
UNFOCUSED_SHADOW = """(step) => getComputedStyle(
    document.querySelector(`[data-focus-step="${step}"]`)
).boxShadow"""


def tab_through(page, limit=200):
    """Press Tab until focus leaves the page or comes round; what each stop looked like."""
    stops = []
    for step in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED, step)
        if stop is None:
            break
        stops.append(stop)
    else:
        raise AssertionError(f"Tab never left the page after {limit} stops")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for stop in stops:
        stop["unfocused_shadow"] = page.evaluate(UNFOCUSED_SHADOW, stop["step"])
    return stops


def focus_href(page):
    """The focused link's href; a form control by its tag and name (`input[name=q]`)."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const name = element.getAttribute('name');
            if (element.matches('.menu-button')) return 'menu-button';
            return element.getAttribute('href')
                || element.tagName.toLowerCase() + (name ? `[name=${name}]` : '');
        }"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_is_the_first_tab_stop_and_leads_into_main(page, live_server, content, width):
    """Hidden until focused, then on screen; Enter moves focus to <main>, and Tab goes on inside."""
    page.goto(f"{live_server.url}/en/")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport(ratio=1)

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/#content")
    expect(page.locator("main#content")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null"), (
        "the Tab after the skip link left <main>"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_every_keyboard_stop_of_every_page_type_shows_where_focus_is(
    page, live_server, content, width
):
    """Each link, select and button draws an outline or a new shadow under :focus-visible."""
    tags = set()
    invisible = []
    # One language per page type, in turn: the walk is long enough as it is.
    paths = [
        path
        for (page_type, language, path) in visits()
        if language == LANGUAGES[PAGE_TYPES.index(page_type) % len(LANGUAGES)]
    ]
    for path in paths:
        url = live_server.url + path
        page.goto(url)
        for stop in tab_through(page):
            tags.add(stop["tag"])
            shadow_changed = stop["shadow"] not in {"none", stop["unfocused_shadow"]}
            if not (stop["focusVisible"] and (stop["outline"] or shadow_changed)):
                clipped = f" (outline clipped by .{stop['clippedBy']})" if stop["clippedBy"] else ""
                invisible.append(f"{url}: {stop['html']}{clipped}")
    assert invisible == [], "focus is not visible on:\n" + "\n".join(invisible)
    # The press list's filters are among them: form controls were checked too.
    assert {"a", "select", "button"} <= tags


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_and_language_switcher_are_reached_and_followed_with_the_keyboard(
    page, live_server, content, width, language
):
    """
    After the skip link and the site name, Tab visits every menu item, the search
    box and its button, then every other language, each fully on screen; Enter
    follows each link. On a phone the menu is folded behind its button: Tab
    reaches the button, Enter opens the menu, and Tab goes on into it.
    """
    with translation.override(language):
        home = reverse("home")
        menu = [reverse(name) for name in MENU]
    others = [code for code in LANGUAGES if code != language]
    languages = [f"/{code}/" for code in others]
    search = ["input[name=q]", "button"]
    folded = ["menu-button"] if width == "phone" else []
    expected = ["#content", home, *folded, *menu, *search, *languages]

    def tab():
        page.keyboard.press("Tab")
        stop = focus_href(page)
        if stop == "menu-button":
            page.keyboard.press("Enter")
            expect(page.locator(".menu-button")).to_have_attribute("aria-expanded", "true")
        return stop

    page.goto(live_server.url + home)
    visited = []
    for _ in expected:
        visited.append(tab())
        expect(page.locator(":focus")).to_be_in_viewport(ratio=1)
    assert visited == expected

    for position, href in enumerate(expected[2:], start=2):
        if href in search or href in folded:
            continue
        page.goto(live_server.url + home)
        for _ in range(position + 1):
            tab()
        assert focus_href(page) == href
        page.keyboard.press("Enter")
        expect(page).to_have_url(live_server.url + href)
        if href in languages:
            expect(page.locator("html")).to_have_attribute("lang", others[languages.index(href)])
        else:
            expect(page.locator(f'nav.site-nav a[href="{href}"]')).to_have_attribute(
                "aria-current", "page"
            )
