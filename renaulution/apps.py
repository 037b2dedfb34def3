from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenaulutionConfig(AppConfig):
    """Site-wide pieces: publication, rich text, roles, home page."""

    name = "renaulution"
    verbose_name = _("Renaulution")
