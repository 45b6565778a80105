"""Issue 16's done-criterion: a notification goes out, its reply comes back through
``manage.py receive_mail``, and exactly the reply's own words become a comment by the right
person; a wrong sender or a tampered token writes nothing."""

from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from django.core import mail

from review.models import Comment
from tests.review.notify.conftest import run_receive_mail

OWN_WORDS = "I still think the notice is fine.\n\nIt names the Model, not the field of use."


def reply_to(
    notification, *, sender: str, to: str | None = None, message_id: str = "<r1@mail.example.org>"
) -> bytes:
    """A reply as a mail client writes it: own words on top, the original quoted, a signature."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in notification.body.splitlines())
    date = notification.message()["Date"]
    return (
        f"From: Alice Example <{sender}>\n"
        f"To: {to or notification.reply_to[0]}\n"
        f"Subject: Re: {notification.subject}\n"
        f"Date: Wed, 02 Dec 2026 23:10:00 +0100\n"
        f"Message-ID: {message_id}\n"
        f"In-Reply-To: {notification.extra_headers['In-Reply-To']}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        f"{OWN_WORDS}\n"
        "\n"
        f"On {date}, Clausewise <notifications@clausewise.test> wrote:\n"
        f"{quoted}\n"
        "\n"
        "-- \n"
        "Alice Example\n"
        "Licensing counsel, Example Org\n"
    ).encode()


def test_notification_reply_posts_the_own_words_as_the_recipient(thread_with_reply, monkeypatch):
    thread, alice = thread_with_reply["thread"], thread_with_reply["alice"]
    assert len(mail.outbox) == 1
    note = mail.outbox[0]
    assert note.to == ["alice@example.org"]
    assert note.reply_to[0].startswith("reply+") and note.reply_to[0].endswith("@clausewise.test")

    code = run_receive_mail(monkeypatch, reply_to(note, sender="alice@example.org"))

    assert code == 0, run_receive_mail.err
    new = Comment.objects.filter(thread=thread).order_by("-pk").first()
    assert new.author == alice
    assert new.body == OWN_WORDS
    assert new.source == Comment.Source.REPLY
    assert new.message_id == "r1@mail.example.org"


def test_the_same_reply_twice_posts_once(thread_with_reply, monkeypatch):
    raw = reply_to(mail.outbox[0], sender="alice@example.org")
    assert run_receive_mail(monkeypatch, raw) == 0
    assert run_receive_mail(monkeypatch, raw) == 0
    assert Comment.objects.filter(thread=thread_with_reply["thread"], body=OWN_WORDS).count() == 1


def test_a_forged_sender_with_a_stolen_token_writes_nothing(thread_with_reply, monkeypatch):
    before = Comment.objects.count()
    code = run_receive_mail(monkeypatch, reply_to(mail.outbox[0], sender="bob@example.org"))
    assert code == 77
    assert "another person" in run_receive_mail.err
    assert Comment.objects.count() == before


@pytest.mark.parametrize("tamper", ["thread", "user", "signature", "expiry"])
def test_a_tampered_token_writes_nothing(thread_with_reply, monkeypatch, tamper):
    note = mail.outbox[0]
    local, domain = note.reply_to[0].split("@")
    user_id, thread_id, expires, sig = local.removeprefix("reply+").split(".")
    if tamper == "thread":
        thread_id = str(int(thread_id) + 1)
    elif tamper == "user":
        user_id = str(thread_with_reply["bob"].pk)
    elif tamper == "signature":
        sig = ("a" if sig[0] != "a" else "b") + sig[1:]
    else:
        expires = "zzzzzzz"
    forged = f"reply+{user_id}.{thread_id}.{expires}.{sig}@{domain}"
    before = Comment.objects.count()
    code = run_receive_mail(monkeypatch, reply_to(note, sender="alice@example.org", to=forged))
    assert code == 77
    assert "altered" in run_receive_mail.err
    assert Comment.objects.count() == before


def test_an_expired_token_writes_nothing(thread_with_reply, monkeypatch, settings):
    from review.notify import tokens

    token = tokens.make_token(
        secret=settings.SECRET_KEY, user_id=thread_with_reply["alice"].pk,
        thread_id=thread_with_reply["thread"].pk, expires=1_000_000,
    )  # fmt: skip
    raw = reply_to(mail.outbox[0], sender="alice@example.org", to=f"reply+{token}@clausewise.test")
    before = Comment.objects.count()
    assert run_receive_mail(monkeypatch, raw) == 77
    assert "expired" in run_receive_mail.err
    assert Comment.objects.count() == before


def test_the_envelope_recipient_wins_over_headers(thread_with_reply, monkeypatch):
    note = mail.outbox[0]
    raw = reply_to(note, sender="alice@example.org", to="list@example.org")
    assert run_receive_mail(monkeypatch, raw) == 77  # no reply address in the headers
    assert run_receive_mail(monkeypatch, raw, "--recipient", note.reply_to[0]) == 0


def test_a_reviewer_who_lost_the_role_cannot_reply(thread_with_reply, monkeypatch):
    alice = thread_with_reply["alice"]
    alice.groups.clear()
    before = Comment.objects.count()
    assert run_receive_mail(monkeypatch, reply_to(mail.outbox[0], sender="alice@example.org")) == 77
    assert Comment.objects.count() == before


def test_an_out_of_office_answer_is_ignored(thread_with_reply, monkeypatch):
    raw = reply_to(mail.outbox[0], sender="alice@example.org").replace(
        b"MIME-Version", b"Auto-Submitted: auto-replied\nMIME-Version"
    )
    before = Comment.objects.count()
    assert run_receive_mail(monkeypatch, raw) == 0
    assert Comment.objects.count() == before


def test_the_notification_mail(thread_with_reply):
    note = mail.outbox[0]
    thread = thread_with_reply["thread"]
    msg = message_from_bytes(note.message().as_bytes(), policy=default_policy)
    assert msg["In-Reply-To"] == f"<thread-{thread.pk}@clausewise.test>"
    assert msg["References"] == f"<thread-{thread.pk}@clausewise.test>"
    assert msg["Message-ID"].endswith("@clausewise.test>")
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["List-Unsubscribe"].startswith("<https://clausewise.test/notifications/unsubscribe/")
    raw = note.message().as_bytes()
    assert b"\nList-Unsubscribe: <https://clausewise.test/notifications/unsubscribe/" in raw  # not RFC 2047
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "§2.2(b)" in note.subject and "(OSD 6)" in note.subject
    assert "Clause: §2.2(b)" in text
    assert "Criterion: OSD 6: " in text
    assert f"https://clausewise.test/reviews/{thread.review.pk}/#m-{thread_with_reply['reply'].pk}" in text
    # The comment is quoted rendered and sanitised in HTML: no script survives.
    assert "<em>everyone</em>" in html
    assert "<script" not in html  # shown as text, never as a tag
    assert "&lt;script&gt;alert(1)" in html


def test_an_html_only_reply_posts_its_own_words(thread_with_reply, monkeypatch):
    """Webmail often sends HTML alone, the original in a blockquote under an attribution."""
    note = mail.outbox[0]
    raw = (
        "From: alice@example.org\n"
        f"To: {note.reply_to[0]}\n"
        f"Subject: Re: {note.subject}\n"
        "Message-ID: <html-1@mail.example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\n"
        "\n"
        '<div dir="ltr">Fine by me <b>as written</b>.</div><br>'
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, 2 Dec 2026 at 23:00, '
        "Clausewise &lt;notifications@clausewise.test&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote">' + note.body.replace("\n", "<br>") + "</blockquote></div>\n"
    ).encode()
    assert run_receive_mail(monkeypatch, raw) == 0, run_receive_mail.err
    new = Comment.objects.get(message_id="html-1@mail.example.org")
    assert new.author == thread_with_reply["alice"]
    assert new.body == "Fine by me as written."


def test_over_the_comment_limit_the_server_is_asked_to_retry(thread_with_reply, monkeypatch, settings):
    from django.core.cache import cache

    cache.clear()
    settings.REVIEW_COMMENTS_PER_MINUTE = 0
    before = Comment.objects.count()
    assert run_receive_mail(monkeypatch, reply_to(mail.outbox[0], sender="alice@example.org")) == 75
    assert Comment.objects.count() == before
