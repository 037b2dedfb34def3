"""
The translator's side of the content admins.

A translator (a member of "Translators (xx)" groups and not an editor) sees
every field, but may change only the localized fields of their languages:
everything else is read-only, so it is not part of the form and a crafted
POST cannot change it. Beside each field they may change, the source text
is shown in its own language, with a word diff when the translation is
outdated, and a "reviewed" box that makes it current without changing it.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets, quote
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from django.forms.models import _get_foreign_key
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from renaulution.richtext import RichTextField, sanitize_html

from . import machine, memory
from .comments import anchor as comment_anchor
from .comments import threads as comment_threads
from .glossary import source_terms
from .models import COMMENT_MAX_LENGTH, FieldTranslation, State
from .progress import segments_url
from .registry import is_rich, languages, source_language, translatable_fields, value
from .rights import is_translator_only, user_languages
from .tracking import mark_reviewed

REVIEWED_PREFIX = "reviewed__"


def change_url(obj, site=admin.site):
    """
    The admin page where `obj` is edited: its own change form or, for an
    object edited only inline (a person's positions), its parent's change
    form at the inline. "" when no admin edits it.
    """
    model = type(obj)
    if site.is_registered(model):
        return _change_form(site, model, obj.pk)
    for parent, model_admin in site._registry.items():
        for inline in model_admin.inlines:
            if inline.model is not model:
                continue
            fk = _get_foreign_key(parent, model, fk_name=inline.fk_name)
            # The inline's formset prefix, which the admin uses as the group's id.
            prefix = fk.remote_field.get_accessor_name(model=model).replace("+", "")
            return f"{_change_form(site, parent, getattr(obj, fk.attname))}#{prefix}-group"
    return ""


def _change_form(site, model, pk):
    opts = model._meta
    return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[quote(pk)])


def all_localized_columns(model, only_languages=None):
    """
    Every column modeltranslation adds to `model` (slugs included: a
    translator owns the slugs of their languages too), in `only_languages`
    or all languages.
    """
    codes = only_languages or languages()
    fields = translator.get_options_for_model(model).fields
    return [f"{field}_{code}" for field in fields for code in codes]


def column_label(model, column):
    """A localized column's human name: "Title (French)" for title_fr."""
    # modeltranslation's column knows its field and language ("pt-br" is pt_br).
    column_field = model._meta.get_field(column)
    return _("%(field)s (%(language)s)") % {
        "field": capfirst(column_field.translated_field.verbose_name),
        "language": get_language_info(column_field.language)["name_translated"],
    }


def editable_model_fields(model):
    return [
        field.name
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key
    ]


class SourceBesideWidget(forms.Widget):
    """Wraps a target field's widget with the source text (and its diff)."""

    template_name = None
    # The segment view of a long rich text, linked beside it (translations/progress.py).
    segments_url = ""
    # The id of the field's comment thread, shown under the change form
    # (admin/translations/_comments.html), linked beside it.
    comments_anchor = ""

    def __init__(self, widget, source, source_lang, row=None, rich=False, language=None):
        self.widget = widget
        self.source = source
        self.source_lang = source_lang
        self.language = language
        self.row = row
        self.rich = rich
        # [(segment, [memory.Match])] for a field to translate, see
        # TranslatorAdminMixin.add_memory_suggestions.
        self.suggestions = None
        # The machine translation endpoint of this field, when a backend is on.
        self.machine_url = None
        super().__init__(attrs=widget.attrs)

    @property
    def media(self):
        js = []
        if self.suggestions is not None or self.machine_url:
            js.append("admin/translation_memory.js")
        if self.machine_url:
            js.append("admin/machine_translation.js")
        return self.widget.media + forms.Media(js=js) if js else self.widget.media

    @property
    def is_hidden(self):
        return self.widget.is_hidden

    def value_from_datadict(self, data, files, name):
        return self.widget.value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return self.widget.value_omitted_from_data(data, files, name)

    def id_for_label(self, id_):
        return self.widget.id_for_label(id_)

    def use_required_attribute(self, initial):
        return self.widget.use_required_attribute(initial)

    def render(self, name, value, attrs=None, renderer=None):
        language_name = get_language_info(self.source_lang)["name_translated"]
        # Rich text shows formatted, as readers see it; plain text shows as
        # the characters it is (a title "<b>" is not bold on the site).
        source = mark_safe(sanitize_html(self.source)) if self.rich else self.source  # noqa: S308
        parts = [
            format_html(
                '<div class="translation-source"><p class="translation-source__label">{}</p>'
                '<div class="translation-source__text" lang="{}">{}</div>',
                _("Source (%(language)s)") % {"language": language_name},
                self.source_lang,
                source,
            )
        ]
        if self.segments_url:
            parts.append(
                format_html(
                    '<p class="translation-segments"><a href="{}">{}</a></p>',
                    self.segments_url,
                    _("Translate segment by segment"),
                )
            )
        if self.comments_anchor:
            parts.append(
                format_html(
                    '<p class="translation-comments"><a href="#{}">{}</a></p>',
                    self.comments_anchor,
                    _("Comments on this field"),
                )
            )
        if self.language:
            parts.append(render_terms(self.source, self.source_lang, self.language))
        if self.row is not None and self.row.state == State.OUTDATED:
            parts.append(render_diff(self.row.translated_source, self.source, rich=self.rich))
        if self.suggestions is not None:
            parts.append(self.render_suggestions((attrs or {}).get("id", "")))
        if self.machine_url:
            parts.append(render_machine(self.machine_url, (attrs or {}).get("id", ""), self.rich))
        parts.append("</div>")
        return mark_safe(  # noqa: S308 - parts are built with format_html
            '<div class="translation-pair">'
            + "".join(parts)
            + '<div class="translation-target">'
            + self.widget.render(name, value, attrs, renderer)
            + "</div></div>"
        )

    def render_suggestions(self, field_id):
        matched = [(segment, matches) for segment, matches in self.suggestions if matches]
        return render_to_string(
            "admin/translations/_memory.html",
            {
                "field_id": field_id,
                "rich": self.rich,
                "source_lang": self.source_lang,
                "language": self.row.language,
                "matched": [
                    {"segment": memory.normalize(segment, self.rich), "matches": matches}
                    for segment, matches in matched
                ],
                "segments": len(self.suggestions),
            },
        )


def render_machine(url, field_id, rich):
    return render_to_string(
        "admin/translations/_machine.html", {"url": url, "field_id": field_id, "rich": rich}
    )


def render_terms(source, source_lang, language):
    """The glossary terms of the source, each with how the target language writes it."""
    found = source_terms(source, source_lang, language)
    if not found:
        return ""
    return render_to_string(
        "admin/translations/_terms.html",
        {
            "terms": [
                {"source": text, "target": target, "keep": term["do_not_translate"]}
                for term, text, target in found
            ],
            "source_lang": source_lang,
            "language": language,
        },
    )


def render_diff(old, new, rich=False):
    from .diff import html_diff, word_diff

    label = _("What changed in the source since this translation")
    if rich:
        # Headings, lists and quotes kept, as in the source box above.
        return format_html(
            '<div class="translation-diff"><p class="translation-source__label">{}</p>'
            '<div class="translation-diff__text">{}</div></div>',
            label,
            html_diff(old, new),
        )
    # The template autoescapes the words; its output is safe as it is.
    pieces = render_to_string("admin/translations/_diff.html", {"diff": word_diff(old, new)})
    return format_html(
        '<div class="translation-diff"><p class="translation-source__label">{}</p><p>{}</p></div>',
        label,
        pieces,
    )


_RENDERED = {}


def rendered_column(model, column):
    """
    A read-only stand-in for a rich-text column, showing it as formatted
    text: the admin would show its HTML source. Other columns are returned
    as they are. One function per column, so fieldsets and read-only fields
    name the same object.
    """
    field = model._meta.get_field(column)
    if not isinstance(field, RichTextField):
        return column
    key = (model, column)
    if key not in _RENDERED:

        def display(obj):
            return mark_safe(sanitize_html(getattr(obj, column) or ""))  # noqa: S308

        display.short_description = field.verbose_name
        display.__name__ = f"{column}_rendered"
        _RENDERED[key] = display
    return _RENDERED[key]


def _rendered(model, name):
    if not isinstance(name, str):
        return name
    try:
        return rendered_column(model, name)
    except FieldDoesNotExist:
        return name


class TranslatorRestrictionsMixin:
    """For ModelAdmins and inlines of translatable content."""

    def translator_languages(self, request):
        return user_languages(request.user) if is_translator_only(request.user) else None

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        own = self.translator_languages(request)
        if own is None:
            return readonly
        editable = set(all_localized_columns(self.model, own))
        # The untranslated name ("title") stands for all its columns in
        # modeltranslation's admin: list the columns one by one instead.
        localized = translator.get_options_for_model(self.model).fields
        return (
            readonly
            + [
                name
                for name in editable_model_fields(self.model)
                if name not in editable and name not in localized
            ]
            + [
                rendered_column(self.model, column)
                for column in all_localized_columns(self.model)
                if column not in editable and column not in readonly
            ]
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        own = self.translator_languages(request)
        if own is None:
            return fieldsets
        editable = set(all_localized_columns(self.model, own))

        def shown(name):
            return name if name in editable else _rendered(self.model, name)

        return [
            (title, {**options, "fields": [shown(name) for name in options["fields"]]})
            for title, options in fieldsets
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if self.translator_languages(request) is not None:
            return {}
        return super().get_prepopulated_fields(request, obj)


class TranslatorAdminMixin(TranslatorRestrictionsMixin):
    """The ModelAdmin part: source beside target, reviewed boxes, no publishing."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.translator_languages(request) is not None:
            for name in ("publish", "unpublish", "delete_selected"):
                actions.pop(name, None)
        return actions

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The "reviewed" boxes are added below, not by the model form.
        fields = kwargs.get("fields")
        if fields is None:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [
            name
            for name in fields
            if isinstance(name, str) and not name.startswith(REVIEWED_PREFIX)
        ]
        form_class = super().get_form(request, obj, change=change, **kwargs)
        own = self.translator_languages(request)
        if own is None or obj is None:
            return form_class
        extra = {
            REVIEWED_PREFIX + name: forms.BooleanField(
                required=False,
                label=_("%(field)s: reviewed, no change needed")
                % {"field": column_label(type(obj), name)},
            )
            for name in self.reviewable_columns(request, obj)
        }
        if extra:
            # A subclass rebuilds base_fields: wrap the widgets after this.
            form_class = type(form_class.__name__, (form_class,), extra)
        rows = {(row.field, row.language): row for row in FieldTranslation.objects.for_object(obj)}
        source_lang = source_language(obj)
        for field in translatable_fields(type(obj)):
            source = value(obj, field, source_lang)
            for language in own:
                name = f"{field}_{language}"
                if language == source_lang or not source or name not in form_class.base_fields:
                    continue
                base_field = form_class.base_fields[name]
                row = rows.get((field, language))
                rich = is_rich(type(obj), name)
                base_field.widget = SourceBesideWidget(
                    base_field.widget, source, source_lang, row, rich=rich, language=language
                )
                if machine.enabled():
                    base_field.widget.machine_url = reverse(
                        "translations:machine_suggestion",
                        args=[obj._meta.label_lower, obj.pk, field, language],
                    )
                base_field.widget.segments_url = segments_url(obj, field, language)
                base_field.widget.comments_anchor = comment_anchor(field)
        self.add_memory_suggestions(form_class)
        return form_class

    @staticmethod
    def add_memory_suggestions(form_class):
        """
        The memory's matches for each segment of the fields to translate
        (missing or outdated): one query per language pair, whatever the
        number of fields and segments.
        """
        wanted = {}
        for form_field in form_class.base_fields.values():
            widget = form_field.widget
            if not isinstance(widget, SourceBesideWidget) or widget.row is None:
                continue
            if widget.row.state == State.CURRENT:
                continue
            segments = memory.segments(widget.source, widget.rich)
            pair = (widget.source_lang, widget.row.language)
            wanted.setdefault(pair, []).append((widget, segments))
        for (source_lang, language), widgets in wanted.items():
            texts = [
                memory.normalize(segment, widget.rich)
                for widget, segments in widgets
                for segment in segments
            ]
            found = iter(memory.suggest_many(texts, source_lang, language))
            for widget, segments in widgets:
                widget.suggestions = [(segment, next(found)) for segment in segments]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        reviewable = set(self.reviewable_columns(request, obj))
        if not reviewable:
            return fieldsets

        # Each "reviewed" box on the line right after its field's. Not on the
        # field's own line: modeltranslation's tabs script rewrites every
        # label of a translated field's row to that field's label.
        def with_boxes(lines):
            for line in lines:
                yield line
                names = line if isinstance(line, list | tuple) else (line,)
                yield from (REVIEWED_PREFIX + name for name in names if name in reviewable)

        fieldsets = [
            (title, {**options, "fields": list(with_boxes(options["fields"]))})
            for title, options in fieldsets
        ]
        # A column no fieldset shows still gets its box, at the end.
        placed = set(flatten_fieldsets(fieldsets))
        alone = [REVIEWED_PREFIX + name for name in sorted(reviewable) if name not in placed]
        if alone:
            fieldsets.append((_("Review"), {"fields": alone}))
        return fieldsets

    def reviewable_columns(self, request, obj):
        """Outdated translations in the translator's languages, as column names."""
        own = self.translator_languages(request)
        if own is None or obj is None:
            return []
        rows = FieldTranslation.objects.for_object(obj).filter(
            state=State.OUTDATED, language__in=own
        )
        return sorted(f"{row.field}_{row.language}" for row in rows)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Each field's comments, shown after the form and posted elsewhere
        # (translations/comment_views.py): see admin/translations/_comments.html.
        if obj is not None and not add:
            threads = comment_threads(request.user, obj)
            context["field_comments"] = threads
            context["open_comment_threads"] = [thread for thread in threads if thread["open"]]
            context["field_comments_model"] = obj._meta.label_lower
            context["comment_max_length"] = COMMENT_MAX_LENGTH
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for name, checked in form.cleaned_data.items():
            if name.startswith(REVIEWED_PREFIX) and checked:
                column = name.removeprefix(REVIEWED_PREFIX)
                field, language = column.rsplit("_", 1)
                if language in (self.translator_languages(request) or []):
                    mark_reviewed(obj, field, language)


class NeedsTranslationFilter(admin.SimpleListFilter):
    title = _("needs translation in")
    parameter_name = "needs_translation"

    def lookups(self, request, model_admin):
        return [(code, get_language_info(code)["name_translated"]) for code in languages()]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in languages():
            return queryset
        from django.contrib.contenttypes.models import ContentType

        pending = FieldTranslation.objects.pending().filter(
            content_type=ContentType.objects.get_for_model(queryset.model),
            language=language,
        )
        return queryset.filter(pk__in=pending.values("object_id"))


def with_translation_states(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "translation_states",
            queryset=FieldTranslation.objects.only(
                "object_id", "content_type_id", "language", "state"
            ),
        )
    )


# The glossary's admin lives in its own module.
from . import comments_admin, glossary_admin  # noqa: E402, F401
