"""
Who may translate what. Rights come from group membership only, so an admin
manages them in the usual Users and Groups screens.
"""

from renaulution.roles import EDITORS, TRANSLATORS

from .registry import languages


def _group_names(user):
    # Cached on the user object: the admin asks several times per request.
    if not hasattr(user, "_renaulution_groups"):
        user._renaulution_groups = set(user.groups.values_list("name", flat=True))
    return user._renaulution_groups


def is_editor(user):
    return user.is_active and (user.is_superuser or EDITORS in _group_names(user))


def user_languages(user):
    """The languages `user` may translate: all for editors, their groups' for translators."""
    if not user.is_authenticated or not user.is_active or not user.is_staff:
        return []
    if is_editor(user):
        return languages()
    names = _group_names(user)
    return [code for code in languages() if TRANSLATORS.format(language=code) in names]


def is_translator_only(user):
    """A translator who is not also an editor: their forms are restricted."""
    return not is_editor(user) and bool(user_languages(user))
