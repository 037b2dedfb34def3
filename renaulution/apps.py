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

        from . import invalidation, pagecache, search_index, surrogate_keys, varnish

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


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: two-factor login for staff who have it."""

    default = False
    default_site = "renaulution.login.AdminSite"
