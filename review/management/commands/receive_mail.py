"""Post a reply by mail: ``manage.py receive_mail [--recipient ADDR] < message.eml``.

A mail server pipes one RFC 822 message to it (Postfix: ``pipe`` with ``${recipient}``). The
exit status follows sysexits.h so the server does the right thing: 0 posted (or already
posted, or an automatic reply ignored), 77 refused and 65 unreadable, which the server turns
into a bounce quoting the one line printed on standard error, and 75 (over the per-person
comment limit) which it retries later.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from review.notify.inbound import MAX_BYTES, receive

EX_OK, EX_DATAERR, EX_TEMPFAIL, EX_NOPERM = 0, 65, 75, 77


class Command(BaseCommand):
    help = "Read one mail on standard input and post it as a reply in its thread."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--recipient", help="The envelope recipient (reply+<token>@domain).")

    def handle(self, *args, recipient: str | None = None, **options) -> None:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        outcome = receive(raw=raw, recipient=recipient)
        if outcome.ok:
            self.stdout.write(outcome.message)
            return
        self.stderr.write(outcome.message)
        codes = {"unreadable": EX_DATAERR, "later": EX_TEMPFAIL}
        sys.exit(codes.get(outcome.status, EX_NOPERM))
