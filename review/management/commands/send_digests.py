"""Queue the daily digests (run once a day: cron, or the compose ``scheduler`` service), and
send mail whose retry time has come when the task backend cannot defer (development)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from review.notify.mailer import queue_digests
from review.notify.tasks import retry_due


class Command(BaseCommand):
    help = "Queue one digest mail per person who asked for a daily digest; retry failed sends."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--retry-only", action="store_true", help="Only retry failed sends.")

    def handle(self, *args, retry_only: bool = False, **options) -> None:
        digests = 0 if retry_only else len(queue_digests())
        retried = retry_due()
        self.stdout.write(f"{digests} digest(s) queued, {retried} retried send(s).")
