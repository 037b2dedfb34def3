"""
Endpoints that other systems register to be told of changes, and the log of
what was sent to them (README, "Webhooks").

A `Delivery` is written in the transaction of the change it reports
(webhooks/events.py), so a rolled-back change leaves none; the worker
(`manage.py deliver_webhooks`, webhooks/delivery.py) sends it afterwards.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .addresses import refused_url_reason

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
# How much of a secret the admin shows once it is saved: enough to tell two apart.
SECRET_HINT_LENGTH = len(SECRET_PREFIX) + 4


def new_secret():
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def validate_endpoint_url(url):
    reason = refused_url_reason(url, check_addresses=True)
    if reason:
        raise ValidationError(reason, code="refused_url")


class Event(models.TextChoices):
    PUBLISHED = "published", _("Published")
    UPDATED = "updated", _("Updated")
    UNPUBLISHED = "unpublished", _("Unpublished")
    DELETED = "deleted", _("Deleted")
    TRANSLATION_CURRENT = "translation_current", _("Translation became current")


class Endpoint(models.Model):
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_endpoint_url],
        help_text=_(
            "Where the notifications are posted (http or https). Addresses of the "
            "local network are refused."
        ),
    )
    secret = models.CharField(
        _("secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Signs every notification; shown in full once, when it is made."),
    )
    events = models.JSONField(
        _("events"),
        default=list,
        blank=True,
        help_text=_("The changes this endpoint is told of."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive endpoint is sent nothing; what was queued for it waits."),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Who receives it and why, for the other admins."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["url", "pk"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.description or self.url

    @property
    def secret_hint(self):
        return self.secret[:SECRET_HINT_LENGTH] + "…"

    def wants(self, event):
        return self.active and event in self.events


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        RETRYING = "retrying", _("Retrying")

    endpoint = models.ForeignKey(
        Endpoint, verbose_name=_("endpoint"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    object_type = models.CharField(
        _("object type"),
        max_length=100,
        help_text=_("app_label.model, e.g. companies.pressrelease"),
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_("Empty once it succeeded or failed for good."),
    )
    response_code = models.PositiveSmallIntegerField(_("last response code"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_due"),
            models.Index(
                fields=["endpoint", "object_type", "object_id"], name="webhook_object_order"
            ),
        ]

    def __str__(self):
        return f"{self.get_event_display()} {self.object_type} #{self.object_id} → {self.endpoint}"
