"""
Every public page type passes axe (WCAG 2.x A/AA) at phone and desktop width, in each language.

The pages are the shipped content, so they look as readers see them. A new
page type is one line in PAGE_TYPES (tests/browser/pages.py).
"""

import pytest
from playwright.sync_api import Error as PlaywrightError

from .accessibility import assert_accessible
from .conftest import HORIZONTAL_OVERFLOW
from .pages import PAGE_TYPES, WIDTHS, visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", [pytest.param(p, id=p.id) for p in PAGE_TYPES])
def test_page_type_is_accessible_in_every_language(
    page, live_server, content, external_requests, broken_responses, page_type, width
):
    """No serious or critical axe violation, no sideways scrolling, nothing fetched elsewhere."""
    expected_errors = set()
    for _page_type, language, path in visits([page_type]):
        url = live_server.url + path
        if page_type.status >= 400:
            expected_errors.add(f"{page_type.status} {url}")
        response = page.goto(url)
        assert response.status == page_type.status, f"{url} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page, label=f"{url} ({language})")
        assert page.evaluate(HORIZONTAL_OVERFLOW) <= 0, f"{url} scrolls sideways"
    assert external_requests == []
    # The error page's own status is the point; its styles and images must load.
    assert [line for line in broken_responses if line not in expected_errors] == []


@pytest.mark.browser_context_args(
    viewport={"width": 320, "height": 640}, device_scale_factor=1, is_mobile=True, has_touch=True
)
def test_every_page_type_reflows_at_320_pixels_in_every_language(page, live_server, content):
    """WCAG 1.4.10: at 320 CSS pixels (400% zoom of a 1280 screen) nothing scrolls sideways."""
    overflowing = []
    for _page_type, _language, path in visits():
        url = live_server.url + path
        page.goto(url)
        excess = page.evaluate(HORIZONTAL_OVERFLOW)
        if excess > 0:
            overflowing.append(f"{url} is {excess} px too wide")
    assert overflowing == [], "\n".join(overflowing)


def test_assert_accessible_names_the_rule_and_the_failing_element(page, csp_violations):
    """
    A page with an unlabelled field and grey-on-grey text fails, and the report
    says where. Its Content-Security-Policy forbids every script: axe runs anyway.
    """
    page.set_content(
        """<!DOCTYPE html><html lang="en"><head><title>Bad page</title>
        <meta http-equiv="Content-Security-Policy" content="script-src 'none'">
        </head><body><main>
        <h1>Bad page</h1>
        <p style="color: #aaa; background: #bbb">Hard to read</p>
        <input type="text" id="nameless">
        </main></body></html>"""
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, label="the bad page")
    report = str(failure.value)
    assert "violation(s) on the bad page" in report
    assert "[serious] color-contrast:" in report
    assert "[critical] label:" in report
    assert "#nameless" in report and '<input type="text" id="nameless">' in report
    # The policy is in force: the page itself could not have loaded axe.
    with pytest.raises(PlaywrightError):
        page.add_script_tag(content="window.injected = true")
    assert any("script-src 'none'" in text for text in csp_violations)
    csp_violations.clear()  # provoked on purpose


def test_assert_accessible_passes_a_plain_well_formed_page(page):
    """The same page with a label and readable text passes: the check is not failing everything."""
    page.set_content(
        """<!DOCTYPE html><html lang="en"><head><title>Good page</title></head><body><main>
        <h1>Good page</h1>
        <p>Easy to read</p>
        <label for="named">Name</label><input type="text" id="named">
        </main></body></html>"""
    )
    assert_accessible(page)
