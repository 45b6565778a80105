"""HTTP manners: tokens and their failures, ETag / If-None-Match, Cache-Control, CORS, rate limits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from api.models import ApiToken
from api.tokens import token_revoke
from tests.api import get

pytestmark = pytest.mark.django_db


def test_a_bad_or_revoked_token_is_401_not_anonymous(client, version, people):
    url = reverse("api:version", args=["sample", "1.0"])
    for header in ("Bearer cw_not-a-token", "Bearer nothing", "Basic dXNlcjpwYXNz", "Token x"):
        response = client.get(url, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
        assert response.json()["code"] == "invalid_token"
        assert response["WWW-Authenticate"].startswith("Bearer")
    reader = people["reader"]
    assert get(client, url, reader).status_code == 200
    token = ApiToken.objects.get(user=reader.user, scope="read")
    token_revoke(token=token, user=reader.user)
    assert get(client, url, reader).status_code == 401


def test_a_token_of_a_deactivated_account_stops_working(client, version, people):
    reader = people["reader"]
    reader.user.is_active = False
    reader.user.save()
    assert get(client, reverse("api:licenses"), reader).status_code == 401


def test_a_token_records_when_it_was_last_used(client, version, people):
    reader = people["reader"]
    token = ApiToken.objects.get(user=reader.user, scope="read")
    assert token.last_used_at is None
    get(client, reverse("api:licenses"), reader)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_etag_and_if_none_match_give_304(client, version):
    url = reverse("api:version", args=["sample", "1.0"])
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) == 34
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_etag_changes_when_the_data_does(client, review, thread, people):
    from review import services

    url = reverse("api:review", args=[review.pk])
    etag = client.get(url)["ETag"]
    services.comment_add(thread=thread, author=people["other"].user, body="New.")
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_cache_control_public_for_anonymous_private_for_tokens(client, version, people):
    url = reverse("api:licenses")
    anonymous = client.get(url)
    assert anonymous["Cache-Control"] == "public, max-age=60"
    assert {"Authorization", "Cookie"} <= {v.strip() for v in anonymous["Vary"].split(",")}
    assert get(client, url, people["reader"])["Cache-Control"] == "private, no-cache"
    missing = client.get(reverse("api:license", args=["nope"]))
    assert missing["Cache-Control"] == "no-store"


def test_cors_is_off_by_default(client, version):
    response = client.get(reverse("api:licenses"), HTTP_ORIGIN="https://dashboard.example")
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        reverse("api:licenses"),
        HTTP_ORIGIN="https://dashboard.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_cors_for_configured_origins_without_credentials(client, version, settings):
    settings.API_CORS_ALLOWED_ORIGINS = ["https://dashboard.example"]
    url = reverse("api:licenses")
    response = client.get(url, HTTP_ORIGIN="https://dashboard.example")
    assert response["Access-Control-Allow-Origin"] == "https://dashboard.example"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert "Origin" in response["Vary"]
    preflight = client.options(
        url,
        HTTP_ORIGIN="https://dashboard.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert preflight.status_code == 204
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    other = client.get(url, HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    # Pages outside the API never get CORS headers.
    assert "Access-Control-Allow-Origin" not in client.get(
        "/licenses/", HTTP_ORIGIN="https://dashboard.example"
    )


def test_rate_limit_per_token_with_retry_after(client, version, people, settings, rate_window):
    settings.API_REQUESTS_PER_MINUTE = 3
    url = reverse("api:licenses")
    reader, other = people["reader"], people["other"]
    for _ in range(3):
        assert get(client, url, reader).status_code == 200
    response = get(client, url, reader)
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another person's token has its own count; so does the same person's other token.
    assert get(client, url, other).status_code == 200
    assert get(client, url, reader, scope="write").status_code == 200


def test_wrong_tokens_count_against_the_address(client, version, settings, rate_window):
    """Guessing tokens costs the guesser: each wrong one counts as an anonymous request from its
    address, and past the limit the answer is 429, not another 401."""
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 2
    url = reverse("api:licenses")
    wrong = {"HTTP_AUTHORIZATION": "Bearer cw_not-a-token", "REMOTE_ADDR": "10.0.0.9"}
    assert [client.get(url, **wrong).status_code for _ in range(2)] == [401, 401]
    limited = client.get(url, **wrong)
    assert limited.status_code == 429 and "Retry-After" in limited
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 429  # the same address, as a reader
    assert client.get(url, REMOTE_ADDR="10.0.0.8").status_code == 200


def test_rate_limit_for_anonymous_readers_by_address(client, version, settings, rate_window):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 2
    url = reverse("api:licenses")
    assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 200
    limited = client.get(url, REMOTE_ADDR="10.0.0.1")
    assert limited.status_code == 429
    assert "Retry-After" in limited
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200
