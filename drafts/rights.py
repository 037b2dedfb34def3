"""
Who may do what with drafts. Publishing a draft, approving or rejecting one,
and publishing anything at all need `drafts.can_publish` (Editors hold it);
Authors hold the content models' add, change and view permissions only.
"""

from translations.rights import is_translator_only

PUBLISH = "drafts.can_publish"


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH)


def drafts_only(user):
    """
    Whoever may change content but not publish it, translators aside (their
    forms are limited to their languages and save as before): each save of a
    live item is a pending change, and publication fields are read-only.
    """
    return not can_publish(user) and not is_translator_only(user)


def may_edit_draft(user, change):
    """An author writes over their own draft only; a publisher over any."""
    return change is None or change.author_id == user.pk or can_publish(user)


def may_discard(user, change):
    return change.author_id == user.pk or can_publish(user)


def opens_drafts(user):
    """
    Whether the change form opens an item's draft for `user`. Not for a
    translator: their form holds their languages only, and saving the draft
    from it would publish part of it.
    """
    return not is_translator_only(user)
