"""
The machine translation of one field, for the "Machine translation" button
of the translator's form: a JSON answer with the suggestion, never a write.
Wired under `admin.site.admin_view` (staff, CSRF); the view checks that the
user translates into that language and may change that kind of object.
"""

import logging

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from renaulution.richtext import sanitize_html

from . import machine, memory
from .registry import (
    is_rich,
    languages,
    model_by_label,
    source_language,
    translatable_fields,
    value,
)
from .rights import user_languages

logger = logging.getLogger(__name__)


def _refused(message, status):
    return JsonResponse({"error": message}, status=status)


def _object(label, pk):
    model = model_by_label(label)
    if model is None:
        raise Http404(_("There is no such kind of content."))
    try:
        obj = model._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        obj = None
    if obj is None:
        raise Http404(_("There is no such object."))
    return obj


@require_POST
def suggestion_view(request, label, pk, field, language):
    if not machine.enabled():
        raise Http404(_("Machine translation is off."))
    obj = _object(label, pk)
    model = type(obj)
    if field not in translatable_fields(model) or language not in languages():
        raise Http404(_("There is no such field to translate."))
    opts = model._meta
    if language not in user_languages(request.user) or not request.user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    ):
        return _refused(_("You may not translate this into that language."), 403)
    source_lang = source_language(obj)
    if language == source_lang:
        return _refused(_("This language is the source: there is nothing to translate."), 400)
    source = value(obj, field, source_lang)
    if not source:
        return _refused(_("The source is empty: there is nothing to translate."), 400)
    rich = is_rich(opts.model, field)
    try:
        backend = machine.get_backend()
        [translated] = backend.translate([source], source_lang, language, html=rich)
    except machine.MachineTranslationError as error:
        # The service's failure, not ours: a message for the translator.
        return _refused(str(error), 502)
    except ImproperlyConfigured:
        # `manage.py check` says so too, but gunicorn does not run the checks.
        logger.exception("Machine translation is misconfigured")
        return _refused(_("Machine translation is misconfigured: tell an administrator."), 502)
    html = sanitize_html(translated) if rich else ""
    return JsonResponse(
        {
            "backend": backend.name,
            "label": _("Machine translation (%(backend)s) — check before saving")
            % {"backend": backend.name},
            "language": language,
            "rich": rich,
            "text": memory.normalize(html, True) if rich else translated,
            "html": html,
        }
    )
