from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translators' workspace: states, rights, dashboard, exchange files."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from django.core import checks

        from renaulution import scheduling

        from . import glossary, machine

        glossary.connect()
        checks.register(machine.check_backend)
        # The translations holding a changed term are checked again off the request.
        scheduling.register(glossary.recheck_changed_terms)
