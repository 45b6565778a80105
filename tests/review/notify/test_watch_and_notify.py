"""Who hears of what: watches, automatic watches, mentions, visibility, mail modes."""

import pytest
from django.core import mail

from accounts.models import Profile
from review import services
from review.notify import mailer
from review.notify.mentions import find_mentions
from review.notify.models import Notification, OutgoingMail, Watch
from review.notify.services import watch
from tests.factories import SAMPLE_TEXT, make_review, make_user, make_version


def start(world, author, body="A question about the notice."):
    return services.thread_start(review=world["review"], clause=world["clause"], author=author, body=body)


def test_starting_and_replying_watch_the_thread(world):
    thread = start(world, world["alice"])
    services.comment_add(thread=thread, author=world["bob"], body="An answer.")
    assert set(Watch.objects.filter(thread=thread).values_list("user__username", flat=True)) == {
        "alice",
        "bob",
    }


def test_thread_watchers_hear_of_replies_but_not_of_their_own(world, django_capture_on_commit_callbacks):
    thread = start(world, world["alice"])
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(thread=thread, author=world["bob"], body="An answer.")
        services.comment_add(thread=thread, author=world["alice"], body="Thanks.")
    assert [(n.recipient.username, n.reason) for n in Notification.objects.order_by("pk")] == [
        ("alice", "thread"),
        ("bob", "thread"),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]


def test_review_watchers_hear_of_new_threads(world):
    carol = make_user("carol")
    watch(user=carol, target=world["review"])
    thread = start(world, world["alice"])
    (n,) = Notification.objects.filter(recipient=carol)
    assert (n.kind, n.reason, n.thread) == ("thread", "review", thread)


def test_a_mention_notifies_even_without_a_watch(world):
    carol = make_user("carol")
    start(
        world,
        world["alice"],
        body="What does @carol think? Not @nobody, and not `@bob` in code; me@example.org is mail.",
    )
    assert [(n.recipient, n.kind) for n in Notification.objects.all()] == [(carol, "mention")]


def test_find_mentions():
    assert find_mentions("Hi @ana.b, @Bob-1 and @ana.b again.") == ["ana.b", "Bob-1"]
    assert find_mentions("write to x@y.org\n```\n@code\n```\n`@inline`") == []


def test_a_private_review_reaches_only_those_who_may_read_it(world):
    review = make_review(is_public=False, opened_by=world["alice"])
    clause = review.version.clauses.get(anchor="2.2.b")
    outsider = make_user("carol", roles=("reviewer",))
    mod = make_user("mona", roles=("moderator",))
    Watch.objects.create(user=outsider, review=review)  # watched while it was public
    services.thread_start(review=review, clause=clause, author=mod, body="@carol and @alice, see this.")
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["alice"]


def test_watching_a_private_review_one_may_not_read_is_refused(world):
    from review.notify.services import NotAllowed

    review = make_review(is_public=False)
    with pytest.raises(NotAllowed):
        watch(user=world["bob"], target=review)


def test_a_comment_hidden_before_the_mail_is_composed_is_not_mailed(
    world, django_capture_on_commit_callbacks
):
    thread = start(world, world["alice"])
    mod = make_user("mona", roles=("moderator",))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply = services.comment_add(thread=thread, author=world["bob"], body="Something rude.")
    services.comment_hide(comment=reply, user=mod, reason="Rude.")
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_a_comment_hidden_before_the_send_is_not_sent(world, django_capture_on_commit_callbacks):
    thread = start(world, world["alice"])
    with django_capture_on_commit_callbacks(execute=False):
        reply = services.comment_add(thread=thread, author=world["bob"], body="Something rude.")
    with django_capture_on_commit_callbacks(execute=False) as sends:
        mailer.queue_immediate(Notification.objects.filter(comment=reply))
    services.comment_hide(comment=reply, user=make_user(roles=("moderator",)), reason="Rude.")
    for callback in sends:
        callback()
    assert mail.outbox == []
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.CANCELLED


def test_daily_and_none_modes(world, django_capture_on_commit_callbacks):
    Profile.objects.create(user=world["alice"], notify_mail="daily")
    carol = make_user("carol")
    Profile.objects.create(user=carol, notify_mail="none")
    watch(user=carol, target=world["review"])
    thread = start(world, world["alice"])
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(thread=thread, author=world["bob"], body="First answer.")
        services.comment_add(thread=thread, author=world["bob"], body="Second answer, @alice.")
    assert mail.outbox == []  # nobody wants each one at once
    assert Notification.objects.filter(recipient=carol).count() == 3  # the thread and two replies, in the app
    with django_capture_on_commit_callbacks(execute=True):
        mailer.queue_digests()
    (digest,) = mail.outbox
    assert digest.to == ["alice@example.org"]
    assert "2 notifications" in digest.subject
    assert "First answer." in digest.body and "Second answer" in digest.body
    assert "bob mentioned you on §2.2(b)" in digest.body
    with django_capture_on_commit_callbacks(execute=True):
        assert mailer.queue_digests() == []  # nothing new


def test_license_watchers_hear_of_new_versions_and_reviews(world):
    license = world["review"].version.license
    carol = make_user("carol")
    watch(user=carol, target=license)
    version = make_version(license, label="2.0", text=SAMPLE_TEXT + "\n4. Term.\n\nForever.\n")
    mod = make_user("mona", roles=("moderator",))
    services.review_open(version=version, opened_by=mod)
    assert list(
        Notification.objects.filter(recipient=carol).values_list("kind", flat=True).order_by("pk")
    ) == [
        "version",
        "review",
    ]


def test_family_watchers_hear_of_member_versions(world):
    from licenses.models import Family

    license = world["review"].version.license
    family = Family.objects.create(slug="samples", name="Samples")
    family.members.add(license)
    carol = make_user("carol")
    watch(user=carol, target=family)
    make_version(license, label="3.0", text=SAMPLE_TEXT + "\n4. Term.\n\nOne year.\n")
    (n,) = Notification.objects.filter(recipient=carol)
    assert (n.kind, n.reason) == ("version", "family")


def test_family_reviews_reach_family_and_review_watchers(db):
    from licenses.families import services as family_services
    from review.families import services as family_review_services
    from tests.factories import make_license

    a = make_version(make_license(slug="fam-a", name="Fam A"), label="1.0")
    b = make_version(
        make_license(slug="fam-b", name="Fam B"),
        label="1.0",
        text=SAMPLE_TEXT.replace("Grant.", "Licence grant."),
    )
    mod = make_user("mona", roles=("moderator",))
    family = family_services.family_create(
        name="Fam", members=[a.license, b.license], base=a.license, user=mod
    )
    carol, rita = make_user("carol"), make_user("rita", roles=("reviewer",))
    watch(user=carol, target=family)
    review = family_review_services.family_review_open(family=family, opened_by=mod)
    assert list(Notification.objects.filter(recipient=carol).values_list("kind", "reason")) == [
        ("review", "family")
    ]
    watch(user=carol, target=review)
    family_review_services.family_thread_start(
        review=review, clause=b.clauses.get(anchor="2.2.b"), author=rita, body="On the sibling."
    )
    assert Notification.objects.filter(recipient=carol, kind="thread", reason="review").count() == 1
