"""Comments on fields in the admin: editors list, resolve, reopen and delete them."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin import change_url
from .comments import SOURCE, anchor, language_label
from .models import FieldComment
from .registry import languages
from .rights import is_editor


class OpenFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("1", _("Open")), ("0", _("Resolved"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(resolved_at__isnull=True)
        if self.value() == "0":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [("source", language_label(SOURCE))] + [
            (code, language_label(code)) for code in languages()
        ]

    def queryset(self, request, queryset):
        if self.value() == "source":
            return queryset.filter(language="")
        if self.value():
            return queryset.filter(language=self.value())
        return queryset


@admin.register(FieldComment)
class FieldCommentAdmin(admin.ModelAdmin):
    list_display = [
        "body_excerpt",
        "on",
        "field",
        "language_column",
        "author",
        "created_at",
        "is_open",
    ]
    list_filter = [OpenFilter, LanguageFilter]
    search_fields = ["body", "field"]
    date_hierarchy = "created_at"
    list_select_related = ["author", "content_type"]
    readonly_fields = [
        "on",
        "field",
        "language",
        "author",
        "body",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]
    fields = readonly_fields
    actions = ["resolve", "reopen"]

    # Comments are written beside their field, in the change form.
    def has_add_permission(self, request):
        return False

    def has_module_permission(self, request):
        return is_editor(request.user) and super().has_module_permission(request)

    def get_queryset(self, request):
        # The commented objects, one query per model, not one per row.
        return super().get_queryset(request).prefetch_related("content_object")

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user) and super().has_view_permission(request, obj)

    @admin.display(description=_("comment"))
    def body_excerpt(self, comment):
        return comment.body if len(comment.body) <= 80 else comment.body[:79] + "…"

    @admin.display(description=_("commented on"))
    def on(self, comment):
        obj = comment.content_object
        if obj is None:
            return "—"
        url = change_url(obj)
        if not url:
            return str(obj)
        return format_html('<a href="{}#{}">{}</a>', url, anchor(comment.field), obj)

    @admin.display(description=_("language"), ordering="language")
    def language_column(self, comment):
        return comment.language or _("source")

    @admin.display(description=_("open"), boolean=True, ordering="resolved_at")
    def is_open(self, comment):
        return comment.is_open

    @admin.action(description=_("Resolve the selected comments"), permissions=["change"])
    def resolve(self, request, queryset):
        count = queryset.filter(resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
        self.message_user(
            request,
            ngettext("%(count)d comment resolved.", "%(count)d comments resolved.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reopen the selected comments"), permissions=["change"])
    def reopen(self, request, queryset):
        count = queryset.filter(resolved_at__isnull=False).update(
            resolved_at=None, resolved_by=None
        )
        self.message_user(
            request,
            ngettext("%(count)d comment reopened.", "%(count)d comments reopened.", count)
            % {"count": count},
            messages.SUCCESS,
        )
