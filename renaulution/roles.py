"""
The roles of the site as auth groups, and the model permissions each holds.

Migrations call `sync_role_groups` with their historical `apps`, so a later
migration that adds a model can call it again to grant the new permissions.
"""

from django.conf import settings

EDITORS = "Editors"
#: Write drafts and submit them for review; never publish (drafts/rights.py).
AUTHORS = "Authors"
TRANSLATORS = "Translators ({language})"

#: Every model editors manage, by app label.
CONTENT_MODELS = {
    "companies": ["company", "person", "position", "pressrelease"],
    "episodes": ["series", "seriesproducer", "episode", "episodecompany"],
    "timeline": ["milestone"],
}
#: The glossary, which editors maintain and translators consult.
GLOSSARY_MODELS = {"translations": ["term", "termtranslation"]}
#: Comments on fields: editors list, resolve and delete them in the admin.
#: Translators hold no model permission on them; what they may read and write
#: in the change form is decided in translations/comments.py.
COMMENT_MODELS = {"translations": ["fieldcomment"]}
#: What editors hold of the review of drafts: the queue, and publishing.
REVIEW_PERMISSIONS = {"drafts": ["view_pendingchange", "change_pendingchange", "can_publish"]}
#: The models that hold localized text, which translators may change.
TRANSLATABLE_MODELS = {
    "companies": ["company", "person", "position", "pressrelease"],
    "episodes": ["series", "episode"],
    "timeline": ["milestone"],
}


def translator_group_names():
    return [TRANSLATORS.format(language=code) for code, _name in settings.LANGUAGES]


def _permissions(Permission, models, actions):
    codenames = [
        f"{action}_{model}"
        for app, names in models.items()
        for model in names
        for action in actions
    ]
    return Permission.objects.filter(
        content_type__app_label__in=list(models), codename__in=codenames
    )


def _codenames(Permission, codenames):
    return Permission.objects.filter(
        content_type__app_label__in=list(codenames),
        codename__in=[name for names in codenames.values() for name in names],
    )


def role_permissions(apps):
    """{group name: its permissions}, for every role group."""
    Permission = apps.get_model("auth", "Permission")
    translator_permissions = list(
        _permissions(Permission, CONTENT_MODELS, ["view"])
        | _permissions(Permission, TRANSLATABLE_MODELS, ["change"])
        | _permissions(Permission, GLOSSARY_MODELS, ["view"])
    )
    return {
        EDITORS: (
            _permissions(Permission, CONTENT_MODELS, ["add", "change", "delete", "view"])
            | _permissions(Permission, GLOSSARY_MODELS, ["add", "change", "delete", "view"])
            | _permissions(Permission, COMMENT_MODELS, ["change", "delete", "view"])
            | _codenames(Permission, REVIEW_PERMISSIONS)
        ),
        # Before the drafts app is migrated there is no review permission yet:
        # its migration calls this again.
        AUTHORS: (
            _permissions(Permission, CONTENT_MODELS, ["add", "change", "view"])
            | _codenames(Permission, {"drafts": ["view_pendingchange"]})
        ),
        **dict.fromkeys(translator_group_names(), translator_permissions),
    }


def sync_role_groups(apps):
    """Create the role groups if missing and set their permissions."""
    Group = apps.get_model("auth", "Group")
    for name, permissions in role_permissions(apps).items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def missing_role_groups(apps):
    """The names of the role groups that do not exist (a language added later's)."""
    Group = apps.get_model("auth", "Group")
    names = [EDITORS, AUTHORS, *translator_group_names()]
    existing = set(Group.objects.filter(name__in=names).values_list("name", flat=True))
    return [name for name in names if name not in existing]


def create_missing_role_groups(apps):
    """
    Create the role groups that do not exist, with their permissions, and
    leave the others as an admin may have changed them (after every
    `migrate`, see renaulution.apps).
    """
    missing = missing_role_groups(apps)
    if missing:
        Group = apps.get_model("auth", "Group")
        permissions = role_permissions(apps)
        for name in missing:
            Group.objects.create(name=name).permissions.set(permissions[name])
    return missing


def create_permissions_now(apps):
    """Permissions are normally made after `migrate`; groups need them before."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
