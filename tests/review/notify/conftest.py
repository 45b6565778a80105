import io
import sys

import pytest
from django.core import mail
from django.core.management import call_command

from licenses.models import Clause
from review import services
from tests.factories import make_review, make_user, osd_criterion


@pytest.fixture
def world(db, settings):
    from django.core.cache import cache

    cache.clear()  # the per-person comment limit counts replies by mail too
    settings.MAIL_DOMAIN = "clausewise.test"
    settings.SITE_URL = "https://clausewise.test"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    alice = make_user("alice", roles=("reviewer",))
    bob = make_user("bob", roles=("reviewer",))
    review = make_review()
    clause = Clause.objects.get(version=review.version, anchor="2.2.b")
    return {"alice": alice, "bob": bob, "review": review, "clause": clause}


@pytest.fixture
def thread_with_reply(world, django_capture_on_commit_callbacks):
    """Alice starts a thread on §2.2(b) under OSD 7 (watching it); Bob replies; Alice is mailed."""
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_start(
            review=world["review"],
            clause=world["clause"],
            author=world["alice"],
            body="Does the dataset notice discriminate against fields of endeavour?",
            stance="question",
            criterion=osd_criterion(6),
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.comment_add(
            thread=thread,
            author=world["bob"],
            body="No: it binds *everyone* who ships a dataset, <script>alert(1)</script> whatever the field.",
            stance="objection",
        )
    return {**world, "thread": thread, "reply": reply}


def run_receive_mail(monkeypatch, raw: bytes, *args: str) -> int:
    """Run ``manage.py receive_mail`` with ``raw`` on standard input; its exit status."""
    stdin = io.TextIOWrapper(io.BytesIO(raw))
    monkeypatch.setattr(sys, "stdin", stdin)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("receive_mail", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        run_receive_mail.err = err.getvalue()
        return exc.code
    run_receive_mail.err = err.getvalue()
    return 0
