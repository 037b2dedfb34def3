"""
Staff login through the real admin login form: lockout after repeated
failures (per username and per address), its page, unlock by an admin or
after the cool-off; the idle expiry of staff sessions; two-factor login.
"""

import time
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from renaulution.login import client_ip
from renaulution.roles import EDITORS

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase for the admin"


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def translator(db):
    user = User.objects.create_user("translator", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Translators (fr)"))
    return user


def log_in(client, username, password, address="192.0.2.10", code=None, **headers):
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    if code is not None:
        data["otp_token"] = code
    return client.post(reverse("admin:login"), data, REMOTE_ADDR=address, **headers)


def logged_in(response):
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def fail(client, times, username="editor", address="192.0.2.10"):
    """Failed logins: the form again with its error, until the one that reaches the limit."""
    for _ in range(times):
        response = log_in(client, username, "wrong password", address)
        assert response.status_code in (200, 429)
    return response


def test_the_username_is_locked_after_five_failures_from_any_address(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = [fail(client, 1, address=f"198.51.100.{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = log_in(client, "editor", PASSWORD, address="203.0.113.99")
    assert response.status_code == 429
    assert not client.session.get("_auth_user_id")


def test_four_failures_do_not_lock(client, editor):
    fail(client, 4)
    assert logged_in(log_in(client, "editor", PASSWORD))


def test_the_address_is_locked_after_five_failures_whatever_the_username(
    client, editor, translator
):
    for name in ("alice", "bob", "carol", "dave", "eve"):
        fail(client, 1, username=name, address="192.0.2.66")
    assert log_in(client, "editor", PASSWORD, address="192.0.2.66").status_code == 429
    # Another address may still log in with that account.
    assert logged_in(log_in(client, "translator", PASSWORD, address="192.0.2.67"))


def test_the_lockout_page_is_the_admin_s_own_and_in_the_staff_member_s_language(client, editor):
    fail(client, 5)
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Renaulution administration" in content
    assert "locked after 5 failed logins" in content
    assert "Try again in 30 minutes" in content
    french = log_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 429
    assert "Réessayez dans 30 minutes" in french.content.decode()
    # The page carries the site's headers like any other.
    assert "Content-Security-Policy" in response


def test_the_lock_ends_after_the_cool_off(client, editor, settings):
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60  # DJANGO_LOGIN_COOLOFF_MINUTES
    fail(client, 5)
    assert log_in(client, "editor", PASSWORD).status_code == 429
    # 29 minutes later the lock holds; 31 minutes later it is gone.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=29))
    assert log_in(client, "editor", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert logged_in(log_in(client, "editor", PASSWORD))


def test_an_admin_unlocks_with_axes_reset(client, editor):
    fail(client, 5)
    assert log_in(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=StringIO())
    call_command("axes_reset_ip", "192.0.2.10", stdout=StringIO())
    assert logged_in(log_in(client, "editor", PASSWORD))


def test_an_admin_sees_and_removes_the_lock_in_the_admin(client, editor):
    fail(client, 5)
    admin = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    changelist = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    assert "editor" in changelist.content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert logged_in(log_in(client, "editor", PASSWORD))


def test_logging_in_with_one_account_does_not_reset_guesses_at_another(client, editor, translator):
    """An attacker with an account cannot wipe the count between guesses."""
    fail(client, 4, username="editor", address="192.0.2.80")
    assert logged_in(log_in(client, "translator", PASSWORD, address="192.0.2.80"))
    client.logout()
    assert fail(client, 1, username="editor", address="192.0.2.80").status_code == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "192.0.2.1"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "10.9.9.9, 203.0.113.7", "203.0.113.7"),  # a forged entry on the left is ignored
        (2, "198.51.100.4, 203.0.113.7", "198.51.100.4"),
        (2, "203.0.113.7", "192.0.2.1"),  # shorter than our proxies' entries: not trusted
        (1, "not-an-address", "192.0.2.1"),
        (1, "", "192.0.2.1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_failures_are_counted_against_the_forwarded_address_behind_a_proxy(
    client, editor, settings
):
    settings.TRUSTED_PROXIES = 1
    for name in ("alice", "bob", "carol", "dave", "eve"):
        response = client.post(
            reverse("admin:login"),
            {"username": name, "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.50",
        )
    assert response.status_code == 429
    # The proxy's own address is not locked: other readers behind it log in.
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert logged_in(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) <= {"203.0.113.50"}


def test_a_login_without_a_request_is_not_throttled_but_still_checked(client, editor):
    """client.login in tests (no request, no address to count) still needs the password."""
    assert not client.login(username="editor", password="wrong")
    assert client.login(username="editor", password=PASSWORD)
    assert not AccessAttempt.objects.exists()


# Session idle expiry.


def test_a_staff_session_lasts_the_idle_time_from_the_environment(client, editor, settings):
    assert settings.SESSION_COOKIE_AGE == 4 * 60 * 60  # DJANGO_SESSION_IDLE_SECONDS unset
    response = log_in(client, "editor", PASSWORD)
    assert logged_in(response)
    assert response.cookies["sessionid"]["max-age"] == 4 * 60 * 60


def test_a_staff_session_ends_after_the_idle_time_and_activity_extends_it(client, editor, settings):
    settings.SESSION_COOKIE_AGE = 2
    assert logged_in(log_in(client, "editor", PASSWORD))
    # Requests a second apart, well past the 2 s since login: each extends it.
    for _ in range(3):
        time.sleep(1)
        assert client.get(reverse("admin:index")).status_code == 200
    time.sleep(2.5)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_idle_expiry_leaves_readers_pages_cacheable(client):
    """Without a session cookie the session is not read, so pages do not vary on Cookie."""
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert "sessionid" not in response.cookies


# Two-factor login.


def device_for(user, confirmed=True):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=confirmed)


def code(device):
    """The code an authenticator app shows now, computed from the device key."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def test_staff_without_a_device_log_in_with_a_password_only(client, editor):
    assert logged_in(log_in(client, "editor", PASSWORD))
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_with_a_device_must_give_its_code(client, editor):
    device = device_for(editor)
    missing = log_in(client, "editor", PASSWORD)
    assert missing.status_code == 200
    assert "Enter the authentication code" in missing.content.decode()
    wrong = log_in(client, "editor", PASSWORD, code=f"{(int(code(device)) + 1) % 10**6:06d}")
    assert wrong.status_code == 200
    assert "wrong or has expired" in wrong.content.decode()
    assert not client.session.get("_auth_user_id")
    # Right away, even the right code is refused, and the form says why.
    throttled = log_in(client, "editor", PASSWORD, code=code(device))
    assert "wait a few seconds" in throttled.content.decode()
    assert not client.session.get("_auth_user_id")
    time.sleep(1.5)  # django-otp refuses codes for 1 s after a wrong one (then 2 s, 4 s…)
    assert logged_in(log_in(client, "editor", PASSWORD, code=code(device)))
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_codes_count_towards_the_lockout(client, editor):
    device_for(editor)
    for _ in range(4):
        assert log_in(client, "editor", PASSWORD, code="000000").status_code == 200
    assert log_in(client, "editor", PASSWORD, code="000000").status_code == 429


def test_a_session_that_skipped_the_code_does_not_reach_the_admin(client, editor):
    device_for(editor)
    client.force_login(editor)  # a login without the second factor
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert client.get(reverse("translations:dashboard")).status_code == 302


def test_staff_enrol_their_own_device_with_a_code(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:two_factor"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert device.config_url.startswith("otpauth://totp/")
    assert device.config_url.replace("&", "&amp;") in page.content.decode()
    qr = client.get(reverse("admin:two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.lstrip().startswith(b"<?xml") or b"<svg" in qr.content[:200]
    # A wrong code changes nothing.
    assert client.post(reverse("admin:two_factor"), {"otp_token": "12"}).status_code == 200
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    time.sleep(1.5)  # django-otp refuses codes for 1 s after a wrong one (then 2 s, 4 s…)
    response = client.post(reverse("admin:two_factor"), {"otp_token": code(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(reverse("admin:index")).status_code == 200
    # From now on a login asks for the code.
    client.logout()
    assert log_in(client, "editor", PASSWORD).status_code == 200


def test_another_users_device_is_never_shown(client, editor, translator):
    device_for(translator, confirmed=False)
    client.force_login(editor)
    client.get(reverse("admin:two_factor"))
    assert TOTPDevice.objects.filter(user=editor, confirmed=False).count() == 1
    assert TOTPDevice.objects.filter(user=translator).count() == 1


def test_when_required_editors_and_superusers_must_enrol_first(
    client, editor, translator, settings
):
    settings.OTP_REQUIRED_FOR_EDITORS = True
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    # The admin itself is closed; the login page leads to enrolment.
    index = client.get(reverse("admin:index"))
    assert index.status_code == 302
    login = client.get(index["Location"])
    assert login.status_code == 302 and login["Location"] == reverse("admin:two_factor")
    assert "requires two-factor login" in client.get(reverse("admin:two_factor")).content.decode()
    # They may also just leave.
    other = Client()
    other.force_login(editor)
    assert other.post(reverse("admin:logout")).status_code == 200
    assert not other.session.get("_auth_user_id")
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("admin:two_factor"), {"otp_token": code(device)})
    assert client.get(reverse("admin:index")).status_code == 200
    # Translators are not concerned.
    client.logout()
    assert logged_in(log_in(client, "translator", PASSWORD))
    assert client.get(reverse("admin:index")).status_code == 200


def test_anonymous_visitors_cannot_reach_enrolment(client):
    for name in ("admin:two_factor", "admin:two_factor_qr"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("field", ["username", "password", "otp_token"])
def test_a_nul_byte_in_the_login_form_is_refused_not_a_500(client, editor, field):
    """
    Nothing from the form reaches the database unchecked (PostgreSQL refuses
    NUL): RefuseNulMiddleware answers the site's 400 page, and nobody is logged in.
    """
    data = {"username": "editor", "password": PASSWORD, "otp_token": ""}
    data[field] = data[field] + "\x00"
    response = client.post(reverse("admin:login"), data, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert not client.session.get("_auth_user_id")


def test_a_superuser_manages_staff_devices_in_the_admin(client, editor):
    """Removing a lost device, or reading a device's QR code, is the superuser's."""
    device = device_for(editor)
    admin = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    changelist = client.get(reverse("admin:otp_totp_totpdevice_changelist"))
    assert changelist.status_code == 200
    assert "editor" in changelist.content.decode()
    response = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    # The editor is back to a password-only login.
    client.logout()
    assert logged_in(log_in(client, "editor", PASSWORD))
