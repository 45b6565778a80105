"""Personal tokens on the profile page: made with a name and a scope, shown once, stored hashed,
revoked by their owner only."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiToken
from api.tokens import MAX_ACTIVE_TOKENS, token_create
from tests.factories import make_user
from tests.security import diff, snapshot

pytestmark = pytest.mark.django_db


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_make_a_token_from_the_profile_page_and_see_it_once(version):
    user = make_user("tess", roles=("reviewer",))
    client = _logged_in(user)
    profile = client.get(reverse("profile")).content.decode()
    assert 'id="api-tokens"' in profile
    assert f'action="{reverse("api:token-create")}"' in profile
    assert "No tokens yet." in profile
    response = client.post(reverse("api:token-create"), {"name": "list bot", "scope": "write"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    key = re.search(r'value="(cw_[A-Za-z0-9_-]{43})"', response.content.decode()).group(1)
    token = ApiToken.objects.get(user=user)
    assert (token.name, token.scope) == ("list bot", "write")
    # Stored hashed: the secret is nowhere in the database, only its SHA-256.
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(ApiToken.objects.values().get())
    assert token.prefix == key[:11]
    # The profile lists it by name and prefix, never the secret.
    profile = client.get(reverse("profile")).content.decode()
    assert "<td>list bot</td>" in profile and token.prefix in profile
    assert key not in profile
    # And it works.
    api = Client().get(reverse("api:licenses"), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.status_code == 200
    assert api["Cache-Control"] == "private, no-cache"


def test_token_form_validation():
    user = make_user("tom")
    client = _logged_in(user)
    for data in (
        {"name": "", "scope": "read"},
        {"name": "x", "scope": "admin"},
        {"name": "   ", "scope": "read"},
    ):
        response = client.post(reverse("api:token-create"), data)
        assert response.status_code == 422, data
    assert not ApiToken.objects.exists()
    assert client.get(reverse("api:token-create")).status_code == 200


def test_a_person_has_at_most_a_few_active_tokens():
    user = make_user("tina")
    for i in range(MAX_ACTIVE_TOKENS):
        token_create(user=user, name=f"t{i}", scope="read")
    response = _logged_in(user).post(reverse("api:token-create"), {"name": "one more", "scope": "read"})
    assert response.status_code == 422
    assert "Revoke one" in response.content.decode()


def test_revoke_own_token_only():
    owner, other = make_user("olive"), make_user("oscar", roles=("moderator",))
    token, key = token_create(user=owner, name="dashboard", scope="read")
    url = reverse("api:token-revoke", args=[token.pk])
    before = snapshot()
    assert _logged_in(other).post(url).status_code == 404
    assert Client().post(url).status_code == 302  # to the login page
    assert _logged_in(owner).get(url).status_code == 405
    assert diff(before, snapshot()) == []
    token.refresh_from_db()
    assert token.revoked_at is None
    response = _logged_in(owner).post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("profile") + "#api-tokens"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client().get(reverse("api:licenses"), HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert "<td>dashboard</td>" not in _logged_in(owner).get(reverse("profile")).content.decode()
    assert _logged_in(owner).post(url).status_code == 404  # already revoked


def test_token_pages_need_an_account():
    response = Client().get(reverse("api:token-create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert Client().post(reverse("api:token-create"), {"name": "x", "scope": "write"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_token_forms_need_csrf():
    user = make_user("cass")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(reverse("api:token-create"), {"name": "x", "scope": "write"}).status_code == 403
    token, _ = token_create(user=user, name="y", scope="read")
    assert client.post(reverse("api:token-revoke", args=[token.pk])).status_code == 403
    assert ApiToken.objects.active().count() == 1
