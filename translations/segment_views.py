"""
The segment view: one long rich text (a body, a biography, a synopsis)
translated block by block, the source's paragraphs, headings and list items
beside a box each for their translation, with the memory's matches and the
glossary's terms of each block.

Blocks are cut as the XLIFF `--segment` export cuts them (segments.py), and
a save puts the translation back exactly in the source's block structure:
the blocks' tags come from the source, each box holds only a block's inline
text and markup, held to the source block's tags as a PO import is
(inline.check_html). A save that does not fit is refused, naming each
segment at fault, and the page comes back with everything the translator
typed.

The page carries a signed copy of the source and the translation as they
were when it was opened (renaulution/conflicts.py signs change forms the
same way): when someone else changed either since, the save is refused and
their version is shown, so nobody's work is overwritten unseen. Saves go
through the model, so states, the memory, revisions and the admin's history
follow as they do for the change form.
"""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from renaulution.conflicts import sign, unsign
from renaulution.richtext import sanitize_html
from revisions.services import recording

from . import inline, memory, segments
from .admin import change_url, render_terms
from .fieldvalue import unit_name
from .models import FieldTranslation, State
from .progress import document_progress
from .registry import (
    is_rich,
    languages,
    model_by_label,
    source_language,
    text_hash,
    translatable_fields,
    value,
)
from .rights import user_languages
from .views import language_name

BASE_FIELD = "_segments_base"
BOX_PREFIX = "segment-"
BLOCK_NAMES = {
    "p": gettext_lazy("Paragraph"),
    "li": gettext_lazy("List item"),
    "h1": gettext_lazy("Heading"),
    "h2": gettext_lazy("Heading"),
    "h3": gettext_lazy("Heading"),
    "h4": gettext_lazy("Heading"),
    "h5": gettext_lazy("Heading"),
    "h6": gettext_lazy("Heading"),
    "blockquote": gettext_lazy("Quote"),
    "pre": gettext_lazy("Preformatted text"),
}


def segment_view(request, language, label, pk, field):
    if language not in languages():
        raise Http404(_("There is no such language."))
    model = model_by_label(label)
    if model is None or not _is_rich_field(model, field):
        raise Http404(_("There is no such rich-text field to translate."))
    if language not in user_languages(request.user):
        raise PermissionDenied
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied
    if request.method == "POST":
        with transaction.atomic():
            # Locked until the save ends (PostgreSQL), as the change form is:
            # a second save waits for this one and is then checked against it.
            obj = model._base_manager.select_for_update().filter(pk=pk).first()
            page = _page(obj, field, language)
            response = _save(request, page)
            if response is not None:
                return response
    else:
        page = _page(model._base_manager.filter(pk=pk).first(), field, language)
        page.open()
    return render(request, "admin/translations/segments.html", page.context(request))


def _is_rich_field(model, field):
    return field in translatable_fields(model) and is_rich(model, field)


def _page(obj, field, language):
    if obj is None:
        raise Http404(_("There is no such object (deleted since?)."))
    source_lang = source_language(obj)
    if language == source_lang:
        raise Http404(_("This is the text's source language, not a translation."))
    source = value(obj, field, source_lang)
    cut = segments.split(source)
    if cut is None:
        raise Http404(
            _(
                "This text cannot be cut into segments (it is empty, or has text outside "
                "any paragraph): translate it in its change form."
            )
        )
    return SegmentPage(obj, field, language, source_lang, source, cut)


def _save(request, page):
    """Saves and redirects (a response), or leaves the page to show again (None)."""
    typed = _typed(request.POST)
    state = unsign(request.POST.get(BASE_FIELD), page.obj)
    if state is None:
        page.show(typed, state=None)
        page.errors.append(
            _(
                "This page could not be checked against changes made since it was "
                "opened (its edit check is missing or invalid). Nothing was saved: "
                "check your text and save again."
            )
        )
        return None
    base = state.get("columns", {})
    if base.get("source") != text_hash(page.source):
        page.show(typed, state=state, source_changed=True)
        page.errors.append(
            _(
                "The source text changed since you opened this page. Nothing was saved: "
                "its segments are shown again below, with what you typed beside them "
                "where the segments still match."
            )
        )
        return None
    # The source is the one the page showed: one box per block.
    typed = (typed + [""] * len(page.numbers))[: len(page.numbers)]
    new, problems = page.assemble(typed)
    if problems:
        page.show(typed, state=state)
        page.errors.extend(problems)
        return None
    if base.get("target") != text_hash(page.stored) and new != page.stored:
        page.show(typed, state=None)  # the next save knows their version
        page.theirs = page.stored
        page.errors.append(
            _(
                "Someone else changed this translation since you opened this page. "
                "Nothing was saved: their version is shown below; save again to replace "
                "it with yours."
            )
        )
        return None
    obj = page.obj
    if new != page.stored:
        setattr(obj, page.column, new)
        with recording(user=request.user):
            obj.save()
            _log_change(request, obj, page.column)
    messages.success(
        request,
        _("The %(field)s in %(language)s of “%(object)s” was saved.")
        % {"field": page.field_name, "language": language_name(page.language), "object": obj},
    )
    return HttpResponseRedirect(request.get_full_path())


def filled(text):
    """Whether a box holds a translation: some text, not only tags (segments.js agrees)."""
    return bool(strip_tags(text or "").strip())


def _typed(data):
    """The boxes' texts in order, as many as the page that was sent had."""
    typed = []
    # Bounded by the request's size: Django caps the number of fields.
    while f"{BOX_PREFIX}{len(typed) + 1}" in data:
        typed.append(data[f"{BOX_PREFIX}{len(typed) + 1}"])
    return typed


def _log_change(request, obj, column):
    """The admin's history says who changed what, as for a change form's save."""
    model_admin = admin.site._registry.get(type(obj))
    message = [{"changed": {"fields": [str(obj._meta.get_field(column).verbose_name)]}}]
    if model_admin is not None:
        model_admin.log_change(request, obj, message)
        return
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


class SegmentPage:
    """What the segment view shows of one field in one language, and its save."""

    def __init__(self, obj, field, language, source_lang, source, cut):
        self.obj = obj
        self.field = field
        self.language = language
        self.source_lang = source_lang
        self.source = source
        self.cut = cut
        self.column = f"{field}_{language}"
        self.stored = value(obj, field, language)
        self.numbers = range(1, len(cut.blocks) + 1)
        self.rows = []
        self.errors = []
        self.theirs = None
        self.token_state = None
        self.typed_before = []
        self.faulty_numbers = set()

    @property
    def field_name(self):
        return self.obj._meta.get_field(self.field).verbose_name

    def open(self):
        """The page as opened: each block's translation aligned from the stored one."""
        self.rows = [
            self._row(number, tag, piece, target, previous)
            for number, (tag, piece, target, previous) in enumerate(
                segments.pieces(self.source, self.stored), start=1
            )
        ]
        self.token_state = None

    def show(self, typed, *, state, source_changed=False):
        """The page again after a refused save, with what was typed in each box."""
        self.open()
        count = len(self.rows)
        if source_changed and len(typed) != count:
            # The blocks moved: what was typed is offered beside them, not in them.
            self.typed_before = [text for text in typed if text.strip()]
        else:
            for row, text in zip(self.rows, typed, strict=False):
                row["target"] = text
        if not source_changed and state is not None:
            self.token_state = state

    def assemble(self, typed):
        """
        (the field's new HTML, []) from the boxes, or (None, problems naming
        each segment): every block translated, each with its source's tags.
        """
        problems = []
        empty = [
            number for number, text in zip(self.numbers, typed, strict=True) if not filled(text)
        ]
        if len(empty) == len(typed):
            return None, [_("Nothing was saved: translate the segments first.")]
        for number in empty:
            problems.append(self._problem(number, _("this segment has no translation")))
        pieces = []
        for number, text, piece in zip(self.numbers, typed, self.cut.sources, strict=True):
            text = text.strip()
            if filled(text):
                found = inline.check_html(text, piece)
                if not found and inline.aligned(text, piece) is None:
                    # The right tags, but not as the source writes them: an
                    # XLIFF import would restore the source's; here they are typed.
                    found = [
                        _(
                            "a tag's attributes are not the source's (a link's address, "
                            "say): copy the tag from the source as it is"
                        )
                    ]
                for problem in found:
                    problems.append(self._problem(number, problem))
            pieces.append(text)
        if problems:
            return None, problems
        return sanitize_html(self.cut.join(pieces)), []

    def _problem(self, number, problem):
        self.faulty_numbers.add(number)
        return _("%(unit)s: %(problem)s") % {
            "unit": unit_name(self.obj, self.field, self.language, number),
            "problem": problem,
        }

    def _row(self, number, tag, piece, target, previous):
        root = inline.parse_source(piece)
        return {
            "number": number,
            "id": f"{BOX_PREFIX}{number}",
            "kind": BLOCK_NAMES.get(tag, capfirst(tag)),
            "source": mark_safe(sanitize_html(piece)),  # noqa: S308 - sanitized
            "tags": sorted({node.label() for node in inline.elements(root)}),
            "target": target,
            "previous": previous,
            "faulty": number in self.faulty_numbers,
            "terms": render_terms(piece, self.source_lang, self.language),
        }

    def add_suggestions(self):
        """Each block's memory matches, for its sentences: one query for the page."""
        asked = []
        for row, piece in zip(self.rows, self.cut.sources, strict=True):
            sentences = memory.sentences(piece, True)
            # A block whose sentences did not pair is remembered whole.
            queries = sentences if len(sentences) < 2 else [*sentences, piece]
            asked.append((row, queries))
        texts = [query for _row, queries in asked for query in queries]
        found = iter(memory.suggest_many(texts, self.source_lang, self.language, markup=True))
        for row, queries in asked:
            matches = []
            for query in queries:
                for match in next(found):
                    if match.target not in {known["match"].target for known in matches}:
                        matches.append({"for": memory.normalize(query, True), "match": match})
            row["matches"] = matches
            # Matches for one sentence of several say which one.
            row["several"] = len(queries) > 1

    def context(self, request):
        self.add_suggestions()
        pending = set(
            FieldTranslation.objects.for_object(self.obj)
            .filter(language=self.language)
            .exclude(state=State.CURRENT)
            .values_list("field", flat=True)
        )
        done = sum(1 for row in self.rows if filled(row["target"]))
        document = document_progress(self.obj, pending, field=self.field, filled=done)
        opts = self.obj._meta
        token_state = self.token_state or {
            "pk": str(self.obj.pk),
            "model": opts.label_lower,
            "columns": {"source": text_hash(self.source), "target": text_hash(self.stored)},
        }
        return admin.site.each_context(request) | {
            "title": _("%(field)s of “%(object)s” in %(language)s, segment by segment")
            % {
                "field": capfirst(self.field_name),
                "object": self.obj,
                "language": language_name(self.language),
            },
            "object": self.obj,
            "model_name": opts.verbose_name,
            "change_url": change_url(self.obj),
            "queue_url": _queue_url(self.language),
            "language": self.language,
            "language_name": language_name(self.language),
            "source_lang": self.source_lang,
            "source_language_name": language_name(self.source_lang),
            "rows": self.rows,
            "errors": self.errors,
            "theirs": mark_safe(sanitize_html(self.theirs)) if self.theirs else "",  # noqa: S308
            "typed_before": self.typed_before,
            "filled": done,
            # Inside the translated sentence, the number the page's script updates.
            "filled_html": format_html("<span data-segments-filled>{}</span>", done),
            "document": document,
            # The other fields' part stays, the boxes' part follows the typing.
            "document_done_html": format_html(
                '<span data-document-done data-others="{}">{}</span>',
                document.done - done,
                document.done,
            ),
            "token": sign(token_state),
            "token_name": BASE_FIELD,
        }


def _queue_url(language):
    return reverse("translations:queue", args=[language])
