"""
`manage.py deliver_webhooks`: send the queued webhook deliveries
(webhooks/delivery.py). A long-running worker by default, passing every 5
seconds (`--every N` to change); `--once` for one pass (cron). `make run`
starts it beside the server and the scheduler.
"""

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from webhooks import delivery

logger = logging.getLogger(__name__)
DEFAULT_EVERY = 5


class Command(BaseCommand):
    help = "Send the webhook deliveries that are due, retrying failed ones with backoff."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, one pass every SECONDS (at least 1; default 5); Ctrl-C stops.",
        )

    def handle(self, *args, once=False, every=None, **options):
        self.verbosity = options["verbosity"]
        if once and every is not None:
            raise CommandError(_("Give --once or --every, not both."))
        if every is not None and every < 1:
            raise CommandError(_("--every needs a number of seconds of at least 1."))
        if once:
            self.run_once()
            return
        try:
            while True:
                try:
                    self.run_once()
                except DatabaseError as error:
                    # The database is away: the deliveries wait for the next pass.
                    logger.error("Webhook deliveries not sent this pass: %s", error)
                time.sleep(every or DEFAULT_EVERY)
        except KeyboardInterrupt:
            self.stdout.write(_("Stopped."))

    def run_once(self):
        count = delivery.deliver_due()
        if count and self.verbosity >= 1:
            self.stdout.write(
                ngettext("%(count)d delivery attempted.", "%(count)d deliveries attempted.", count)
                % {"count": count}
            )
        return count
