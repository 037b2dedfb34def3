"""
Machine translation, pluggable and off by default.

A backend is a class with a `name` (shown to translators) and
`translate(texts, source, target, *, html=False)`, which returns one
translation per text, in order, or raises MachineTranslationError with a
message a translator can read. `settings.MACHINE_TRANSLATION_BACKEND` names
the class by its dotted path; None (the default) turns the feature off.

Its output is a suggestion only: the translator's form shows it, marked as
machine output, and nothing is stored until the translator inserts it and
saves the form (translations/machine_views.py).
"""

import json
import logging
import urllib.error
import urllib.request
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    """A backend failed; `str(error)` is the message for the translator."""


class Backend:
    name = ""

    def translate(self, texts, source, target, *, html=False):
        raise NotImplementedError


@cache
def _backend_class(path):
    try:
        backend = import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATION_BACKEND {path!r} cannot be imported: {error}"
        ) from error
    if not (isinstance(backend, type) and issubclass(backend, Backend)):
        raise ImproperlyConfigured(f"MACHINE_TRANSLATION_BACKEND {path!r} is not a Backend.")
    return backend


def get_backend():
    """The configured backend, or None when machine translation is off."""
    path = getattr(settings, "MACHINE_TRANSLATION_BACKEND", None)
    return _backend_class(path)() if path else None


def enabled():
    return bool(getattr(settings, "MACHINE_TRANSLATION_BACKEND", None))


class DeepL(Backend):
    """
    DeepL's documented HTTP API, v2: `POST /v2/translate` with a JSON body,
    the key in an `Authorization: DeepL-Auth-Key …` header. Configured by
    DEEPL_AUTH_KEY and DEEPL_API_URL (settings.py picks the Free API's
    address for a key ending in ":fx", as DeepL documents).
    """

    name = "DeepL"
    # DeepL takes at most 50 texts per request.
    BATCH = 50
    # English as a target must name its variant; the others are the language code.
    TARGETS = {"en": "EN-GB", "pt": "PT-PT"}

    def __init__(self):
        self.key = settings.DEEPL_AUTH_KEY
        self.url = settings.DEEPL_API_URL.rstrip("/") + "/v2/translate"
        self.timeout = settings.MACHINE_TRANSLATION_TIMEOUT
        if not self.key:
            raise MachineTranslationError(_("DeepL has no authentication key (DEEPL_AUTH_KEY)."))

    @classmethod
    def target_code(cls, language):
        return cls.TARGETS.get(language.lower(), language.split("-")[0].upper())

    def translate(self, texts, source, target, *, html=False):
        texts = list(texts)
        translated = []
        for start in range(0, len(texts), self.BATCH):
            translated += self._request(texts[start : start + self.BATCH], source, target, html)
        return translated

    def _request(self, texts, source, target, html):
        body = {
            "text": texts,
            "source_lang": source.split("-")[0].upper(),
            "target_lang": self.target_code(target),
        }
        if html:
            body["tag_handling"] = "html"
        request = urllib.request.Request(  # noqa: S310 - the address is from the settings
            self.url,
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Authorization": f"DeepL-Auth-Key {self.key}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": "Renaulution",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = json.load(response)
        except urllib.error.HTTPError as error:
            with error:
                raise self._refusal(error.code, error.read(2000)) from error
        except (OSError, ValueError) as error:
            # No answer (refused, timed out) or an answer that is not JSON.
            logger.warning("DeepL could not be reached at %s: %s", self.url, error)
            raise MachineTranslationError(
                _("DeepL could not be reached; try again later.")
            ) from error
        try:
            found = [item["text"] for item in answer["translations"]]
            readable = len(found) == len(texts) and all(isinstance(text, str) for text in found)
        except (KeyError, TypeError):
            readable = False
        if not readable:
            logger.warning("DeepL answered something unreadable: %.200r", answer)
            raise MachineTranslationError(_("DeepL's answer could not be read."))
        return found

    @staticmethod
    def _refusal(status, body):
        logger.warning("DeepL answered %s: %.200r", status, body)
        if status == 403:
            message = _("DeepL refused the authentication key: check DEEPL_AUTH_KEY.")
        elif status == 456:
            message = _("The DeepL quota is used up for this period.")
        elif status == 429:
            message = _("DeepL is receiving too many requests; try again in a moment.")
        elif status == 413:
            message = _("This text is too long for DeepL.")
        elif status >= 500:
            message = _("DeepL is unavailable (error %(status)s); try again later.")
        else:
            message = _("DeepL refused the request (error %(status)s).")
        return MachineTranslationError(message % {"status": status})


def check_backend(app_configs=None, **kwargs):
    """A system check: a configured backend must load, DeepL with its key."""
    from django.core import checks

    path = getattr(settings, "MACHINE_TRANSLATION_BACKEND", None)
    if not path:
        return []
    try:
        backend = _backend_class(path)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="translations.E101")]
    if issubclass(backend, DeepL) and not settings.DEEPL_AUTH_KEY:
        return [
            checks.Error(
                "MACHINE_TRANSLATION is DeepL but DEEPL_AUTH_KEY is empty.",
                hint="Set DEEPL_AUTH_KEY, or unset MACHINE_TRANSLATION.",
                id="translations.E102",
            )
        ]
    return []
