"""
Character counters under the text fields that have a limit.

A field's hard limit is its `max_length`: the browser stops there (the
input's `maxlength`, which works without JavaScript) and the form refuses
more. Some fields also have a soft limit, the length past which search
engines and social sites cut what they show (renaulution.seo): going over
it is allowed, and the counter warns. static/admin/character_count.js
writes the live "34 / 160" under each field marked here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .seo import DESCRIPTION_LENGTH, HEADLINE_LENGTH

# (app label, model name, field) → soft limit, for the fields renaulution.seo
# turns into a page's description or an article's headline.
SOFT_LIMITS = {
    ("companies", "pressrelease", "title"): HEADLINE_LENGTH,
    ("companies", "pressrelease", "summary"): DESCRIPTION_LENGTH,
    ("companies", "company", "tagline"): DESCRIPTION_LENGTH,
    ("companies", "person", "headline"): DESCRIPTION_LENGTH,
    ("episodes", "series", "tagline"): DESCRIPTION_LENGTH,
}
SOFT_LIMIT_MESSAGE = _("Longer than the %(limit)s characters search engines show.")


def soft_limit(db_field):
    # A translation column (title_fr) has the limits of its field (title).
    field = getattr(db_field, "translated_field", db_field)
    opts = field.model._meta
    return SOFT_LIMITS.get((opts.app_label, opts.model_name, field.name))


def mark_limits(db_field, formfield):
    """Ask for a counter on `formfield` when its text has a hard or soft limit."""
    # modeltranslation may wrap the widget (ClearableWidgetWrapper).
    widget = getattr(formfield.widget, "widget", formfield.widget)
    if not isinstance(widget, forms.TextInput | forms.Textarea):
        return
    hard = getattr(formfield, "max_length", None)
    soft = soft_limit(db_field)
    if soft is not None and hard is not None and soft >= hard:
        soft = None
    if hard is None and soft is None:
        return
    widget.attrs["data-character-count"] = ""
    if soft is not None:
        widget.attrs["data-soft-limit"] = soft
        widget.attrs["data-soft-limit-message"] = SOFT_LIMIT_MESSAGE % {"limit": soft}


class CharacterLimitsAdminMixin:
    """For ModelAdmins and inlines: counters under their limited text fields."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            mark_limits(db_field, formfield)
        return formfield

    @property
    def media(self):
        return super().media + forms.Media(js=["admin/character_count.js"])
