"""
The endpoints that add, resolve and reopen comments. They are separate from
the change form, so a comment never saves (or blocks) the form's edits nor
touches its conflict snapshot; each answers with a redirect to the field's
thread, which works without JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import comments
from .admin import change_url
from .models import FieldComment
from .registry import model_by_label
from .rights import user_languages


def _thread_url(obj, field):
    return f"{change_url(obj)}#{comments.anchor(field)}"


def _refuse_without_role(request):
    if not user_languages(request.user):
        raise PermissionDenied


@require_POST
def add_view(request, model, object_id):
    _refuse_without_role(request)
    model_class = model_by_label(model)
    if model_class is None:
        raise Http404(_("There is no such content."))
    obj = get_object_or_404(model_class._base_manager, pk=object_id)
    form = comments.CommentForm(request.POST)
    field = request.POST.get("field", "")
    # A crafted POST for a field, language or object the user may not
    # comment on is refused before anything else is looked at.
    if not comments.may_comment(request.user, obj, field, form.language_code):
        raise PermissionDenied
    if not form.is_valid():
        # Nothing is lost: the text comes back in the form, with what is wrong.
        context = {
            "title": _("Your comment was not sent"),
            "form": form,
            "object": obj,
            "field_label": comments.field_label(model_class, field),
            "language_label": comments.language_label(form.language_code, obj),
            "action": request.path,
            "back": _thread_url(obj, field),
        }
        return render(request, "admin/translations/comment_form.html", context, status=400)
    comments.comment_add(
        user=request.user,
        obj=obj,
        field=field,
        language=form.language_code,
        body=form.cleaned_data["body"],
    )
    messages.success(request, _("Your comment was added."))
    return redirect(_thread_url(obj, field))


@require_POST
def state_view(request, pk):
    _refuse_without_role(request)
    comment = get_object_or_404(FieldComment.objects.select_related("content_type"), pk=pk)
    obj = comment.content_object
    if obj is None:
        raise Http404(_("The content of this comment no longer exists."))
    if not comments.may_comment(request.user, obj, comment.field, comment.language):
        raise PermissionDenied
    if not comments.may_resolve(request.user, comment):
        raise PermissionDenied
    action = request.POST.get("action")
    if action == "resolve":
        comments.comment_resolve(user=request.user, comment=comment)
        messages.success(request, _("The comment is resolved."))
    elif action == "reopen":
        comments.comment_reopen(comment=comment)
        messages.success(request, _("The comment is open again."))
    else:
        messages.error(request, _("Nothing was changed: choose to resolve or to reopen."))
    return redirect(_thread_url(obj, comment.field))
