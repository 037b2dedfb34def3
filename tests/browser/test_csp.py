"""The Content-Security-Policy in a real browser: it blocks what it must, and nothing of ours."""

import pytest
from django.urls import reverse

from companies.models import PressRelease

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_violation_listener_sees_an_inline_script_the_policy_blocks(
    page, live_server, csp_violations
):
    """Proof the other browser tests would notice: an injected inline script is refused."""
    page.goto(f"{live_server.url}{reverse('home')}")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ranInline") is None
    assert any("script-src" in text for text in csp_violations), csp_violations
    csp_violations.clear()  # provoked on purpose


def test_json_ld_blocks_are_read_not_blocked(page, live_server, content, csp_violations):
    """The JSON-LD data blocks of a page are data: the policy lets them be, no nonce needed."""
    release = PressRelease.objects.order_by("pk").first()
    page.goto(f"{live_server.url}{release.get_absolute_url()}")
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "(scripts) => scripts.map((s) => JSON.parse(s.text))"
    )
    assert blocks and all("@context" in block for block in blocks)
    page.wait_for_timeout(200)
    assert csp_violations == []
