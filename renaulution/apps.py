from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenaulutionConfig(AppConfig):
    """Site-wide pieces: publication, rich text, roles, home page."""

    name = "renaulution"
    verbose_name = _("Renaulution")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow's own guard against decompression bombs, at our limit: it
        # then refuses to decode (at twice the limit) even outside uploads.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
