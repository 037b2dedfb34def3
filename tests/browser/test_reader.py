"""What a reader does in a real browser: languages, episodes, phone, keyboard."""

from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import expect

from episodes.models import Episode, Series

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
HORIZONTAL_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def episode_at(path, language):
    """The episode whose canonical URL in `language` is `path`."""
    with translation.override(language):
        by_path = {episode.get_absolute_url(): episode for episode in Episode.objects.all()}
    assert path in by_path, f"{path} is not the canonical {language} URL of any episode"
    return by_path[path]


def localized(obj, field, language):
    """The text a reader of `language` sees, English fallback included."""
    with translation.override(language):
        return getattr(obj, field)


def test_reader_changes_language_and_stays_on_the_same_episode(
    page, live_server, content, external_requests, broken_responses
):
    """The switcher leads to the same page, then the same episode, in the other language."""
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("nav.language-switcher a[hreflang=fr]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # The current language is shown, not linked.
    expect(page.locator("nav.language-switcher a[hreflang=fr]")).to_have_count(0)

    page.locator(".cards--episodes a.card__link").first.click()
    page.wait_for_url(f"{live_server.url}/fr/episodes/**")
    episode = episode_at(urlsplit(page.url).path, "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(localized(episode, "title", "fr"))

    page.locator("nav.language-switcher a[hreflang=it]").click()
    with translation.override("it"):
        italian_url = live_server.url + episode.get_absolute_url()
    expect(page).to_have_url(italian_url)
    expect(page.locator("html")).to_have_attribute("lang", "it")
    italian_title = localized(episode, "title", "it")
    expect(page.get_by_role("heading", level=1)).to_have_text(italian_title)
    # The first card is the first episode of the shipped series.
    assert (episode.number, italian_title) == (1, "Rivoluzione o morte")

    assert broken_responses == []
    assert external_requests == []


def test_home_page_at_desktop_width(
    page, live_server, content, broken_responses, broken_images, save_screenshot
):
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
    save_screenshot(page, "home-desktop.png")


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_phone_reader_can_reach_every_section_without_scrolling_sideways(
    page, live_server, content, broken_responses, save_screenshot
):
    """At 390 px the menu and the language switcher are on screen and work."""
    page.goto(f"{live_server.url}/en/")
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, "the home page scrolls sideways"
    save_screenshot(page, "home-phone.png")

    links = page.locator("nav.site-nav a")
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert len(hrefs) == 5  # episodes, companies, people, press, timeline
    for href in hrefs:
        page.goto(f"{live_server.url}/en/")
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

    switcher = page.locator("nav.language-switcher a[hreflang=it]")
    expect(switcher).to_be_in_viewport()
    switcher.tap()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    assert broken_responses == []


def test_first_tab_reaches_the_skip_link(page, live_server, content):
    """Keyboard users can jump over the header straight to the content."""
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/#content")
    expect(page.locator("main#content")).to_be_focused()
