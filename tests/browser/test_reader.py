"""What a reader does in a real browser: languages, episodes, phone (keyboard: test_keyboard)."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from episodes.models import Episode, Series
from renaulution.languages import non_default_codes

from .conftest import DESKTOP, HORIZONTAL_OVERFLOW, PHONE, PHONE_CONTEXT
from .pages import MENU, WIDTHS, open_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def episode_at(episodes, path, language):
    """The one of `episodes` whose canonical URL in `language` is `path`."""
    with translation.override(language):
        by_path = {episode.get_absolute_url(): episode for episode in episodes}
    assert path in by_path, f"{path} is not the canonical {language} URL of any episode"
    return by_path[path]


def localized(obj, field, language):
    """The text a reader of `language` sees, English fallback included."""
    with translation.override(language):
        return getattr(obj, field)


@pytest.mark.parametrize("width", WIDTHS)
def test_reader_goes_to_an_episode_then_changes_language_and_stays_on_it(
    page, live_server, content, external_requests, broken_responses, width
):
    """Home, the menu's Episodes, an episode; French then Italian show that same episode."""

    def follow(locator):
        # A phone is touched, a desktop clicked: both must lead somewhere.
        if width == "phone":
            locator.tap()
        else:
            locator.click()

    # Read before browsing: the live server answers on the test's connection.
    episodes = list(Episode.objects.all())
    with translation.override("en"):
        episode_list = reverse("episodes:episode_list")
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    open_menu(page)
    follow(page.locator(f'nav.site-nav a[href="{episode_list}"]'))
    expect(page).to_have_url(live_server.url + episode_list)
    follow(page.locator(".cards--episodes a.card__link").first)
    page.wait_for_url(f"{live_server.url}{episode_list}*/")
    episode = episode_at(episodes, urlsplit(page.url).path, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(localized(episode, "title", "en"))

    for language in non_default_codes():
        open_menu(page)
        switch = page.locator(f"nav.language-switcher a[hreflang={language}]")
        expect(switch).to_be_in_viewport(ratio=1)
        follow(switch)
        with translation.override(language):
            expect(page).to_have_url(live_server.url + episode.get_absolute_url())
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            localized(episode, "title", language)
        )
        # The current language is shown, not linked.
        expect(page.locator(f"nav.language-switcher a[hreflang={language}]")).to_have_count(0)
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{page.url} scrolls sideways"
    # The first card is the first episode of the shipped series.
    assert (episode.number, localized(episode, "title", "it")) == (1, "Rivoluzione o morte")

    assert broken_responses == []
    assert external_requests == []


def test_home_page_at_desktop_width(page, live_server, content, broken_responses, broken_images):
    """The home page shows the series and its episodes, every image loads, nothing overflows."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/en/")

    series = Series.objects.published().first()
    expect(page.get_by_role("heading", level=1)).to_have_text(localized(series, "title", "en"))
    expect(page.locator(".cards--episodes .card")).to_have_count(
        series.episodes.published().count()
    )
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0
    assert broken_images(page) == []
    assert broken_responses == []


@pytest.mark.browser_context_args(**PHONE_CONTEXT)
def test_phone_reader_can_reach_every_section_without_scrolling_sideways(
    page, live_server, content, broken_responses
):
    """At 390 px the menu and the language switcher are on screen once opened, and work."""
    page.goto(f"{live_server.url}/en/")
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, "the home page scrolls sideways"

    links = page.locator("nav.site-nav a")
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    with translation.override("en"):
        assert hrefs == [reverse(name) for name in MENU]
    for href in hrefs:
        page.goto(f"{live_server.url}/en/")
        open_menu(page)
        link = page.locator(f'nav.site-nav a[href="{href}"]')
        expect(link).to_be_in_viewport()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        link.tap()
        expect(page).to_have_url(live_server.url + href)
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{href} scrolls sideways"
        expect(page.locator(f'nav.site-nav a[href="{href}"]')).to_have_attribute(
            "aria-current", "page"
        )

    # An episode page, with its long title and image, fits too.
    page.goto(f"{live_server.url}/en/")
    page.locator(".cards--episodes a.card__link").first.tap()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{page.url} scrolls sideways"

    open_menu(page)
    switcher = page.locator("nav.language-switcher a[hreflang=it]")
    expect(switcher).to_be_in_viewport()
    switcher.tap()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    assert broken_responses == []
