"""An address is an account's once its owner confirms it, and the site never says who is here."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core import mail, signing
from django.urls import reverse

from accounts import addresses
from accounts.models import Profile
from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "a sturdy clause 42"


def sign_up(client, username: str, email: str):
    data = {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("signup"), data)


def link_in(message) -> str:
    match = re.search(r"http://testserver(/accounts/profile/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_signup_keeps_the_address_waiting_and_mails_a_link_that_confirms_it(client):
    response = sign_up(client, "noor", "Noor@Example.org")
    assert response.status_code == 302
    user = User.objects.get(username="noor")
    assert user.email == ""  # not yet the account's: no resets or notifications go there
    assert user.profile.pending_email == "Noor@Example.org"
    [message] = mail.outbox
    assert message.to == ["Noor@Example.org"] and "Confirm your address" in message.subject
    page = client.get(reverse("profile")).content.decode()
    assert "Waiting for confirmation: Noor@Example.org" in page

    response = client.get(link_in(message))
    assert response.status_code == 302 and response["Location"] == reverse("profile")
    user.refresh_from_db()
    assert user.email == "Noor@Example.org" and user.profile.pending_email == ""
    assert "Noor@Example.org is now your account's address" in " ".join(said(response))
    # Following it twice is harmless.
    assert client.get(link_in(message)).status_code == 302
    user.refresh_from_db()
    assert user.email == "Noor@Example.org"


def test_signup_with_a_registered_address_looks_the_same_and_tells_only_its_owner(client):
    make_user("taken")  # taken@example.org
    fresh = sign_up(client, "first", "free@example.org")
    client.logout()
    again = sign_up(client, "second", "taken@example.org")
    # The same answer whether or not the address is someone's.
    assert (again.status_code, again["Location"]) == (fresh.status_code, fresh["Location"])
    assert [m.replace("taken@", "free@") for m in said(again)] == said(fresh)
    second = User.objects.get(username="second")
    assert second.email == "" and second.profile.pending_email == "taken@example.org"
    # The owner of the address hears of it, and gets no link that would hand it over.
    owner_mail = mail.outbox[-1]
    assert owner_mail.to == ["taken@example.org"]
    assert "already belongs to another account" in owner_mail.body
    assert "/password_reset/" in owner_mail.body and "confirm-email" not in owner_mail.body
    assert User.objects.get(username="taken").email == "taken@example.org"


def test_a_link_for_a_taken_address_is_refused(client):
    """Two people wait for one address; the first to confirm keeps it."""
    one, two = make_user("one", email=""), make_user("two", email="")
    for user in (one, two):
        Profile.objects.create(user=user, pending_email="shared@example.org")
    token_one, token_two = (addresses.make_token(u, "shared@example.org") for u in (one, two))
    assert addresses.confirm(token_one, user=one) == "shared@example.org"
    with pytest.raises(addresses.ConfirmError, match="Another account confirmed this address first"):
        addresses.confirm(token_two, user=two)
    two.refresh_from_db()
    assert two.email == ""


def test_a_link_works_only_for_its_own_account_and_its_newest_address():
    user, other = make_user("ana", email=""), make_user("bo", email="")
    Profile.objects.create(user=user, pending_email="new@example.org")
    token = addresses.make_token(user, "new@example.org")
    with pytest.raises(addresses.ConfirmError, match="another account"):
        addresses.confirm(token, user=other)
    old = addresses.make_token(user, "older@example.org")
    with pytest.raises(addresses.ConfirmError, match="since changed"):
        addresses.confirm(old, user=user)
    with pytest.raises(addresses.ConfirmError, match="not valid"):
        addresses.confirm(token[:-2] + "xx", user=user)
    user.refresh_from_db()
    assert user.email == ""


def test_an_old_link_has_expired(monkeypatch):
    user = make_user("cy", email="")
    Profile.objects.create(user=user, pending_email="cy@example.org")
    token = addresses.make_token(user, "cy@example.org")
    with pytest.raises(addresses.ConfirmError, match="expired"):
        addresses.read_token(token, max_age=-1)
    assert addresses.read_token(token) == (user.pk, "cy@example.org")


def test_a_bad_link_says_why_on_the_profile_and_changes_nothing(client):
    user = make_user("dee")
    client.force_login(user)
    response = client.get(reverse("confirm-email", args=["garbage"]), follow=True)
    assert "This link is not valid" in response.content.decode()
    user.refresh_from_db()
    assert user.email == "dee@example.org"


def test_a_new_address_on_the_profile_waits_for_confirmation_and_the_old_one_stays(client):
    user = make_user("pia")
    client.force_login(user)
    response = client.post(reverse("profile"), {"display_name": "Pia", "email": "pia@new.example"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "pia@example.org"  # resets and notifications still go to the old one
    assert user.profile.pending_email == "pia@new.example"
    [message] = mail.outbox
    assert message.to == ["pia@new.example"]
    client.get(link_in(message))
    user.refresh_from_db()
    assert user.email == "pia@new.example"


def test_the_profile_never_says_an_address_is_registered(client):
    make_user("owner")
    user = make_user("pia")
    client.force_login(user)
    response = client.post(reverse("profile"), {"email": "owner@example.org"}, follow=True)
    body = response.content.decode()
    assert "Another account" not in body and "already" not in body
    assert "We sent a link to owner@example.org" in body
    user.refresh_from_db()
    assert user.email == "pia@example.org"


def test_resending_the_link_waits_a_minute_between_mails(client):
    user = make_user("eli", email="")
    Profile.objects.create(user=user, pending_email="eli@example.org")
    client.force_login(user)
    first = client.post(reverse("resend-confirmation"))
    assert first.status_code == 302 and len(mail.outbox) == 1
    second = client.post(reverse("resend-confirmation"))
    assert len(mail.outbox) == 1
    assert "You can ask again in" in " ".join(said(second))
    sent = Profile.objects.get(user=user).pending_sent_at
    Profile.objects.filter(user=user).update(pending_sent_at=sent - timedelta(minutes=5))
    assert addresses.resend_wait(Profile.objects.get(user=user)) == 0
    client.post(reverse("resend-confirmation"))
    assert len(mail.outbox) == 2


def test_a_failed_mail_is_said_and_the_address_still_waits(client, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.accounts.test_addresses.FailingBackend"}}
    response = sign_up(client, "fay", "fay@example.org")
    assert "could not send the confirmation mail" in " ".join(said(response))
    assert User.objects.get(username="fay").profile.pending_email == "fay@example.org"


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_a_token_names_the_account_and_the_address_and_nothing_else():
    user = make_user("gus")
    data = signing.loads(addresses.make_token(user, "Gus@Example.org"), salt=addresses.SALT)
    assert data == {"u": user.pk, "e": "gus@example.org"}
