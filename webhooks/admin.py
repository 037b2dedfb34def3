"""
Webhooks in the admin, for admins only (superusers): editors and translators
never see an endpoint's secret, nor what was sent. The deliveries are a
read-only log with a "redeliver" action.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import delivery as sending
from .models import Delivery, Endpoint, Event, new_secret


class SuperusersOnlyMixin:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


def _https_by_default(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The changes this endpoint is told of."),
    )

    class Meta:
        model = Endpoint
        fields = ["url", "description", "events", "active"]
        formfield_callback = _https_by_default


def _show_secret(request, endpoint):
    messages.warning(
        request,
        format_html(
            "{} <code>{}</code>",
            _("The secret of %(endpoint)s, shown this once: copy it to the receiver now.")
            % {"endpoint": endpoint},
            endpoint.secret,
        ),
    )


@admin.register(Endpoint)
class EndpointAdmin(SuperusersOnlyMixin, admin.ModelAdmin):
    form = EndpointForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["url", "description", "events_column", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["url", "description"]
    date_hierarchy = "created_at"
    readonly_fields = ["secret_hint", "created_at"]
    fields = ["url", "description", "events", "active", "secret_hint", "created_at"]
    actions = ["new_secret"]

    @admin.display(description=_("events"))
    def events_column(self, obj):
        labels = dict(Event.choices)
        return ", ".join(str(labels.get(event, event)) for event in obj.events)

    @admin.display(description=_("secret"))
    def secret_hint(self, obj):
        if obj.pk is None:
            return _("Made when the endpoint is saved, and shown once.")
        return obj.secret_hint

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            _show_secret(request, obj)

    @admin.action(description=_("Replace the secret of the selected endpoints"))
    def new_secret(self, request, queryset):
        for endpoint in queryset:
            endpoint.secret = new_secret()
            endpoint.save(update_fields=["secret"])
            _show_secret(request, endpoint)


@admin.register(Delivery)
class DeliveryAdmin(SuperusersOnlyMixin, admin.ModelAdmin):
    list_display = [
        "pk",
        "event",
        "object_type",
        "object_id",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    search_fields = ["object_type", "error", "endpoint__url"]
    date_hierarchy = "created_at"
    actions = ["redeliver"]
    fields = [
        "endpoint",
        "event",
        "object_type",
        "object_id",
        "status",
        "attempts",
        "next_attempt_at",
        "response_code",
        "error",
        "created_at",
        "delivered_at",
        "payload",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # written by changes only

    def has_change_permission(self, request, obj=None):
        return False  # a log

    @admin.action(description=_("Redeliver the selected deliveries"))
    def redeliver(self, request, queryset):
        queued = sending.redeliver(queryset.select_related("endpoint"))
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery queued again.",
                "%(count)d deliveries queued again.",
                len(queued),
            )
            % {"count": len(queued)},
            messages.SUCCESS,
        )
