from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Signed HTTP notifications to other systems when public content changes."""

    name = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from . import events

        events.connect()
