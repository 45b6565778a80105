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


def test_default_export_is_the_summary_and_transcript_is_asked_for(review):
    client = Client()
    url = reverse("review:export", args=[review.pk, "md"])
    summary = client.get(url)
    assert summary.content.decode().startswith("# Summary of the review of")
    assert "transcript" not in summary["Content-Disposition"]
    response = client.get(url, {"kind": "transcript"})
    assert response["Content-Disposition"].endswith(f'review-{review.pk}-transcript.md"')
    transcript = response.content.decode()
    assert transcript.startswith("# Review of")
    assert "Too **wide**." in transcript
    assert client.get(url, {"kind": "novel"}).status_code == 404


def test_html_export_renders_markdown(review):
    page = Client().get(reverse("review:export", args=[review.pk, "html"]), {"kind": "transcript"})
    body = page.content.decode()
    assert "<strong>wide</strong>" in body and "**wide**" not in body


def test_plain_text_for_the_mailing_list_is_wrapped(review):
    response = Client().get(reverse("review:export", args=[review.pk, "txt"]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Clauses in dispute\n------------------" in text
    assert all(len(line) <= 72 or line.strip().startswith("http") for line in text.splitlines())
    assert (
        Client().get(reverse("review:export", args=[review.pk, "txt"]), {"kind": "transcript"}).status_code
        == 404
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "txt"])
def test_exports_of_a_private_review_are_404_for_others(review, fmt):
    review.is_public = False
    review.save(update_fields=["is_public"])
    assert Client().get(reverse("review:export", args=[review.pk, fmt])).status_code == 404
