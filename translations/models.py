from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from .consistency import LANGUAGE_FINDING
from .glossary import TERM_FINDING


class State(models.TextChoices):
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Outdated")
    CURRENT = "current", _("Current")


class FieldTranslationQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )

    def pending(self):
        return self.exclude(state=State.CURRENT)

    def for_languages(self, languages):
        return self.filter(language__in=list(languages))

    def with_findings(self):
        """
        Current translations that a check finds fault with: the dashboard,
        the queue and `translation_status` count these. A pending one's
        findings are shown with it in the queue, counted as pending.
        """
        return self.filter(state=State.CURRENT).exclude(issues="")

    def finding_counts(self):
        """{language: {finding type: count}} of `with_findings()`, in one query."""
        counts = {}
        rows = (
            self.with_findings()
            .values("language")
            .annotate(
                **{kind: Count("id", filter=condition) for kind, condition in FINDINGS.items()}
            )
            .order_by()
        )
        for row in rows:
            counts[row.pop("language")] = row
        return counts


# Each type of finding, as a condition on the stored compact list
# (translations.consistency): a figure missing or added, text in another language.
FINDINGS = {
    "figures": Q(issues__regex=r"(^| )[-+][0-9]"),
    "other_language": Q(issues__contains=LANGUAGE_FINDING),
    "terms": Q(issues__contains=TERM_FINDING),
}


class FieldTranslation(models.Model):
    """
    The state of one localized field of one object in one target language.

    Rows are kept in step with the content by `translations.tracking` every
    time an object is saved (admin, import, `load_renaulution`), so the
    dashboard, queues and filters are plain queries. A field whose source is
    empty has no row: there is nothing to translate.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    source_language = models.CharField(_("source language"), max_length=8)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    source_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the source text as it is now."
    )
    source_changed_at = models.DateTimeField(_("source changed"))
    translated_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="SHA-256 of the source text when the translation was saved or reviewed.",
    )
    translated_source = models.TextField(
        blank=True, help_text="The source text the translation was made from, for the diff."
    )
    translated_at = models.DateTimeField(_("translated"), null=True, blank=True)
    issues = models.TextField(
        _("consistency issues"),
        blank=True,
        help_text=_(
            "What the checks found, as a compact list: numbers, dates or amounts that "
            "differ from the source, glossary terms not rendered, text in another language."
        ),
    )

    objects = FieldTranslationQuerySet.as_manager()

    class Meta:
        ordering = ["-source_changed_at", "content_type", "object_id", "field", "language"]
        verbose_name = _("field translation")
        verbose_name_plural = _("field translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="unique_field_translation",
            )
        ]
        indexes = [
            models.Index(fields=["language", "state"]),
            models.Index(fields=["content_type", "object_id"]),
            # The objects with a missing field, for the sitemap's languages
            # (translations.notices.mostly_missing_by_object).
            models.Index(
                fields=["content_type", "state", "object_id"], name="ft_type_state_object"
            ),
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id} {self.field} [{self.language}]"


class Term(models.Model):
    """
    A glossary entry: a brand or model name kept as it is in every language
    (`do_not_translate`), or a phrase with a preferred translation per
    language (`TermTranslation`). `text` is the term in English, the
    site's default language; translations.glossary checks translations
    against it.
    """

    text = models.CharField(_("term (English)"), max_length=200, unique=True)
    do_not_translate = models.BooleanField(
        _("do not translate"),
        default=False,
        help_text=_("A name kept as it is in every language (brand, model, programme)."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Usage notes for translators."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["text"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.text


class TermTranslation(models.Model):
    """The preferred translation of a term in one language."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.CharField(_("preferred translation"), max_length=200)

    class Meta:
        ordering = ["language"]
        verbose_name = _("preferred translation")
        verbose_name_plural = _("preferred translations")
        constraints = [
            models.UniqueConstraint(fields=["term", "language"], name="unique_term_language")
        ]

    def __str__(self):
        return f"{self.term} [{self.language}]: {self.text}"


class GlossaryRecheck(models.Model):
    """
    A phrase of a glossary term that changed (its text before or after the
    change): the translations whose text holds it are checked again by the
    next run of `publish_scheduled`, not in the editor's request, since that
    reads every object holding the phrase. Written in the term's
    transaction, deleted once checked (translations.glossary.recheck_changed_terms).
    """

    phrase = models.CharField(_("phrase"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pending glossary recheck")
        verbose_name_plural = _("pending glossary rechecks")

    def __str__(self):
        return self.phrase


class MemoryEntryQuerySet(models.QuerySet):
    def for_languages(self, languages):
        """The entries into `languages`."""
        return self.filter(target_language__in=list(languages))

    def for_pair(self, source_language, target_language):
        return self.filter(source_language=source_language, target_language=target_language)


class MemoryEntry(models.Model):
    """
    One segment of a current translation (or of an imported TMX file) and
    its translation: the translation memory, see `translations.memory`.

    Texts keep their inline markup (bold, italic, links), so an inserted
    suggestion keeps it too; `normalized` is the source's text without tags
    or extra spaces, on which exact (`source_hash`) and fuzzy matching run.
    An entry made from the site's content names its origin (object and
    field); an imported one has none.
    """

    source_language = models.CharField(_("source language"), max_length=8)
    target_language = models.CharField(_("target language"), max_length=8)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("target text"))
    normalized = models.TextField(
        help_text="The source's text content, tags removed and spaces collapsed."
    )
    source_hash = models.CharField(max_length=64, help_text="SHA-256 of `normalized`.")
    markup = models.BooleanField(
        default=False, help_text="The texts are HTML fragments (from rich text), not plain text."
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    field = models.CharField(_("field"), max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemoryEntryQuerySet.as_manager()

    class Meta:
        ordering = ["source_language", "target_language", "normalized", "pk"]
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")
        constraints = [
            # One entry per segment and origin; imported entries (no origin)
            # one per segment.
            models.UniqueConstraint(
                fields=[
                    "source_language",
                    "target_language",
                    "source_hash",
                    "content_type",
                    "object_id",
                    "field",
                ],
                condition=models.Q(content_type__isnull=False),
                name="unique_memory_entry_origin",
            ),
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_hash"],
                condition=models.Q(content_type__isnull=True),
                name="unique_memory_entry_imported",
            ),
            models.CheckConstraint(
                condition=models.Q(content_type__isnull=True, object_id__isnull=True)
                | models.Q(content_type__isnull=False, object_id__isnull=False),
                name="memory_entry_origin_complete",
            ),
        ]
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_hash"],
                name="memory_pair_hash",
            ),
            models.Index(
                fields=["content_type", "object_id", "field", "target_language"],
                name="memory_origin",
            ),
        ]

    def __str__(self):
        return f"{self.normalized[:60]} [{self.source_language}→{self.target_language}]"


#: The longest comment: a note between translators and editors, not a document.
COMMENT_MAX_LENGTH = 2000


def _concerns(language):
    """
    The condition for a comment that concerns the translators of `language`:
    in that language or on the source, on a field that has something to
    translate into it (a translation row; see translations.comments).
    """
    rows = FieldTranslation.objects.filter(
        content_type=models.OuterRef("content_type"),
        object_id=models.OuterRef("object_id"),
        field=models.OuterRef("field"),
        language=language,
    )
    return (Q(language=language) | Q(language="")) & Q(models.Exists(rows))


class FieldCommentQuerySet(models.QuerySet):
    # The same way of naming an object as the translation rows'.
    for_object = FieldTranslationQuerySet.for_object

    def open(self):
        return self.filter(resolved_at__isnull=True)

    def with_people(self):
        return self.select_related("author", "resolved_by")

    def for_language(self, language):
        return self.filter(_concerns(language))

    def open_counts(self, languages):
        """{language: open comments for that language (as `for_language`)}, in one query."""
        counts = {language: Count("id", filter=_concerns(language)) for language in languages}
        return self.open().aggregate(**counts) if counts else {}


class FieldComment(models.Model):
    """
    A note on one field of one object, between translators and editors: on
    one language's translation, or (no language) on the source text. Open
    until resolved; who may read, write and resolve is decided in
    translations.comments. Never shown to readers.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_("The translation commented on; empty for a comment on the source text."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="field_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    objects = FieldCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=~Q(body="") & Q(LessThanOrEqual(Length("body"), COMMENT_MAX_LENGTH)),
                name="field_comment_body_length",
            ),
            models.CheckConstraint(
                condition=Q(resolved_by__isnull=True) | Q(resolved_at__isnull=False),
                name="field_comment_resolved_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "field"], name="comment_object"),
            models.Index(fields=["resolved_at", "language"], name="comment_open_language"),
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id} {self.field} [{self.language or '—'}]"

    @property
    def is_open(self):
        return self.resolved_at is None
