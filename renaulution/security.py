"""
Security settings beyond Django's own: response headers (Content-Security-
Policy and friends), login throttling, staff session expiry and two-factor
login. settings.py imports everything here; every knob is an environment
variable, described in the README's "Security and operations" section.
"""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from renaulution.env import env_bool, env_int

# Content-Security-Policy on every response (django-csp). Nothing is allowed
# unless listed; scripts come from our own static files or carry the nonce of
# the request (the prose editor's import map). No inline style attributes;
# one inline <style> element, allowed by its hash: the ProseMirror base
# rules that the prose editor (Tiptap, in django-prose-editor 0.28's
# editor.js) injects. Upgrading the editor may change it: the browser
# tests fail on the violation, which names the new hash.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, PROSE_EDITOR_STYLE_HASH],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features the site never uses, refused to every frame.
PERMISSIONS_POLICY = dict.fromkeys(
    (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ),
    "()",
)
# Our pages, images and files are for our own pages only.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# WhiteNoise would grant every origin read access to static files.
WHITENOISE_ALLOW_ALL_ORIGINS = False

# Login throttling (django-axes). After DJANGO_LOGIN_FAILURE_LIMIT failed
# logins within the cool-off, the username is locked (whatever the address)
# and so is the address (whatever the username), until the cool-off ends or
# an admin removes the attempts (admin "Access attempts", or `axes_reset`).
AUTHENTICATION_BACKENDS = [
    "renaulution.login.ThrottledBackend",  # django-axes' AxesStandaloneBackend
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not clear the failures: it would clear its address's too,
# so anyone with an account could reset the count between guesses at others.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "renaulution.login.lockout_response"
# The client's address: REMOTE_ADDR, unless DJANGO_TRUSTED_PROXIES says how
# many proxies of ours each append to X-Forwarded-For (see login.client_ip).
TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "renaulution.login.client_ip"
# No banner at every manage.py start; failures and lockouts are still logged.
AXES_VERBOSE = False

# A staff session ends after this long without a request: each request
# extends it (login.session_idle_expiry, which saves it at most once a minute).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_IDLE_SECONDS", 4 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Two-factor login (django-otp, TOTP). Anyone with a confirmed device must
# give a code at login; with DJANGO_2FA_REQUIRED=1 superusers and editors
# must also enrol a device before they can use the admin.
OTP_REQUIRED_FOR_EDITORS = env_bool("DJANGO_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = "Renaulution"
