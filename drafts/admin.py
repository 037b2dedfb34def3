"""
The editors' review queue: pending changes, approved (published now or at a
go-live time) or rejected with a comment the author reads on their draft.
Authors see their own drafts here, read-only.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from translations.diff import word_diff

from . import services
from .models import PendingChange
from .rights import can_publish

APPROVE = "_approve"
REJECT = "_reject"


class ReviewForm(forms.ModelForm):
    class Meta:
        model = PendingChange
        fields = ["go_live_at", "reviewer_comment"]

    def clean(self):
        cleaned = super().clean()
        if REJECT in self.data and not (cleaned.get("reviewer_comment") or "").strip():
            self.add_error(
                "reviewer_comment", _("Say why in a comment: the author reads it on their draft.")
            )
        return cleaned


def _text_field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.CharField | models.TextField) else None


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    form = ReviewForm
    # What a row and the review page both say of a draft.
    SUMMARY = ["item_column", "kind_column", "author", "state", "changed_column", "updated_at"]
    list_display = [*SUMMARY, "go_live_at"]
    list_filter = ["state"]
    list_select_related = ["content_type", "author"]
    search_fields = ["object_repr"]
    # What the reviewer reads, then what they set.
    readonly_fields = [*SUMMARY, "reviewer", "diff_column"]
    fields = [*readonly_fields, "go_live_at", "reviewer_comment"]
    actions = None

    class Media:
        css = {"all": ["admin/drafts.css"]}

    @admin.display(description=gettext_lazy("item"), ordering="object_repr")
    def item_column(self, change):
        opts = change.content_type
        url = reverse(f"admin:{opts.app_label}_{opts.model}_change", args=[change.object_id])
        return format_html('<a href="{}">{}</a>', url, change.object_repr)

    @admin.display(description=gettext_lazy("kind"))
    def kind_column(self, change):
        return change.content_type.model_class()._meta.verbose_name

    @admin.display(description=gettext_lazy("changed fields"))
    def changed_column(self, change):
        return ", ".join(change.changed_fields) or "—"

    @admin.display(description=gettext_lazy("what the draft changes"))
    def diff_column(self, change):
        """Each changed text field, live version against the draft, word by word."""
        obj = change.content_object
        if obj is None:
            return _("The item was deleted.")
        rows = []
        for name in change.changed_fields:
            field = _text_field(type(obj), name)
            if field is None or name not in change.data:
                continue
            draft = "\n".join(change.data[name])
            diff = render_to_string(
                "admin/translations/_diff.html",
                {"diff": word_diff(getattr(obj, name) or "", draft)},
            )
            rows.append((field.verbose_name, mark_safe(diff)))  # noqa: S308 - autoescaped template
        if not rows:
            return "—"
        return format_html(
            '<table class="drafts-diff">{}</table>',
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("content_type", "author")
        if not can_publish(request.user):
            queryset = queryset.filter(author=request.user)
        return queryset

    def get_object(self, request, object_id, from_field=None):
        # Anyone's draft, so that another author's is refused (403) by the
        # view permission rather than looking missing.
        field = (
            PendingChange._meta.pk
            if from_field is None
            else PendingChange._meta.get_field(from_field)
        )
        try:
            return PendingChange.objects.queue().get(**{field.name: field.to_python(object_id)})
        except (PendingChange.DoesNotExist, ValidationError, ValueError):
            return None

    def has_add_permission(self, request):
        return False  # a draft is saved from its item's change form

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is not None and not can_publish(request.user):
            return allowed and obj.author_id == request.user.pk
        return allowed

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_publish(request.user)

    def changelist_view(self, request, extra_context=None):
        # Editors land on what waits for them: the submitted drafts.
        if can_publish(request.user) and not request.GET:
            return HttpResponseRedirect(f"{request.path}?state__exact=submitted")
        return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, *args, **kwargs):
        context["show_save"] = context["show_save_and_continue"] = False
        context["review"] = self.has_change_permission(request, kwargs.get("obj"))
        return super().render_change_form(request, context, *args, **kwargs)

    def response_change(self, request, obj):
        if APPROVE in request.POST:
            return self._approve(request, obj)
        if REJECT in request.POST:
            services.change_reject(change=obj, user=request.user, comment=obj.reviewer_comment)
            self.message_user(request, _("Draft rejected: its author sees your comment."))
            return HttpResponseRedirect(reverse("admin:drafts_pendingchange_changelist"))
        return super().response_change(request, obj)

    def _approve(self, request, change):
        try:
            published = services.change_approve(
                change=change, user=request.user, go_live_at=change.go_live_at
            )
        except services.DraftNotValid as refused:
            self.message_user(
                request,
                _("The draft cannot be published as it is: %(errors)s")
                % {"errors": "; ".join(refused.errors)},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)
        if published is None:
            self.message_user(request, _("Draft approved: it goes live at the time set."))
        else:
            self.message_user(request, _("Draft approved and published."))
        return HttpResponseRedirect(reverse("admin:drafts_pendingchange_changelist"))
