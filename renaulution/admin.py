"""
Admin pieces every content admin shares: translation tabs, publication
actions and columns, language badges, image previews.
"""

from axes import admin as axes_admin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin

from drafts.change_form import DraftsAdminMixin
from revisions.admin import RevisionsAdminMixin
from translations.admin import (
    NeedsTranslationFilter,
    TranslatorAdminMixin,
    with_translation_states,
)
from translations.models import State as TranslationState
from translations.registry import source_language

from . import admin_users  # noqa: F401 (registers the users' admin)
from .admin_limits import CharacterLimitsAdminMixin
from .admin_scale import ChangelistRowsMixin, EstimatedCountPaginator
from .admin_slugs import PrepopulatedOnAddMixin
from .conflicts import ConflictAdminMixin
from .fields import ImageUploadField
from .images import fallback_format, rendition_url
from .preview import PreviewAdminMixin
from .publication_admin import PublicationStateAdminMixin
from .publishing import Status

admin.site.site_header = _("Renaulution administration")
admin.site.site_title = _("Renaulution")
admin.site.index_title = _("Content")
admin.site.site_url = "/"


def language_badges(obj):
    """
    One badge per language: the source, complete, or needing work (with the
    number of missing or outdated fields). Reads prefetched states only.
    """
    pending = {}
    for row in obj.translation_states.all():
        if row.state != TranslationState.CURRENT:
            pending[row.language] = pending.get(row.language, 0) + 1
    source = source_language(obj)
    badges = []
    for code, _name in settings.LANGUAGES:
        if code == source:
            badges.append(("badge-source", _("source language"), code))
        elif pending.get(code):
            title = ngettext(
                "%(count)d field to translate", "%(count)d fields to translate", pending[code]
            ) % {"count": pending[code]}
            badges.append(("badge-missing", title, code))
        else:
            badges.append(("badge-filled", _("translated"), code))
    return format_html(
        '<span class="language-badges">{}</span>',
        format_html_join(" ", '<span class="{}" title="{}">{}</span>', badges),
    )


class ContentAdmin(
    CharacterLimitsAdminMixin,
    ChangelistRowsMixin,
    PreviewAdminMixin,
    DraftsAdminMixin,
    RevisionsAdminMixin,
    PublicationStateAdminMixin,
    PrepopulatedOnAddMixin,
    TranslatorAdminMixin,
    ConflictAdminMixin,
    TabbedTranslationAdmin,
):
    """Base admin for Publishable models with localized fields."""

    actions = ["publish", "unpublish"]
    save_on_top = True
    # No COUNT(*) of the whole table beside the filtered count, and the
    # unfiltered list of a big table counted from PostgreSQL's statistics
    # (renaulution/admin_scale.py).
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.ImageField: {"form_class": ImageUploadField},
    }

    class Media:
        css = {"all": ("admin/renaulution.css",)}

    def render_change_form(self, request, context, *args, **kwargs):
        # The prose editor's import map is an inline script: it carries the
        # request's CSP nonce, the only way an inline script may run.
        nonce = getattr(request, "csp_nonce", "")
        context["media"] = Media.from_media(context["media"], nonce=nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("languages"))
    def languages_column(self, obj):
        return language_badges(obj)

    def get_queryset(self, request):
        return with_translation_states(super().get_queryset(request))

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), NeedsTranslationFilter]

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        """
        Drafts become public now, or on their publication date when it is
        in the future: publishing never lifts an embargo.
        """
        now = timezone.now()
        drafts = queryset.exclude(status=Status.PUBLISHED)
        with transaction.atomic():
            # Published now, a draft whose expiry has passed would be refused
            # (expiry after publication): the editor asked for it to be seen.
            drafts.filter(expires_at__lte=now).update(expires_at=None)
            scheduled = drafts.filter(published_at__gt=now).update(
                status=Status.PUBLISHED, updated_at=now
            )
            published = drafts.update(status=Status.PUBLISHED, published_at=now, updated_at=now)
        if published or not scheduled:
            self.message_user(
                request,
                ngettext("%(count)d item published.", "%(count)d items published.", published)
                % {"count": published},
                messages.SUCCESS,
            )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item scheduled: it appears on its publication date.",
                    "%(count)d items scheduled: each appears on its publication date.",
                    scheduled,
                )
                % {"count": scheduled},
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Status.PUBLISHED).update(
            status=Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )


def image_preview(field_name, description):
    """A read-only admin column/field that shows a small preview of an image."""

    @admin.display(description=description)
    def preview(self, obj):
        image = getattr(obj, field_name)
        if not image:
            return "—"
        alt = getattr(obj, f"{field_name}_alt", "") or ""
        # 480 pixels: sharp at twice the preview's 240, a fraction of an original.
        src = rendition_url(image, 480, fallback_format(image)) or image.url
        return format_html('<img src="{}" alt="{}" class="admin-preview" loading="lazy">', src, alt)

    preview.__name__ = f"{field_name}_preview"
    return preview


PUBLICATION_FIELDSET = (_("Publication"), {"fields": ("status", "published_at", "expires_at")})


# django-axes' "Clean up expired attempts" action reads the attempt time that
# its login handler puts on a request, and a changelist request has none: the
# action answered 500 (found by tests/test_permissions_matrix.py).
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        AxesProxyHandler.update_request(request)
        super().cleanup_expired_attempts(request, queryset)


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, AccessAttemptAdmin)
