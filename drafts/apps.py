from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    """Pending changes of live items, and the editors' review of them."""

    name = "drafts"
    verbose_name = _("Drafts and review")

    def ready(self):
        from renaulution import scheduling

        from .services import publish_due_task

        # Approved drafts go live when the scheduler runs after their time.
        scheduling.register(publish_due_task)
