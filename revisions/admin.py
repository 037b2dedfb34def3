"""
The content admins' revisions: every save and bulk action recorded, and the
history page with compare and restore.
"""

from django.contrib.admin import helpers
from django.urls import path

from . import views
from .services import record, recording, set_comment


class RevisionsAdminMixin:
    """For ModelAdmins of models registered in revisions/registry.py."""

    # Actions that delete what they act on leave nothing to record.
    actions_not_recorded = ("delete_selected",)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        site = self.admin_site
        return [
            path(
                "<path:object_id>/history/compare/",
                site.admin_view(self.revisions_compare_view),
                name="{}_{}_revisions_compare".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                site.admin_view(self.revisions_restore_view),
                name="{}_{}_revisions_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with recording(user=request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment(entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._comment(entry)
        return entry

    def _comment(self, entry):
        # The admin's own change message ("Changed title (French)"), stored as
        # the log stores it, so it is shown in the reader's language.
        set_comment(getattr(entry, "change_message", ""))

    def response_action(self, request, queryset):
        """
        Bulk actions update rows without saving them: the objects whose
        modification time the action moved are recorded, in one revision.
        """
        action = request.POST.get("action", "")
        if action in self.actions_not_recorded or "index" not in request.POST:
            return super().response_action(request, queryset)
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if request.POST.get("select_across") != "1":
            queryset = queryset.filter(pk__in=selected)
        before = dict(queryset.values_list("pk", "updated_at"))
        description = self.get_actions(request).get(action, (None, action, action))[2]
        # The lazy description, kept lazy: stored as its message id.
        with recording(user=request.user, comment=description):
            response = super().response_action(request, queryset)
            changed = [
                pk
                for pk, updated_at in queryset.values_list("pk", "updated_at")
                if before.get(pk) != updated_at
            ]
            for obj in self.model._base_manager.filter(pk__in=changed):
                record(obj)
        return response

    def has_restore_permission(self, request, obj):
        """Restoring writes the revision's fields over the item: like a save."""
        return self.has_change_permission(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        return views.history(self, request, object_id, extra_context)

    def revisions_compare_view(self, request, object_id):
        return views.compare(self, request, object_id)

    def revisions_restore_view(self, request, object_id, version_id):
        return views.restore(self, request, object_id, version_id)
