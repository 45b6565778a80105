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


def _at(monkeypatch, seconds: float) -> None:
    """The throttle's clock at ``seconds`` past the start of a five-minute window."""
    import types

    from accounts import throttle

    start = 1_800_000_000 // throttle.WINDOW * throttle.WINDOW
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=lambda: start + seconds))


def test_a_flood_across_a_window_boundary_is_still_counted(client, monkeypatch):
    """Failures just before a five-minute boundary still count just after it: the window and the
    one before are counted together, so a flooder cannot try twice the limit across a boundary.
    They are forgotten once their window has dropped out."""
    from accounts import throttle

    _at(monkeypatch, throttle.WINDOW - 2)  # two seconds before the boundary
    for n in range(5):
        assert fail(client, f"nobody{n}").status_code == 200
    _at(monkeypatch, throttle.WINDOW + 1)  # one second after it
    response = fail(client, "nobody-else")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == throttle.WINDOW - 1  # when the window before drops out
    _at(monkeypatch, 2 * throttle.WINDOW - 1)
    assert fail(client, "nobody-else").status_code == 429
    _at(monkeypatch, 2 * throttle.WINDOW + 1)
    assert fail(client, "nobody-later").status_code == 200


def test_the_wait_is_until_the_two_windows_fall_under_the_limit():
    from accounts.throttle import WINDOW, _wait

    assert _wait(0, 0, 10, 5) == 0
    assert _wait(2, 2, 10, 5) == 0
    assert _wait(2, 3, 10, 5) == WINDOW - 10  # until the previous window drops out
    assert _wait(0, 9, 10.5, 5) == WINDOW - 10
    assert _wait(5, 0, 10, 5) == 2 * WINDOW - 10  # this window's own failures, one window more
