from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class RenaulutionConfig(AppConfig):
    """Site-wide pieces: publication, rich text, roles, home page."""

    default = True  # not the admin's, which this module holds too
    name = "renaulution"
    verbose_name = _("Renaulution")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow's own guard against decompression bombs, at our limit: it
        # then refuses to decode (at twice the limit) even outside uploads.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS

        from django.db.models.signals import post_migrate

        # languages registers the system check that every language is declared.
        from . import invalidation, languages, pagecache, search_index, surrogate_keys, varnish

        # Model changes announce surrogate keys; the page cache drops their pages.
        invalidation.connect()
        pagecache.connect()
        # Saves and deletes rewrite SQLite's search index in their transaction.
        search_index.connect()
        # Then the front caches (Varnish): connected after the page cache, so
        # that the app's copy is already stale when Varnish asks it again.
        surrogate_keys.pages_invalidated.connect(
            varnish.purge_invalidated_pages, dispatch_uid="renaulution.varnish.purge"
        )
        # A language added to settings.LANGUAGES after the migrations were
        # written gets its search structures and its translators' group.
        post_migrate.connect(after_migrate, dispatch_uid="renaulution.after_migrate")
        del languages  # imported for its check


def after_migrate(sender, using="default", plan=None, **kwargs):
    """
    After `migrate` (and a test run's `--no-migrations` table creation): what
    the site's languages need beyond modeltranslation's columns, created if
    missing (renaulution/search_documents.py), and the role groups that do
    not exist (one per language for translators), with their permissions
    (renaulution/roles.py), as the data migrations made them for en, fr and
    it; groups that exist are left as they are.
    """
    from django.apps import apps
    from django.db import connections

    from . import roles, search_documents

    # The signal is sent once per app with models, in INSTALLED_APPS order
    # (this one has none): act on the last, when every table and every
    # permission (auth's own post_migrate step, connected first) exists.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    # `flush` sends the signal too, without a plan: after it, restoring a
    # backup loads the archive's own groups, which new ones would clash with.
    if sender is not last or plan is None:
        return
    search_documents.create_missing(using=using)
    if "auth_group" in connections[using].introspection.table_names():
        roles.create_missing_role_groups(apps)


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: two-factor login for staff who have it."""

    default = False
    default_site = "renaulution.login.AdminSite"
