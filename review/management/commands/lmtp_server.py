"""Take replies by LMTP: ``manage.py lmtp_server --host 0.0.0.0 --port 8024``.

For container deployments, where the mail server cannot run a program in the app's container:
Postfix hands ``reply+*`` mail to this port over LMTP (see the README). Each recipient gets its
own answer: 250 when posted, 550 5.7.1 with the reason when refused (the server bounces it).
"""

from __future__ import annotations

import asyncio

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from asgiref.sync import sync_to_async
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections

from review.notify.inbound import MAX_BYTES, receive


def _receive(raw: bytes, rcpt: str):
    close_old_connections()
    try:
        return receive(raw=raw, recipient=rcpt)
    finally:
        # The worker thread's connection is not reused across deliveries (they are rare).
        connections.close_all()


class ReplyHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        answers = []
        for rcpt in envelope.rcpt_tos:
            outcome = await sync_to_async(_receive, thread_sensitive=True)(raw, rcpt)
            line = outcome.message.replace("\r", " ").replace("\n", " ")[:300]
            if outcome.ok:
                answers.append(f"250 2.0.0 {line}")
            elif outcome.status == "later":
                answers.append(f"451 4.7.1 {line}")
            else:
                answers.append(f"550 5.7.1 {line}")
        # LMTP answers once per recipient after DATA.
        return "\r\n".join(answers)


class LMTPController(Controller):
    def factory(self):
        return LMTP(self.handler, data_size_limit=MAX_BYTES, enable_SMTPUTF8=True)


class Command(BaseCommand):
    help = "Accept replies to notifications over LMTP."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8024)

    def handle(self, *args, host: str, port: int, **options) -> None:
        controller = LMTPController(ReplyHandler(), hostname=host, port=port)
        controller.start()
        self.stdout.write(f"LMTP on {host}:{port}; Ctrl-C stops.")
        try:
            asyncio.run(asyncio.Event().wait())
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
