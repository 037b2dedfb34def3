from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RevisionsConfig(AppConfig):
    """Revisions of the content: history, compare and restore in the admin."""

    name = "revisions"
    verbose_name = _("Revisions")
