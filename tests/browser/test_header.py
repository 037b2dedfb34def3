"""
The site header: compact on a phone, its menu behind a button that works with
a pointer, a finger and a keyboard, open without script, and one line on a
desktop in every language (French has the longest labels).
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from .accessibility import assert_accessible
from .conftest import DESKTOP_CONTEXT, PHONE, PHONE_CONTEXT
from .pages import LANGUAGES, MENU

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# "At most about one sixth of the screen" (issue 11), on the phone viewport.
MAX_PHONE_HEADER_HEIGHT = PHONE["height"] / 6

# The boxes of what the header holds, for the one-line check: the site name,
# each menu item, the search box and its button, each language.
HEADER_ITEMS = """() => {
    const items = document.querySelectorAll(
        ".site-header .brand, .site-nav li, .site-search input, .site-search button,"
        + " .language-switcher li"
    );
    return Array.from(items, (item) => {
        const box = item.getBoundingClientRect();
        return {text: item.textContent.trim(), top: box.top, bottom: box.bottom,
                height: box.height, offsetTop: item.offsetTop};
    });
}"""


def home(language):
    with translation.override(language):
        return reverse("home")


def menu_links(language):
    with translation.override(language):
        return [reverse(name) for name in MENU]


def header_height(page):
    return page.locator("header.site-header").bounding_box()["height"]


@pytest.mark.browser_context_args(**PHONE_CONTEXT)
@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_is_compact_and_its_menu_button_opens_and_closes_the_menu(
    page, live_server, content, language
):
    """
    At most a sixth of the screen while closed; the button shows the links, the
    search and the languages, then hides them again.
    """
    page.goto(live_server.url + home(language))
    button = page.locator("header .menu-button")
    menu = page.locator("#site-menu")
    links = [page.locator(f'nav.site-nav a[href="{href}"]') for href in menu_links(language)]
    search = page.locator(".site-search input[name=q]")
    other_language = page.locator("nav.language-switcher a").first

    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    assert button.get_attribute("aria-controls") == "site-menu"
    height = header_height(page)
    assert height <= MAX_PHONE_HEADER_HEIGHT, (
        f"the {language} phone header is {height} px high, more than {MAX_PHONE_HEADER_HEIGHT}"
    )
    for hidden in [*links, search, other_language]:
        expect(hidden).to_be_hidden()

    button.tap()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    for shown in [*links, search, other_language]:
        expect(shown).to_be_visible()
        box = shown.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert_accessible(page, label=f"{page.url} with the menu open")

    button.tap()
    expect(button).to_have_attribute("aria-expanded", "false")
    for hidden in [*links, search, other_language]:
        expect(hidden).to_be_hidden()
    assert header_height(page) == height


@pytest.mark.browser_context_args(**PHONE_CONTEXT)
def test_phone_menu_opens_with_the_keyboard_and_escape_closes_it(page, live_server, content):
    """Enter and Space toggle the button; Escape in the menu closes it and returns focus."""
    page.goto(live_server.url + home("fr"))
    button = page.locator("header .menu-button")
    first_link = page.locator(f'nav.site-nav a[href="{menu_links("fr")[0]}"]')

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(first_link).to_be_hidden()
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()


@pytest.mark.browser_context_args(**PHONE_CONTEXT, java_script_enabled=False)
def test_without_javascript_the_phone_menu_is_open_and_has_no_dead_button(
    page, live_server, content
):
    """The button needs script to work, so without it there is none and every link shows."""
    page.goto(live_server.url + home("it"))
    expect(page.locator("header .menu-button")).to_be_hidden()
    for href in menu_links("it"):
        expect(page.locator(f'nav.site-nav a[href="{href}"]')).to_be_visible()
    expect(page.locator(".site-search input[name=q]")).to_be_visible()
    expect(page.locator("nav.language-switcher a").first).to_be_visible()


@pytest.mark.browser_context_args(**DESKTOP_CONTEXT)
@pytest.mark.parametrize("language", LANGUAGES)
def test_desktop_header_is_one_line_without_a_menu_button(page, live_server, content, language):
    """At 1280 px every item of the header sits on one row, French included."""
    page.goto(live_server.url + home(language))
    expect(page.locator("header .menu-button")).to_be_hidden()
    items = page.evaluate(HEADER_ITEMS)
    # Site name, five menu items, search box and button, two other languages and the current one.
    assert len(items) == 1 + len(MENU) + 2 + len(LANGUAGES)
    tallest = max(item["height"] for item in items)
    # One row: every item overlaps every other vertically, and no two
    # items' tops differ by a line or more.
    top = min(item["top"] for item in items)
    bottom = max(item["bottom"] for item in items)
    assert bottom - top <= tallest + 1, (
        f"the {language} header wraps: items span {bottom - top} px for items "
        f"{tallest} px high: {items}"
    )
    for item in items:
        assert item["top"] < min(other["bottom"] for other in items), item
    menu_items = items[1 : 1 + len(MENU)]
    assert len({item["offsetTop"] for item in menu_items}) == 1, (
        f"the {language} menu wraps: {menu_items}"
    )
