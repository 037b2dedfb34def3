"""
Preview of unsaved edits: the real public page, rendered from the change
form's current data, in any of the site's languages, with nothing written.

The change form's Preview buttons (templates/admin/preview/buttons.html,
static/admin/preview.js) post the form as it is to `<pk>/preview/<lang>/`
(`add/preview/<lang>/` for a new item). The form and its inlines are
validated as a save would; errors are listed, never a 500. Valid data is
saved inside a transaction that is always rolled back, the object is made
public in it (a draft, a scheduled or an expired item shows as readers will
see it once live), and the public page is rendered by its own view. So the
preview is the page itself, not a look-alike, and nothing escapes the
rollback: no row (content, translation states, revisions, admin log), no
page-cache announcement (invalidation.announce runs on commit only), no
revision (the preview runs outside any revision being recorded: one open
around the request would save its copy after the rollback), no file (a
newly chosen image is not uploaded; the stored one is shown).

Only staff who may change the item (add it, for a new one) reach the view;
the answer is never cached, by the page cache (outside /admin/ only) nor by
a browser or proxy, and tells crawlers not to index it.
"""

import copy

from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from revisions.services import not_recording

from .publishing import Status

ERRORS_TEMPLATE = "admin/preview/errors.html"


class PreviewAdminMixin:
    """For ContentAdmin: the preview views and the change form's buttons."""

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        # Before the admin's own `<path:object_id>/`, which would take these.
        return [
            path(
                "add/preview/<str:language>/",
                wrap(self.preview_view),
                name=f"{name}_preview_add",
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                wrap(self.preview_view),
                name=f"{name}_preview",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["preview_buttons"] = self.preview_buttons(request, obj if change else None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_buttons(self, request, obj):
        """One (label, address) per language, for who may preview; else none."""
        if not self.may_preview(request, obj):
            return []
        opts = self.opts
        buttons = []
        for code, _name in settings.LANGUAGES:
            if obj is None:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_preview_add",
                    kwargs={"language": code},
                )
            else:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_preview",
                    kwargs={"object_id": obj.pk, "language": code},
                )
            label = _("Preview: %(language)s") % {
                "language": get_language_info(code)["name_translated"]
            }
            buttons.append({"language": code, "label": label, "url": url})
        return buttons

    def may_preview(self, request, obj):
        """Previewing shows what a save would: for who may save it."""
        if obj is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, obj)

    def preview_view(self, request, language, object_id=None):
        obj = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404(_("There is no such item."))
        if not self.may_preview(request, obj):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if language not in dict(settings.LANGUAGES):
            raise Http404(_("There is no such language."))
        drop_uploads(request)
        fieldsets = self.get_fieldsets(request, obj)
        form_class = self.get_form(
            request, obj, change=obj is not None, fields=flatten_fieldsets(fieldsets)
        )
        form = form_class(request.POST, instance=obj)
        formsets, _inlines = self._create_formsets(request, form.instance, change=obj is not None)
        # Both validated, as a save does, so that every error is listed at once.
        form_valid = form.is_valid()
        if not (all_valid(formsets) and form_valid):
            return self.preview_errors(request, form, formsets)
        try:
            # Rolled back on the way out, or by the exception.
            with not_recording(), transaction.atomic():
                previewed = save_for_preview(form, formsets)
                response = render_public_page(request, previewed, language)
                transaction.set_rollback(True)
        except IntegrityError:
            # What validation let through and the database refused: a row
            # saved meanwhile by someone else took a unique value.
            message = _(
                "The database refused the form's data: another item may have been saved "
                "with the same values meanwhile. Check the form, then preview again."
            )
            return self.preview_errors(request, form, [], message=message)
        if response is None:
            message = _("The public page does not show this item, so it cannot be previewed.")
            return self.preview_errors(request, form, [], message=message)
        return response

    def preview_errors(self, request, form, formsets, message=None):
        """The form's and the inlines' errors, on a page of its own (200: nothing broke)."""
        inline_errors = []
        for formset in formsets:
            rows = [
                (index, form_errors(row))
                for index, row in enumerate(formset.forms, start=1)
                if row.errors
            ]
            if rows or formset.non_form_errors():
                inline_errors.append(
                    {
                        "name": formset.model._meta.verbose_name_plural,
                        "non_form_errors": formset.non_form_errors(),
                        "rows": rows,
                    }
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview not shown"),
            "opts": self.opts,
            "message": message
            or _("The form has errors. Correct them in the form, then preview again."),
            "field_errors": form_errors(form) if message is None else [],
            "inline_errors": inline_errors,
        }
        response = TemplateResponse(request, ERRORS_TEMPLATE, context)
        return private(response)


def form_errors(form):
    """(label, messages) of each field with errors; the label is "" for the whole form's."""
    return [
        (form.fields[name].label or name if name in form.fields else "", errors)
        for name, errors in form.errors.items()
    ]


def drop_uploads(request):
    """
    Forget the files the request carries: a preview never stores one (a
    FileField writes its upload when the row is saved, rollback or not).
    The form then keeps each stored image, or clears it when asked.
    """
    for _name, uploads in request.FILES.lists():
        for upload in uploads:
            upload.close()
    request._files = MultiValueDict()


def save_for_preview(form, formsets):
    """
    Save the form's object and relations as a save would, public: inside
    the caller's transaction, which is rolled back. The model's own save,
    not the admin's hooks, which may send an edit elsewhere than the row.
    """
    obj = form.save(commit=False)
    make_public(obj)
    obj.save()
    form.save_m2m()
    for formset in formsets:
        formset.instance = obj
        formset.save()
    return obj


def make_public(obj):
    """Published now, whatever its state: the page as readers will see it live."""
    now = timezone.now()
    obj.status = Status.PUBLISHED
    if obj.published_at is None or obj.published_at > now:
        obj.published_at = now
    if getattr(obj, "expires_at", None) is not None:
        obj.expires_at = None


def public_path(obj):
    """The object's public address in the active language: path, query."""
    url = obj.get_absolute_url().partition("#")[0]
    address, _sep, query = url.partition("?")
    return address, query


def render_public_page(request, obj, language):
    """
    The object's public page in `language`, rendered by its own view for a
    copy of `request` (the editor: a detail view finds the object whatever
    the state of what it belongs to), or None when the page does not show it.
    """
    with translation.override(language):
        address, query = public_path(obj)
        match = resolve(address)
        page_request = copy.copy(request)
        page_request.method = "GET"
        page_request.path = page_request.path_info = address
        page_request.META = {
            **request.META,
            "REQUEST_METHOD": "GET",
            "PATH_INFO": address,
            "QUERY_STRING": query,
        }
        page_request.GET = QueryDict(query)
        page_request._post = QueryDict()
        page_request._files = MultiValueDict()
        page_request.resolver_match = match
        page_request.LANGUAGE_CODE = language
        try:
            response = match.func(page_request, *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
        except Http404:
            return None
        if response.status_code != 200:
            return None
        answer = HttpResponse(
            response.content,
            content_type=response.get("Content-Type", "text/html; charset=utf-8"),
        )
    answer["Content-Language"] = language
    return private(answer)


def private(response):
    """Never stored by anyone, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
