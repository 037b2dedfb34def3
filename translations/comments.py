"""
Comments on a field, between translators and editors.

Who may do what (decided here, once; the change form, the endpoints and
the queue all ask these functions):

- Editors (and superusers) read and write comments on every translatable
  field of every object that has its own change form, on the source text
  and on each translation. They resolve and reopen any comment.
- A translator reads and writes comments where they have something to
  translate: on a field that has a translation row (translations.tracking)
  in one of their languages. There they see the comments in those
  languages and the comments on the field's source text; comments on other
  languages' translations stay hidden. An object whose source is in the
  translator's language, or a field with an empty source, has nothing for
  them to translate, so no comments either.
- A translator resolves and reopens only their own comments; an editor
  decides on the rest.
- Anyone else (staff without a role) is refused; readers never reach the
  admin, and no public page or API serializer reads comments.
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Window
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from .models import COMMENT_MAX_LENGTH, FieldComment, FieldTranslation
from .registry import languages, source_language, translatable_fields
from .rights import is_editor, user_languages

#: The open comments listed under a queue: the newest ones, so the page stays bounded.
QUEUE_COMMENTS_LIMIT = 20
#: The language of a comment on the source text.
SOURCE = ""


def anchor(field):
    # Field names have no hyphen: the page's other ids for comments either
    # start "field-comments" or put a hyphen after the field's name.
    return f"comments-{field}"


def commentable(user, obj):
    """
    {field: [SOURCE, language, ...]}: where `user` may read
    and write comments on `obj`. Empty for anyone without a role, and for an
    object no change form edits on its own (a person's positions).
    """
    model = type(obj)
    if not admin.site.is_registered(model) or not user_languages(user):
        return {}
    fields = translatable_fields(model)
    if is_editor(user):
        source = source_language(obj)
        others = [code for code in languages() if code != source]
        return {field: [SOURCE, *others] for field in fields}
    rows = (
        FieldTranslation.objects.for_object(obj)
        .filter(field__in=fields, language__in=user_languages(user))
        .values_list("field", "language")
    )
    found = {}
    for field, language in rows:
        found.setdefault(field, set()).add(language)
    order = {code: index for index, code in enumerate(languages())}
    return {
        field: [SOURCE, *sorted(found[field], key=order.get)] for field in fields if field in found
    }


def may_comment(user, obj, field, language):
    return language in commentable(user, obj).get(field, [])


def may_resolve(user, comment):
    return is_editor(user) or (comment.author_id is not None and comment.author_id == user.pk)


def language_label(code, obj=None):
    if code == SOURCE:
        if obj is None:
            return _("Source text")
        name = get_language_info(source_language(obj))["name_translated"]
        return _("Source text (%(language)s)") % {"language": name}
    return get_language_info(code)["name_translated"]


def field_label(model, field):
    return model._meta.get_field(field).verbose_name


class CommentForm(forms.Form):
    field = forms.CharField(widget=forms.HiddenInput, max_length=64)
    language = forms.CharField(required=False, max_length=8)
    body = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Write something before sending the comment.")},
    )

    @property
    def language_code(self):
        """The language posted, SOURCE ("") for the source text."""
        return self.data.get("language", SOURCE)


def comment_add(*, user, obj, field, language, body):
    return FieldComment.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        field=field,
        language=language,
        author=user,
        body=body,
    )


def comment_resolve(*, user, comment):
    if comment.is_open:
        comment.resolved_at = timezone.now()
        comment.resolved_by = user
        comment.save(update_fields=["resolved_at", "resolved_by"])


def comment_reopen(*, comment):
    if not comment.is_open:
        comment.resolved_at = None
        comment.resolved_by = None
        comment.save(update_fields=["resolved_at", "resolved_by"])


def threads(user, obj):
    """
    The change form's threads, one per field `user` may comment on, in the
    model's field order: open comments first, then the resolved ones. Two
    queries at most (the translator's rows, the comments with their people).
    """
    allowed = commentable(user, obj)
    if not allowed:
        return []
    comments = {}
    found = FieldComment.objects.for_object(obj).filter(field__in=list(allowed))
    for comment in found.with_people():
        if comment.language in allowed[comment.field]:
            comment.may_resolve = may_resolve(user, comment)
            comment.language_name = language_label(comment.language, obj)
            comments.setdefault(comment.field, []).append(comment)
    model = type(obj)
    result = []
    for field, codes in allowed.items():
        found = comments.get(field, [])
        result.append(
            {
                "field": field,
                "anchor": anchor(field),
                "label": field_label(model, field),
                "open": [comment for comment in found if comment.is_open],
                "resolved": [comment for comment in found if not comment.is_open],
                "languages": [(code, language_label(code, obj)) for code in codes],
            }
        )
    return result


def queue_comments(language):
    """The newest open comments for `language`'s queue and how many there are in all."""
    listed = (
        FieldComment.objects.open()
        .for_language(language)
        .with_people()
        # The total rides along on each row (COUNT(*) OVER ()): one query.
        .annotate(total=Window(Count("id")))
        .order_by("-created_at", "-pk")
    )
    rows = list(listed[:QUEUE_COMMENTS_LIMIT])
    return rows, rows[0].total if rows else 0


def queue_entries(rows, objects, change_url):
    """Each comment with its object (from `objects`, loaded with the queue's others)."""
    entries = []
    for comment in rows:
        obj = objects.get((comment.content_type_id, comment.object_id))
        if obj is None:  # deleted in the meantime
            continue
        url = change_url(obj)
        entries.append(
            {
                "comment": comment,
                "object": obj,
                "model": obj._meta.verbose_name,
                "field": field_label(type(obj), comment.field),
                "language": language_label(comment.language, obj),
                "url": f"{url}#{anchor(comment.field)}" if url else "",
            }
        )
    return entries
