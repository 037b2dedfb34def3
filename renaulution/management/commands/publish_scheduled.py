"""
`manage.py publish_scheduled`: do what fell due since the last run (items
whose go-live or expiry passed, drafts scheduled to go live), as Wagtail's
command of the same name. Run it every minute from cron or a systemd timer
(README, "Scheduling and expiry"), or with `--every 60` as a long-running
process (what `make run` does).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from renaulution import scheduling


class Command(BaseCommand):
    help = "Publish and expire what is scheduled, and tell the caches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, once every SECONDS (at least 1); Ctrl-C stops.",
        )

    def handle(self, *args, every=None, **options):
        self.verbosity = options["verbosity"]
        if every is not None and every < 1:
            raise CommandError(_("--every needs a number of seconds of at least 1."))
        if every is None:
            if not self.run_once():
                raise CommandError(_("A scheduled task failed; it is retried on the next run."))
            return
        try:
            while True:
                self.run_once()
                time.sleep(every)
        except KeyboardInterrupt:
            self.stdout.write(_("Stopped."))

    def run_once(self):
        """One run of every task; False when one of them failed."""
        succeeded = True
        for task, result in scheduling.run_due(timezone.now()):
            name = scheduling.task_name(task)
            if isinstance(result, Exception):
                succeeded = False
                self.stderr.write(_("%(task)s failed: %(error)s") % {"task": name, "error": result})
            elif result and self.verbosity >= 1:
                self.stdout.write(
                    ngettext("%(task)s: %(count)d item.", "%(task)s: %(count)d items.", result)
                    % {"task": name, "count": result}
                )
        return succeeded
