"""The Content-Security-Policy in a real browser: it blocks what it must, and nothing of ours."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

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


def test_an_editor_turns_on_two_factor_login_then_logs_in_with_a_code(
    page, live_server, editor, broken_images, broken_responses
):
    """Enrolment and the code field of the login form work under the policy."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def code(device, period=0):
        value = totp(
            device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=period
        )
        return f"{value:06d}"

    def log_in(code=None):
        page.goto(f"{live_server.url}{reverse('admin:login')}")
        page.locator("#id_username").fill(editor.username)
        page.locator("#id_password").fill(editor.raw_password)
        if code:
            page.locator("#id_otp_token").fill(code)
        page.locator("#login-form [type=submit]").click()

    log_in()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")
    page.locator("#two-factor-link a").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:two_factor')}")
    assert broken_images(page) == []
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert page.locator(".two-factor-url").inner_text() == device.config_url
    page.locator("#id_otp_token").fill(code(device))
    page.locator(".two-factor [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.context.clear_cookies()
    log_in()
    expect(page.locator(".errornote")).to_contain_text("authentication code")
    # The code just used is spent: the device takes the next period's, which
    # its one-step tolerance accepts.
    device.refresh_from_db()
    log_in(code(device, period=1))
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")
    assert broken_responses == []


def test_admin_autocomplete_and_date_widgets_work_under_the_policy(
    page, live_server, content, editor, broken_responses
):
    """Select2 (autocomplete fields) and the calendar build their markup in script."""
    from companies.models import Company

    page.goto(f"{live_server.url}{reverse('admin:login')}")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(editor.raw_password)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")
    release = PressRelease.objects.order_by("pk").first()
    page.goto(
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    target = Company.objects.exclude(pk=release.company_id).order_by("name").first()
    page.locator(".field-company .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(target.name[:4])
    option = page.locator(".select2-results__option", has_text=target.name).first
    expect(option).to_be_visible()
    option.click()
    expect(page.locator(".field-company .select2-selection__rendered")).to_contain_text(target.name)
    page.locator(".field-issued_on .datetimeshortcuts a").last.click()  # the calendar
    expect(page.locator(".calendarbox").first).to_be_visible()
    assert broken_responses == []
