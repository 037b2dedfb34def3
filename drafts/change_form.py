"""
The drafts part of every content admin's change form (a mixin of
`ContentAdmin`): "Save as draft" keeps the form's data aside as the item's
pending change and leaves the live row alone; the form then opens the draft;
"Publish draft" saves it to the live item; "Discard draft" drops it. Authors
(who may not publish) save every change of a live item as a draft, and
submit drafts for review.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from renaulution.publishing import Status

from . import services
from .models import PendingChange
from .rights import can_publish, drafts_only, may_discard, may_edit_draft, opens_drafts

SAVE_DRAFT = "_save_draft"
SUBMIT_DRAFT = "_submit_draft"
PUBLISH_DRAFT = "_publish_draft"
DISCARD_DRAFT = "_discard_draft"
# The draft the form was opened from: saving that form publishes it.
DRAFT_SHOWN = "_draft_shown"
# `?live=1` opens the live version instead of the draft.
SHOW_LIVE = "live"
PUBLICATION_FIELDS = ("status", "published_at")


@dataclass
class Drafting:
    """What this request does with the item's draft."""

    pending: PendingChange | None
    live: bool
    saving: bool = False  # the POST is kept as the pending change
    submit: bool = False
    showing: PendingChange | None = None  # the form opens the draft's data
    superseded: bool = False  # a direct save published the draft it showed


def draft_values(form, change):
    """The draft's values of the form's fields, as initial data (files aside)."""
    data = as_querydict(change.data)
    values = {}
    for name, field in form.fields.items():
        if name not in change.fields or isinstance(field, forms.FileField):
            continue
        html_name = form.add_prefix(name)
        if field.widget.value_omitted_from_data(data, {}, html_name):
            continue
        raw = field.widget.value_from_datadict(data, {}, html_name)
        try:
            # As the form's fields hold values (a date, a company), not text.
            values[name] = field.clean(raw)
        except forms.ValidationError:
            values[name] = raw
    return values


def as_querydict(data):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


class PendingChangeFilter(admin.SimpleListFilter):
    """The items with a draft (reads the list query's own annotation)."""

    title = gettext_lazy("unpublished changes")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("yes", _("with unpublished changes"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pending_state__isnull=False)
        return queryset


def _drafting(request):
    return getattr(request, "_drafts", None)


class DraftsAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["admin/drafts.css"]})

    @csrf_protect_m
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if obj is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        user = request.user
        pending = PendingChange.objects.for_object(obj).select_related("author", "reviewer").first()
        state = request._drafts = Drafting(pending=pending, live=obj.status == Status.PUBLISHED)
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            if DISCARD_DRAFT in request.POST:
                return self._discard(request, obj, pending)
            if PUBLISH_DRAFT in request.POST and not can_publish(user):
                raise PermissionDenied
            state.submit = SUBMIT_DRAFT in request.POST
            state.saving = (
                SAVE_DRAFT in request.POST
                or state.submit
                or (drafts_only(user) and (state.live or pending is not None))
            )
            if state.saving and not may_edit_draft(user, pending):
                raise PermissionDenied
            if pending is not None and request.POST.get(DRAFT_SHOWN) == str(pending.pk):
                # The form shows the draft but cannot show its uploads: they
                # go with it unless the form brings new ones.
                for name, upload in services.draft_files(pending).items():
                    if name not in request.FILES:
                        request.FILES[name] = upload
        elif pending is not None and SHOW_LIVE not in request.GET and opens_drafts(user):
            state.showing = pending
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _discard(self, request, obj, pending):
        if pending is None:
            self.message_user(request, _("This item has no draft."), messages.WARNING)
        else:
            services.draft_discard(change=pending, user=request.user)
            self.message_user(
                request, _("Draft discarded: the form shows the live version."), messages.SUCCESS
            )
        return HttpResponseRedirect(request.path)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        state = _drafting(request)
        if state is None or state.showing is None:
            return form_class
        shown = state.showing

        def __init__(form, *args, **init_kwargs):
            form_class.__init__(form, *args, **init_kwargs)
            if not form.is_bound:
                form.initial.update(draft_values(form, shown))

        return type(form_class.__name__, (form_class,), {"__init__": __init__})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        state = _drafting(request)
        showing = state.showing if state is not None else None
        # Inline rows as the draft left them: added, changed and removed ones.
        if showing is not None and f"{prefix}-TOTAL_FORMS" in showing.data:
            kwargs["data"] = as_querydict(showing.data)
        return kwargs

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if drafts_only(request.user):
            readonly += [name for name in PUBLICATION_FIELDS if name not in readonly]
        return readonly

    def has_restore_permission(self, request, obj):
        # A revision carries its publication fields: restoring one could
        # publish or change a live item, which only a publisher may do.
        return super().has_restore_permission(request, obj) and not drafts_only(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            for name in ("publish", "unpublish"):
                actions.pop(name, None)
        return actions

    def get_queryset(self, request):
        # The state of each row's pending change, in the list's own query.
        pending = PendingChange.objects.for_model(self.model).filter(object_id=OuterRef("pk"))
        return (
            super().get_queryset(request).annotate(pending_state=Subquery(pending.values("state")))
        )

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PendingChangeFilter]

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        at = columns.index("published_column") + 1 if "published_column" in columns else 1
        columns.insert(at, "pending_column")
        return columns

    @admin.display(description=gettext_lazy("unpublished changes"))
    def pending_column(self, obj):
        state = getattr(obj, "pending_state", None)
        if not state:
            return ""
        if obj.status == Status.PUBLISHED:
            label = _("live, with unpublished changes")
        else:
            label = _("unpublished changes")
        return format_html(
            '<span class="badge-pending" title="{}">{}</span>',
            PendingChange.State(state).label,
            label,
        )

    def save_model(self, request, obj, form, change):
        state = _drafting(request)
        if state is not None and state.saving:
            return  # the live row stays as readers see it
        if PUBLISH_DRAFT in request.POST and obj.status != Status.PUBLISHED:
            # "Publish draft" publishes, whatever the form's status said.
            obj.status = Status.PUBLISHED
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        state = _drafting(request)
        if state is not None and state.saving:
            changed = [*form.changed_data, *(f.prefix for f in formsets if f.has_changed())]
            services.draft_save(
                obj=form.instance,
                user=request.user,
                post=request.POST,
                files=request.FILES,
                fields=list(form.fields),
                changed_fields=changed,
                submit=state.submit,
            )
            return
        super().save_related(request, form, formsets, change)
        pending = state.pending if state is not None else None
        shown = pending is not None and request.POST.get(DRAFT_SHOWN) == str(pending.pk)
        if shown and can_publish(request.user):
            services.draft_superseded(change=pending, obj=form.instance, user=request.user)
            state.superseded = True

    def delete_model(self, request, obj):
        PendingChange.objects.for_object(obj).delete()
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        PendingChange.objects.for_model(self.model).filter(
            object_id__in=queryset.values("pk")
        ).delete()
        super().delete_queryset(request, queryset)

    def construct_change_message(self, request, form, formsets, add=False):
        state = _drafting(request)
        if state is not None and state.saving:
            return []  # nothing was saved: the formsets hold no saved rows
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        state = _drafting(request)
        if state is not None and state.saving:
            return None  # draft_save wrote the step
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        state = _drafting(request)
        if state is None:
            return super().response_change(request, obj)
        if state.saving:
            if state.submit:
                text = _(
                    "Draft submitted for review: readers see the live version "
                    "until an editor publishes it."
                )
            else:
                text = _("Draft saved: readers see the live version until it is published.")
            self.message_user(request, text, messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        response = super().response_change(request, obj)
        if state.superseded:
            self.message_user(request, _("Draft published."), messages.SUCCESS)
        elif state.pending is not None:
            self.message_user(
                request,
                _("This item still has a draft, which this save left as it was."),
                messages.WARNING,
            )
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        state = _drafting(request)
        if state is not None and obj is not None:
            user = request.user
            pending = state.pending
            shown = request.POST.get(DRAFT_SHOWN) if request.method == "POST" else None
            if state.showing is not None:
                shown = str(state.showing.pk)
            context["drafts"] = {
                "pending": pending,
                "live": state.live,
                "showing": state.showing is not None,
                "shown": shown,
                "may_edit": self.has_change_permission(request, obj)
                and may_edit_draft(user, pending),
                "may_publish": can_publish(user),
                "may_discard": pending is not None and may_discard(user, pending),
                "drafts_only": drafts_only(user),
                "live_url": f"{request.path}?{SHOW_LIVE}=1",
                "draft_url": request.path,
                "queue_url": reverse("admin:drafts_pendingchange_changelist"),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)
