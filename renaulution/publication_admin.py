"""
The publication state in the admin's changelists: a column naming the state
(draft, scheduled, live, expired) with the moment it changes, and a
"Publication state" filter. Both read the row's own columns: no query per
row, and the filter is one condition of the list's query.
"""

from django.contrib import admin
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .publishing import PublicationState


def _moment(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def state_detail(obj, state):
    """The moment that goes with `state`: when it goes live, ends, or ended."""
    if state == PublicationState.SCHEDULED:
        return _("goes live %(moment)s") % {"moment": _moment(obj.published_at)}
    if state == PublicationState.LIVE and obj.expires_at is not None:
        return _("until %(moment)s") % {"moment": _moment(obj.expires_at)}
    if state == PublicationState.EXPIRED:
        return _("since %(moment)s") % {"moment": _moment(obj.expires_at)}
    return ""


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("Publication state")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return PublicationState.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value not in PublicationState.values:
            return queryset  # no choice, or one that does not exist: the whole list
        return queryset.in_publication_state(value)


class PublicationStateAdminMixin:
    """For ContentAdmin: the state column (`publication_state_column`) and its filter."""

    @admin.display(description=_("publication"), ordering="published_at")
    def publication_state_column(self, obj):
        state = PublicationState(obj.publication_state)
        detail = state_detail(obj, state)
        if not detail:
            return format_html(
                '<span class="publication-state publication-state-{}">{}</span>',
                state.value,
                state.label,
            )
        return format_html(
            '<span class="publication-state publication-state-{}">{}</span>'
            '<br><small class="publication-moment">{}</small>',
            state.value,
            state.label,
            detail,
        )

    def get_list_filter(self, request):
        return [PublicationStateFilter, *super().get_list_filter(request)]
