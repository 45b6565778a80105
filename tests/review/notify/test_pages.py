"""The notification pages, watch buttons, one-click unsubscribe, the outbox and the feeds."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from review import services
from review.notify import mailer
from review.notify.models import Notification, OutgoingMail, Watch
from tests.factories import make_review, make_user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def replies(world, n: int, *, author=None):
    thread = services.thread_start(
        review=world["review"], clause=world["clause"], author=world["alice"], body="Opening."
    )
    for i in range(n):
        services.comment_add(thread=thread, author=author or world["bob"], body=f"Reply **{i}**.")
    return thread


def test_notifications_page_lists_and_marks_read(world):
    replies(world, 2)
    alice = client_for(world["alice"])
    page = alice.get(reverse("notify:notification-list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="notification is-unread"') == 2
    assert "<strong>1</strong>" in html  # rendered, sanitised comment
    bell = alice.get(reverse("notify:bell")).content.decode()
    assert '<span class="bell-count">2</span>' in bell
    first = Notification.objects.filter(recipient=world["alice"]).first()
    alice.post(reverse("notify:mark-read"), {"id": first.pk})
    assert Notification.objects.filter(recipient=world["alice"]).unread().count() == 1
    alice.post(reverse("notify:mark-read"))
    assert Notification.objects.filter(recipient=world["alice"]).unread().count() == 0
    assert "bell-count" not in alice.get(reverse("notify:bell")).content.decode()


def test_nobody_marks_another_persons_notifications(world):
    replies(world, 1)
    theirs = Notification.objects.get(recipient=world["alice"])
    client_for(world["bob"]).post(reverse("notify:mark-read"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_notifications_page_costs_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    replies(world, 3)
    alice = client_for(world["alice"])
    with django_assert_max_num_queries(8):
        alice.get(reverse("notify:notification-list"))
    replies(world, 30)
    with django_assert_max_num_queries(8):
        response = alice.get(reverse("notify:notification-list"))
    assert response.content.decode().count('<li class="notification') == 33


def test_a_hidden_comment_is_not_quoted_on_the_page(world):
    thread = replies(world, 1)
    reply = thread.comments.last()
    services.comment_hide(comment=reply, user=make_user(roles=("moderator",)), reason="Off topic.")
    html = client_for(world["alice"]).get(reverse("notify:notification-list")).content.decode()
    assert "Reply" not in html
    assert "removed by a moderator or its author" in html


def test_a_review_turned_private_is_no_longer_shown(world):
    replies(world, 1)
    world["review"].is_public = False
    world["review"].save()
    html = client_for(world["alice"]).get(reverse("notify:notification-list")).content.decode()
    assert "Reply" not in html and "no longer yours to read" in html


def test_anonymous_visitors_get_the_login_page_and_no_count(world, client):
    assert client.get(reverse("notify:notification-list")).status_code == 302
    assert "bell-count" not in client.get(reverse("notify:bell")).content.decode()


def test_watch_and_unwatch_buttons(world):
    review = world["review"]
    bob = client_for(world["bob"])
    url = reverse("notify:watch", args=["review", review.pk])
    assert bob.post(url, {"action": "watch"}, headers={"HX-Request": "true"}).status_code == 200
    assert Watch.objects.filter(user=world["bob"], review=review).exists()
    page = bob.get(review.get_absolute_url()).content.decode()
    assert "Unwatch review" in page
    bob.post(url, {"action": "unwatch"})
    assert not Watch.objects.filter(user=world["bob"], review=review).exists()


def test_watching_what_one_may_not_read_is_a_404(world):
    private = make_review(is_public=False)
    bob = client_for(world["bob"])
    assert bob.post(reverse("notify:watch", args=["review", private.pk])).status_code == 404
    assert bob.post(reverse("notify:watch", args=["spaceship", 1])).status_code == 404
    assert Client().post(reverse("notify:watch", args=["review", world["review"].pk])).status_code == 302
    assert not Watch.objects.filter(review=private).exists()


def _unsubscribe_url(message) -> str:
    return re.search(
        r"<https://clausewise\.test(/notifications/unsubscribe/[^>]+)>",
        message.extra_headers["List-Unsubscribe"],
    ).group(1)


def test_one_click_unsubscribe_from_a_mail(thread_with_reply):
    alice, thread = thread_with_reply["alice"], thread_with_reply["thread"]
    url = _unsubscribe_url(mail.outbox[0])
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(url)
    assert page.status_code == 200 and "Stop watching this thread" in page.content.decode()
    assert Watch.objects.filter(user=alice, thread=thread).exists()  # a GET changes nothing
    # RFC 8058: the mail client posts "List-Unsubscribe=One-Click" with no cookie and no CSRF token.
    assert anonymous.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Watch.objects.filter(user=alice, thread=thread).exists()


def test_a_tampered_unsubscribe_link_is_a_404(thread_with_reply):
    url = _unsubscribe_url(mail.outbox[0])
    assert Client().post(url.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 404
    assert Watch.objects.filter(user=thread_with_reply["alice"]).exists()


def test_unsubscribe_from_all_mail_by_the_digest_link(world):
    token = mailer.unwatch_token(user_id=world["alice"].pk, kind="mail")
    Client().post(reverse("notify:unsubscribe", args=[token]))
    assert world["alice"].profile.notify_mail == "none"


def test_the_profile_sets_the_mail_mode(world):
    alice = client_for(world["alice"])
    response = alice.post(
        reverse("profile"),
        {"display_name": "", "affiliation": "", "email": "alice@example.org", "notify_mail": "daily"},
    )
    assert response.status_code == 302
    world["alice"].refresh_from_db()
    assert world["alice"].profile.notify_mail == "daily"


def test_a_failed_send_is_retried_with_backoff_and_shown_to_moderators(
    world, settings, django_capture_on_commit_callbacks
):
    # A mail server that refuses connections (nothing listens on port 9 here).
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        replies(world, 1)
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.RETRYING
    assert queued.attempts == 1 and "Connection" in queued.last_error
    assert (queued.next_attempt_at - queued.created_at).total_seconds() >= 59

    mod = client_for(make_user("mona", roles=("moderator",)))
    outbox = mod.get(reverse("notify:outbox")).content.decode()
    assert "Failed, will retry" in outbox and "alice@example.org" in outbox
    assert client_for(world["bob"]).get(reverse("notify:outbox")).status_code == 404

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mod.post(reverse("notify:outbox"), {"id": queued.pk})
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and queued.attempts == 2
    assert len(mail.outbox) == 1


def test_give_up_after_the_last_delay(world, settings, django_capture_on_commit_callbacks):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    settings.MAIL_RETRY_DELAYS = [0]
    with django_capture_on_commit_callbacks(execute=True):
        replies(world, 1)
    from review.notify.tasks import retry_due

    assert retry_due() == 1
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.FAILED


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_defers_the_send_to_the_worker(settings, tmp_path):
    """With django-tasks-db, the request only queues; ``manage.py db_worker --batch`` sends."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from licenses.models import Clause

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    alice = make_user("alice", roles=("reviewer",))
    bob = make_user("bob", roles=("reviewer",))
    review = make_review()
    clause = Clause.objects.get(version=review.version, anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=alice, body="Opening.")
    services.comment_add(thread=thread, author=bob, body="A reply.")
    assert mail.outbox == []
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "review.notify.tasks.mail_notifications"
    ]
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT


def test_sent_over_smtp_as_a_mail_server_sees_it(world, settings, django_capture_on_commit_callbacks):
    """The production path: Django's SMTP backend to a real (local, aiosmtpd) SMTP server."""
    import socket

    from aiosmtpd.controller import Controller

    received = []

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
        }
    }
    try:
        with django_capture_on_commit_callbacks(execute=True):
            replies(world, 1)
    finally:
        controller.stop()
    (envelope,) = received
    assert envelope.rcpt_tos == ["alice@example.org"]
    raw = envelope.original_content
    assert b"\r\nList-Unsubscribe: <https://clausewise.test/notifications/unsubscribe/" in raw
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    assert b"\r\nReply-To: reply+" in raw
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT
