"""``manage.py lmtp_server``: the same replies over LMTP, one answer per recipient."""

import smtplib
import socket

import pytest
from django.core import mail

from licenses.models import Clause
from review import services
from review.management.commands.lmtp_server import LMTPController, ReplyHandler
from review.models import Comment
from tests.factories import make_review, make_user
from tests.review.notify.test_reply_by_mail import OWN_WORDS, reply_to


def crlf(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n")  # on the wire; smtplib sends bytes as they are


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_reply_over_lmtp_is_posted_and_a_forged_one_refused(settings):
    settings.MAIL_DOMAIN = "clausewise.test"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    alice = make_user("alice", roles=("reviewer",))
    bob = make_user("bob", roles=("reviewer",))
    review = make_review()
    clause = Clause.objects.get(version=review.version, anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=alice, body="Opening.")
    services.comment_add(thread=thread, author=bob, body="A reply.")
    (note,) = mail.outbox
    port = free_port()
    controller = LMTPController(ReplyHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            refused = client.sendmail(
                "bob@example.org", [note.reply_to[0]], crlf(reply_to(note, sender="bob@example.org"))
            )
            assert False, refused  # pragma: no cover - sendmail raises when every recipient is refused
    except smtplib.SMTPDataError as exc:
        assert exc.smtp_code == 550 and b"another person" in exc.smtp_error
    try:
        with smtplib.LMTP("127.0.0.1", port) as client:
            assert (
                client.sendmail(
                    "alice@example.org", [note.reply_to[0]], crlf(reply_to(note, sender="alice@example.org"))
                )
                == {}
            )
    finally:
        controller.stop()
    (posted,) = Comment.objects.filter(source=Comment.Source.REPLY)
    assert (posted.author, posted.body) == (alice, OWN_WORDS)
