import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from accounts.models import Profile
from tests.factories import make_user
from tests.review.test_security import parse

pytestmark = pytest.mark.django_db
PASSWORD = "a sturdy clause 42"


@pytest.mark.production_hashers
def test_argon2_is_the_first_hasher_and_validators_are_on():
    assert django_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert len(django_settings.AUTH_PASSWORD_VALIDATORS) == 4


@pytest.mark.production_hashers
def test_signup_creates_account_profile_and_logs_in(client):
    response = client.post(
        reverse("signup"),
        {
            "username": "noor",
            "email": "noor@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Noor H.",
            "affiliation": "OSI volunteer",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("profile")
    user = User.objects.get(username="noor")
    assert user.password.startswith("argon2")
    assert (user.profile.display_name, user.profile.affiliation) == ("Noor H.", "OSI volunteer")
    assert not user.groups.exists()  # roles come from a moderator, not from signing up
    page = client.get(reverse("profile"))
    assert page.status_code == 200 and "noor" in page.content.decode()


def test_signup_rejects_weak_password(client):
    response = client.post(
        reverse("signup"),
        {"username": "x", "email": "x@example.org", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    errors = " ".join(e.text for e in parse(response.content).find_all(class_="form-error"))
    assert "too common" in errors
    assert not User.objects.filter(username="x").exists()


def test_signup_next_is_only_followed_on_this_site(client):
    data = {"username": "ana", "email": "ana@example.org", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(reverse("signup") + "?next=https://evil.example/", data)
    assert response["Location"] == reverse("profile")


def test_profile_edit(client):
    user = make_user("pia")
    client.force_login(user)
    response = client.post(
        reverse("profile"), {"display_name": "Pia", "affiliation": "ACME", "email": "pia@example.org"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.profile.display_name, user.profile.affiliation, user.email) == (
        "Pia",
        "ACME",
        "pia@example.org",
    )
    assert Profile.objects.count() == 1
    assert mail.outbox == []  # the address did not change: nothing to confirm


def test_profile_needs_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_login_and_logout_by_post(client):
    make_user("lou", password=PASSWORD)
    response = client.post(reverse("login"), {"username": "lou", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("profile")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST
    client.post(reverse("logout"))
    assert client.get(reverse("profile")).status_code == 302


def test_five_failed_logins_lock_out_with_a_clear_message(client):
    make_user("lee", password=PASSWORD)
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "lee", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "lee", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in parse(response.content).find("h1").text


def test_password_reset_by_mail(client):
    make_user("ria")
    response = client.post(reverse("password_reset"), {"email": "ria@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Clausewise password"
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    response = client.get(link.split("testserver")[1], follow=True)
    assert "Choose a new password" in response.content.decode()


def test_password_change_page(client):
    user = make_user("cam", password=PASSWORD)
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another sturdy one 7",
            "new_password2": "another sturdy one 7",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another sturdy one 7")
