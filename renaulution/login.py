"""
Staff login: the admin site with an optional second factor (TOTP, django-otp),
the page django-axes shows to a locked-out login, the client address it
counts failures against, and the idle expiry of staff sessions.
"""

import io
import ipaddress
import time

import segno
from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import user_logged_in, user_login_failed
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import EDITORS

# The session remembers, from the login on, what the second factor asks of
# this user, so an admin request costs no query for it.
TWO_FACTOR_SESSION_KEY = "renaulution_two_factor"
OPTIONAL, REQUIRED, ENROL = "optional", "required", "enrol"
# When the session was last extended (seconds since the epoch).
SEEN_SESSION_KEY = "renaulution_seen"


def client_ip(request):
    """
    The address failed logins are counted against.

    REMOTE_ADDR, unless settings.TRUSTED_PROXIES (DJANGO_TRUSTED_PROXIES)
    says that many proxies of ours stand in front, each appending the address
    it was reached from to X-Forwarded-For: then the entry that many places
    from the right, which the outermost of our proxies wrote. Entries to its
    left come from the client and may be forged; a header too short to hold
    our proxies' entries is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXIES
    if count <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class ThrottledBackend(AxesStandaloneBackend):
    """
    django-axes' lockout check, for logins that come with a request.

    Every login over the network does (Django's login forms pass it). A call
    without one (a test's client.login, a shell) has no client address to
    count against: axes would raise; this leaves it to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The admin's own page, in the staff member's language, with status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return TemplateResponse(request, "admin/locked_out.html", context, status=429).render()


def needs_second_factor(user):
    """Whether this user may only use the admin after giving a TOTP code."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def must_enrol(user):
    return settings.OTP_REQUIRED_FOR_EDITORS and (
        user.is_superuser or user.groups.filter(name=EDITORS).exists()
    )


def two_factor_state(user):
    if needs_second_factor(user):
        return REQUIRED
    if must_enrol(user):
        return ENROL
    return OPTIONAL


def _remember_two_factor_state(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[TWO_FACTOR_SESSION_KEY] = two_factor_state(user)
        request.session[SEEN_SESSION_KEY] = time.time()


user_logged_in.connect(_remember_two_factor_state, dispatch_uid="renaulution_two_factor")


def is_verified(user):
    """Whether this session gave a code (OTPMiddleware adds is_verified to the user)."""
    return getattr(user, "is_verified", lambda: False)()


def session_state(request):
    if not hasattr(request, "session"):
        return two_factor_state(request.user)
    state = request.session.get(TWO_FACTOR_SESSION_KEY)
    if state is None:
        # A session from before this check existed: work it out once.
        state = request.session[TWO_FACTOR_SESSION_KEY] = two_factor_state(request.user)
    return state


# django-otp refuses every code for a while after a wrong one (1 s, then 2,
# 4, 8…): a right code typed then is refused too, so say why.
THROTTLED = _("Too many wrong codes in a row: wait a few seconds, then try again.")


class LoginForm(AdminAuthenticationForm):
    """The admin login, with a code field for staff who turned two-factor login on."""

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=8,
        help_text=_("The six digits your authenticator app shows, if two-factor login is on."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp_required": _("Enter the authentication code from your authenticator app."),
        "otp_invalid": _("This authentication code is wrong or has expired. Try the next one."),
        "otp_throttled": THROTTLED,
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if not devices:
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").strip()
        if not token:
            raise forms.ValidationError(self.error_messages["otp_required"], code="otp_required")
        if not any(device.verify_is_allowed()[0] for device in devices):
            self._count_failure(user)
            raise forms.ValidationError(self.error_messages["otp_throttled"], code="otp_throttled")
        for device in devices:
            if device.verify_token(token):
                # django-otp marks the session verified when the login completes.
                user.otp_device = device
                return cleaned_data
        self._count_failure(user)
        raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")

    def _count_failure(self, user):
        # A wrong code counts as a failed login: django-axes locks out
        # whoever guesses codes as it does whoever guesses passwords.
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
        )


class EnrolForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )


class AdminSite(admin.AdminSite):
    """
    The admin, where a staff member with a TOTP device gives its code at
    login, and where (with DJANGO_2FA_REQUIRED=1) superusers and editors
    must enrol one before anything else.
    """

    login_form = LoginForm
    login_template = "admin/two_factor_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return is_verified(request.user) or session_state(request) == OPTIONAL

    def login(self, request, extra_context=None):
        user = request.user
        if (
            request.method == "GET"
            and user.is_authenticated
            and user.is_active
            and user.is_staff
            and not is_verified(user)
            and session_state(request) == ENROL
        ):
            return redirect("admin:two_factor")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            # Also for staff who still have to enrol: they may leave instead.
            path("logout/", self.staff_view(self.logout), name="logout"),
            path("two-factor/", self.staff_view(self.two_factor_view), name="two_factor"),
            path("two-factor/qr.svg", self.staff_view(self.two_factor_qr), name="two_factor_qr"),
            *super().get_urls(),
        ]

    def staff_view(self, view):
        """Like admin_view, but open to staff who still have to enrol a device."""

        @never_cache
        def inner(request, *args, **kwargs):
            user = request.user
            if not (user.is_active and user.is_staff):
                return redirect_to_login(request, self)
            return view(request, *args, **kwargs)

        return inner

    def _pending_device(self, user):
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        return device or TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )

    def two_factor_view(self, request):
        """A staff member's own enrolment: scan the code, type one code back."""
        user = request.user
        enabled = needs_second_factor(user)
        device = None if enabled else self._pending_device(user)
        form = EnrolForm(request.POST or None)
        if device is not None and request.method == "POST" and form.is_valid():
            if not device.verify_is_allowed()[0]:
                form.add_error("otp_token", THROTTLED)
            elif device.verify_token(form.cleaned_data["otp_token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                request.session[TWO_FACTOR_SESSION_KEY] = REQUIRED
                messages.success(
                    request, _("Two-factor login is on: from now on, log in with a code.")
                )
                return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
            else:
                form.add_error(
                    "otp_token",
                    _("This code does not match. Check your device's clock, then retry."),
                )
        context = {
            **self.each_context(request),
            "title": _("Two-factor login"),
            "enabled": enabled,
            "device": device,
            "form": form,
            "must_enrol": session_state(request) == ENROL and not is_verified(user),
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/two_factor.html", context)

    def two_factor_qr(self, request):
        if needs_second_factor(request.user):
            return HttpResponse(status=404)
        device = self._pending_device(request.user)
        out = io.BytesIO()
        segno.make(device.config_url, error="m").save(out, kind="svg", scale=5, border=2)
        return HttpResponse(out.getvalue(), content_type="image/svg+xml")


def redirect_to_login(request, site):
    from django.contrib.auth.views import redirect_to_login as to_login

    return to_login(request.get_full_path(), reverse("admin:login", current_app=site.name))


def session_idle_expiry(get_response):
    """
    Extend a logged-in session on activity, so it ends after
    SESSION_COOKIE_AGE (DJANGO_SESSION_IDLE_SECONDS) without a request.

    Saving on every request would cost a write each time; saving once a
    tenth of the idle time (at most a minute) keeps the expiry within that
    of the exact idle time.
    """

    def middleware(request):
        # Only a request that brings a session cookie: reading the session
        # would add "Vary: Cookie" to every reader's page.
        session = getattr(request, "session", None)
        if session is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return get_response(request)
        seen = session.get(SEEN_SESSION_KEY)
        if seen is not None:
            now = time.time()
            if now - seen >= min(60, settings.SESSION_COOKIE_AGE / 10):
                session[SEEN_SESSION_KEY] = now
        return get_response(request)

    return middleware
