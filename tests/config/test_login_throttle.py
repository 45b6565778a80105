"""A flood of failed logins is refused before any password hash is computed."""

import pytest
from django.contrib.auth import hashers
from django.core.cache import cache
from django.urls import reverse

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rate_window")]


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 5
    settings.LOGIN_FAILURES_GLOBAL = 12
    settings.AXES_FAILURE_LIMIT = 1000  # the pair lockout is tested elsewhere; here the address counts
    cache.clear()
    yield
    cache.clear()


def fail(client, username, address="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def test_fresh_usernames_from_one_address_are_throttled_without_hashing(client, monkeypatch):
    for n in range(5):
        assert fail(client, f"nobody{n}").status_code == 200  # the form again, with its error
    hashed = []
    monkeypatch.setattr(hashers, "check_password", lambda *a, **k: hashed.append(1) or False)
    response = fail(client, "nobody-else")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many failed log-ins" in response.content.decode()
    assert hashed == []


def test_other_addresses_still_log_in(client):
    make_user("ada", password="a sturdy clause 42")
    for n in range(5):
        fail(client, f"nobody{n}")
    response = client.post(
        reverse("login"), {"username": "ada", "password": "a sturdy clause 42"}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 302


def test_a_flood_from_many_addresses_throttles_everyone(client):
    for n in range(12):
        fail(client, f"nobody{n}", address=f"192.0.2.{n}")
    assert fail(client, "one-more", address="198.51.100.200").status_code == 429
