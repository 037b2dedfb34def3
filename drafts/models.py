"""
A pending change: the change form's data for a live item, kept aside until
an editor publishes it. The live row is not touched, so readers keep the
live version on every channel until then.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingChangeQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def queue(self):
        """The review queue's rows, with what its columns name, in one query."""
        return self.select_related("content_type", "author", "reviewer")


class PendingChange(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        SCHEDULED = "scheduled", _("Approved, scheduled")
        REJECTED = "rejected", _("Rejected")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(
        _("item"), max_length=200, help_text=_("The item's title when the draft was saved.")
    )
    data = models.JSONField(
        _("form data"),
        help_text=_("Every field of the change form, in every language, with its inline rows."),
    )
    fields = models.JSONField(
        _("form fields"), help_text=_("The fields of the form the draft was saved from.")
    )
    files = models.JSONField(
        _("uploaded files"),
        default=dict,
        blank=True,
        help_text=_("Files uploaded with the draft, by field, as stored names."),
    )
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="pending_changes",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviewed_changes",
        null=True,
        blank=True,
    )
    reviewer_comment = models.TextField(
        _("reviewer's comment"),
        blank=True,
        help_text=_("Required to reject: the author reads it on their draft."),
    )
    go_live_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once when approving; a future time schedules it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["-updated_at", "-pk"]
        permissions = [("can_publish", _("Can publish drafts and approve pending changes"))]
        constraints = [
            # One pending change per item: every draft of it is that one.
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="pendingchange_one_per_object"
            ),
            models.CheckConstraint(
                condition=~models.Q(state="scheduled") | models.Q(go_live_at__isnull=False),
                name="pendingchange_scheduled_has_time",
            ),
        ]
        indexes = [models.Index(fields=["state", "go_live_at"], name="pendingchange_due")]

    def __str__(self):
        return self.object_repr
