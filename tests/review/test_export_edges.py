"""Exports at the edges: permalinks from the request when SITE_URL is unset (issue 13)."""

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from tests.factories import make_review, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    review = make_review()
    author = make_user("rita", roles=("reviewer",))
    clause = review.version.clauses.get(anchor="2.2.b")
    services.thread_start(review=review, clause=clause, author=author, body="Too **wide**.")
    return review


def test_permalinks_use_the_request_host_when_site_url_is_unset(review, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["review.example.org"]
    client = Client(HTTP_HOST="review.example.org:8443")
    body = client.get(reverse("review:export", args=[review.pk, "md"]), secure=True).content.decode()
    assert f"https://review.example.org:8443{review.get_absolute_url()}" in body
    assert "127.0.0.1:8000" not in body


def test_site_url_wins_when_set(review, settings):
    settings.SITE_URL = "https://clausewise.example"
    body = Client().get(reverse("review:export", args=[review.pk, "md"])).content.decode()
    assert f"https://clausewise.example{review.get_absolute_url()}" in body
    assert "http://testserver" not in body
