"""Failures answer as a load balancer and a person expect: 400 for bad input, 503 while the
database is away, health probes, and no 500 for any of them."""

from unittest import mock
from urllib.parse import urlencode

import pytest
from django.db import OperationalError
from django.test import Client

from licenses.models import LicenseVersion
from tests.factories import make_license, make_user

pytestmark = pytest.mark.django_db


def quiet_client() -> Client:
    client = Client()
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/licenses/?q=%00",
        "/licenses/%00/",
        "/compare/?a=%00",
        "/compare/?a=mit@1&b=%00x",
        "/reviews/?status=%00",
    ],
)
def test_a_nul_byte_in_the_address_is_a_branded_400(url):
    response = quiet_client().get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert "<h1>This request could not be read</h1>" in response.content.decode()


def test_a_nul_byte_in_a_form_field_is_a_400_and_writes_nothing(client):
    license = make_license(slug="nul-test")
    client.force_login(make_user(roles=("moderator",), is_superuser=True))
    response = client.post(
        f"/licenses/{license.slug}/versions/new/",
        urlencode({"label": "1.0\x00", "text": "1. Grant.\x00 You may copy."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    assert not LicenseVersion.objects.filter(license=license).exists()


def test_clean_input_passes_the_guard(client):
    make_license(slug="mit-like", name="MIT-like")
    assert client.get("/licenses/?q=MIT").status_code == 200


def test_every_response_carries_a_permissions_policy(client):
    policy = client.get("/").headers["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_readyz_is_503_with_retry_after_when_the_database_is_away(client):
    with mock.patch("config.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"


def test_a_database_outage_in_a_view_is_a_503_page_with_retry_after():
    from django.core.cache import cache

    cache.clear()  # a visitor's catalogue may be a shared render from an earlier test
    with mock.patch(
        "licenses.views.selectors.license_catalogue", side_effect=OperationalError("server closed")
    ):
        response = quiet_client().get("/licenses/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "Back in a moment" in response.content.decode()


def test_a_database_outage_before_the_view_is_also_a_503():
    """Sessions load in middleware, before any view: the handler still answers 503."""
    client = quiet_client()
    client.cookies["sessionid"] = "x" * 32
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore._get_session_from_db",
        side_effect=OperationalError("the database system is shutting down"),
    ):
        response = client.get("/reviews/")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"


def test_other_errors_stay_500():
    with mock.patch("licenses.views.selectors.license_catalogue", side_effect=RuntimeError("bug")):
        response = quiet_client().get("/licenses/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_a_body_over_the_request_cap_is_refused_from_its_length_before_reading(client, settings):
    settings.MAX_REQUEST_BODY = 1024
    response = client.generic(
        "POST", "/accounts/login/", b"x" * 2048, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "refused before it was read" in response.content.decode()
