from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    """Pending changes of live items, and the editors' review of them."""

    name = "drafts"
    verbose_name = _("Drafts and review")
