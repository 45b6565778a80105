"""Post to the list: a moderator sends the summary or downloads it as .eml; the Message-ID is kept."""

from email import message_from_bytes
from email.policy import default as default_policy
from html import escape

from django.core import mail
from django.test import Client
from django.urls import reverse

from review import services
from review.notify.models import OutgoingMail
from tests.factories import make_user


def moderator_client():
    mod = make_user("mona", roles=("moderator",))
    client = Client()
    client.force_login(mod)
    return client


def test_send_the_summary_to_the_list(world, settings, django_capture_on_commit_callbacks):
    settings.LIST_ADDRESS = "license-review@lists.example.org"
    services.thread_start(
        review=world["review"],
        clause=world["clause"],
        author=world["alice"],
        body="A concern.",
        stance="concern",
    )
    client = moderator_client()
    url = reverse("notify:post-to-list", args=[world["review"].pk])
    assert "Send to the list" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "send"}).status_code == 302
    (sent,) = mail.outbox
    assert sent.to == ["license-review@lists.example.org"]
    assert "2.2(b)" in sent.body
    post = OutgoingMail.objects.get(kind=OutgoingMail.Kind.LIST)
    assert post.status == OutgoingMail.Status.SENT and post.review == world["review"]
    assert sent.extra_headers["Message-ID"] == post.message_id
    assert escape(post.message_id) in client.get(url).content.decode()


def test_download_the_summary_as_eml(world, settings):
    settings.LIST_ADDRESS = ""
    client = moderator_client()
    url = reverse("notify:post-to-list", args=[world["review"].pk])
    assert "Send to the list" not in client.get(url).content.decode()
    response = client.post(url, {"action": "download"})
    assert response["Content-Type"] == "message/rfc822"
    msg = message_from_bytes(response.content, policy=default_policy)
    post = OutgoingMail.objects.get(kind=OutgoingMail.Kind.LIST)
    assert msg["Message-ID"] == post.message_id and post.status == OutgoingMail.Status.DOWNLOADED
    assert "summary" in msg["Subject"]
    assert mail.outbox == []
    assert client.post(url, {"action": "send"}).status_code == 422  # no address to send to


def test_only_moderators_post_to_the_list(world):
    client = Client()
    client.force_login(world["alice"])
    url = reverse("notify:post-to-list", args=[world["review"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "download"}).status_code == 404
    assert not OutgoingMail.objects.exists()


def test_the_list_post_comes_from_the_moderators_display_name(world, settings):
    # It came "From: mona <mona@…>": the username, where the list knows the person by their name;
    # a name with a comma must not read as two addresses.
    from django.contrib.auth import get_user_model

    from accounts.models import Profile

    settings.LIST_ADDRESS = ""
    client = moderator_client()
    mona = get_user_model().objects.get(username="mona")
    Profile.objects.update_or_create(user=mona, defaults={"display_name": "Lind, Mona Ö."})
    url = reverse("notify:post-to-list", args=[world["review"].pk])
    msg = message_from_bytes(client.post(url, {"action": "download"}).content, policy=default_policy)
    (sender,) = msg["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Lind, Mona Ö.", mona.email)
