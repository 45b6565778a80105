"""Writes through the API: the same services, rights, limits and validation as the pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from review.models import Comment, Position, Thread
from tests.api import post
from tests.factories import osd_criterion

pytestmark = pytest.mark.django_db

THREAD_MBOX = "".join(
    f"From list@example.org Thu May  1 10:00:00 2025\n{m}\n"
    for m in (
        "From: Dana Wu <dana@example.org>\nDate: Fri, 02 May 2025 10:01:00 +0000\n"
        "Subject: Re: Sample (1)\nMessage-ID: <m1@lists.example.org>\n\n"
        "Section 2.2(b) worries me: the notice is unclear for mixed datasets.\n",
        "From: Eli Park <eli@example.org>\nDate: Sat, 03 May 2025 10:02:00 +0000\n"
        "Subject: Re: Sample (2)\nMessage-ID: <m2@lists.example.org>\n\n"
        "Thanks for opening this review.\n",
    )
)


def test_a_reply_posted_with_a_token_shows_on_the_review_page(client, review, thread, people):
    url = reverse("api:comment-create", args=[review.pk, thread.pk])
    response = post(client, url, {"body": "Posted by the *list bot*.", "stance": "support"}, people["other"])
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["author"] == "olga"
    assert data["stance"] == "support"
    assert data["body_html"].strip() == "<p>Posted by the <em>list bot</em>.</p>"
    assert response["Location"] == f"http://testserver/api/v1/reviews/{review.pk}/threads/{thread.pk}/"
    comment = Comment.objects.get(pk=data["id"])
    assert (comment.author, comment.thread, comment.source) == (people["other"].user, thread, "web")
    page = Client().get(reverse("review:review-detail", args=[review.pk]))
    html = page.content.decode()
    assert f'id="m-{comment.pk}"' in html
    assert "Posted by the <em>list bot</em>." in html


def test_start_a_thread_on_a_clause_and_on_quoted_words(client, review, clause, people):
    url = reverse("api:thread-create", args=[review.pk])
    response = post(
        client,
        url,
        {
            "clause": "2.2(b)",
            "body": "Which notice?",
            "stance": "question",
            "criterion": osd_criterion(6).key,
            "quote": {"exact": "as a dataset"},
        },
        people["reviewer"],
    )
    assert response.status_code == 201, response.content
    data = response.json()
    thread = Thread.objects.get(pk=data["id"])
    assert (thread.clause, thread.criterion, thread.started_by) == (
        clause,
        osd_criterion(6),
        people["reviewer"].user,
    )
    assert data["quote"]["exact"] == "as a dataset"
    assert data["quote"]["start"] == clause.text.index("as a dataset")
    assert data["clause"] == {"path": "2.2(b)", "anchor": "2.2.b"}
    assert [c["body"] for c in data["comments"]] == ["Which notice?"]
    assert response["Location"].endswith(f"/threads/{thread.pk}/")
    assert client.get(response["Location"]).json()["id"] == thread.pk
    # By anchor, on the whole clause.
    response = post(client, url, {"clause": "2.2.b", "body": "Whole clause."}, people["reviewer"])
    assert response.status_code == 201
    assert response.json()["quote"] is None


def test_writes_are_validated_by_the_services(client, review, thread, people):
    reviewer = people["reviewer"]
    url = reverse("api:thread-create", args=[review.pk])
    cases = [
        ({"clause": "9.9", "body": "x"}, "invalid", "no clause"),
        ({"clause": "2.2.b", "body": "   "}, "invalid", "empty"),
        ({"clause": "2.2.b", "body": "x" * 20_001}, "invalid", "20,000"),
        (
            {"clause": "2.2.b", "body": "x", "quote": {"exact": "not in the clause"}},
            "invalid",
            "not in this clause",
        ),
        ({"clause": "2.2.b", "body": "x", "criterion": "no-such"}, "invalid", "not a criterion"),
        ({"clause": "2.2.b", "body": "x", "stance": "rant"}, "invalid_request", "stance"),
        ({"body": "x"}, "invalid_request", "clause"),
    ]
    before = Thread.objects.count()
    for payload, code, words in cases:
        response = post(client, url, payload, reviewer)
        assert response.status_code == 422, (payload, response.content)
        assert response.json()["code"] == code
        assert words in response.json()["message"], (words, response.json())
    bad_json = client.post(url, "{not json", content_type="application/json", **reviewer.headers())
    assert bad_json.status_code in (400, 422)
    assert bad_json.json()["code"]
    assert Thread.objects.count() == before


def test_set_a_position_with_optimistic_locking(client, review, clause, thread, people):
    url = reverse("api:position-set", args=[review.pk])
    cell = {"clause": "2.2.b", "criterion": osd_criterion(6).key}
    reviewer = people["reviewer"]
    created = post(
        client,
        url,
        {**cell, "verdict": "concern", "rationale": "Hmm.", "expected_version": 0, "threads": [thread.pk]},
        reviewer,
    )
    assert created.status_code == 201, created.content
    assert created.json()["version"] == 1
    assert created.json()["threads"] == [thread.pk]
    updated = post(client, url, {**cell, "verdict": "conflicts", "expected_version": 1}, reviewer)
    assert updated.status_code == 200
    assert (updated.json()["verdict"], updated.json()["version"]) == ("conflicts", 2)
    stale = post(client, url, {**cell, "verdict": "complies", "expected_version": 1}, reviewer)
    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "conflict"
    assert "version 1" in body["message"] and "version 2" in body["message"]
    assert body["current"]["verdict"] == "conflicts"
    assert body["current"]["version"] == 2
    assert Position.objects.get(reviewer=reviewer.user).verdict == "conflicts"
    # A position that was never there: starting from version 3 is stale too.
    missing = post(
        client,
        url,
        {**cell, "criterion": osd_criterion(5).key, "verdict": "complies", "expected_version": 3},
        reviewer,
    )
    assert missing.status_code == 409
    assert missing.json()["current"] is None


def test_position_validation(client, review, people):
    url = reverse("api:position-set", args=[review.pk])
    reviewer = people["reviewer"]
    other = services.thread_start(
        review=review, clause=review.version.clauses.get(anchor="3"), author=reviewer.user, body="Elsewhere."
    )
    base = {"clause": "2.2.b", "criterion": osd_criterion(6).key, "verdict": "concern", "expected_version": 0}
    for payload, code in [
        ({**base, "verdict": "maybe"}, "invalid_request"),
        ({**base, "expected_version": -1}, "invalid_request"),
        ({**base, "threads": [other.pk]}, "invalid"),  # a thread on another clause
        ({**base, "threads": [987654]}, "invalid"),
        ({**base, "criterion": "nope"}, "invalid"),
    ]:
        response = post(client, url, payload, reviewer)
        assert response.status_code == 422, (payload, response.content)
        assert response.json()["code"] == code
    assert not Position.objects.exists()


def test_positions_are_closed_on_a_decided_review(client, review, people):
    services.review_decide(review=review, user=people["moderator"].user, status="approved", rationale="Done.")
    response = post(
        client,
        reverse("api:position-set", args=[review.pk]),
        {"clause": "2.2.b", "criterion": osd_criterion(6).key, "verdict": "concern", "expected_version": 0},
        people["reviewer"],
    )
    assert response.status_code == 422
    assert "positions are closed" in response.json()["message"]


def test_moderator_imports_a_mail_thread(client, review, people):
    url = reverse("api:mail-import", args=[review.pk])
    moderator = people["moderator"]
    dry = post(client, url, {"raw": THREAD_MBOX, "dry_run": True}, moderator)
    assert dry.status_code == 200, dry.content
    assert dry.json()["imported"] == 0
    messages = dry.json()["messages"]
    assert [m["author"] for m in messages] == ["Dana Wu", "Eli Park"]
    assert messages[0]["clause"] == {"path": "2.2(b)", "anchor": "2.2.b"}
    assert messages[1]["clause"] is None
    assert not Comment.objects.exists()
    done = post(client, url, {"raw": THREAD_MBOX}, moderator)
    assert done.status_code == 201
    assert done.json()["imported"] == 2
    assert len(done.json()["threads"]) == 2
    assert Comment.objects.filter(source="mail").count() == 2
    again = post(client, url, {"raw": THREAD_MBOX}, moderator)
    assert again.status_code == 200
    assert (again.json()["imported"], again.json()["already_there"]) == (0, 2)
    bad = post(client, url, {"raw": "MZ\x90\x00" + "\x00\x01\x02" * 20}, moderator)
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid"


def test_comment_rate_limit_is_the_sites(client, review, thread, people, settings, rate_window):
    settings.REVIEW_COMMENTS_PER_MINUTE = 2
    url = reverse("api:comment-create", args=[review.pk, thread.pk])
    other = people["other"]
    assert post(client, url, {"body": "One."}, other).status_code == 201
    # The page's form counts against the same limit.
    web = Client()
    web.force_login(other.user)
    web.post(reverse("review:thread-reply", args=[review.pk, thread.pk]), {"body": "Two.", "stance": "note"})
    limited = post(client, url, {"body": "Three."}, other)
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert int(limited["Retry-After"]) > 0
    assert thread.comments.count() == 3  # the first comment and two replies


# --- CSRF -----------------------------------------------------------------------------------------


def test_a_session_write_needs_the_csrf_token(review, thread, people):
    other = people["other"].user
    url = reverse("api:comment-create", args=[review.pk, thread.pk])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(other)
    refused = browser.post(url, {"body": "From a page elsewhere."}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"
    wrong = browser.post(url, {"body": "x"}, content_type="application/json", HTTP_X_CSRFTOKEN="x" * 32)
    assert wrong.status_code == 403
    assert thread.comments.count() == 1
    browser.get(reverse("api:docs"))  # sets the CSRF cookie, as the docs page does for "Try it out"
    token = browser.cookies["csrftoken"].value
    allowed = browser.post(
        url, {"body": "With the token."}, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert allowed.status_code == 201
    assert thread.comments.count() == 2


def test_a_token_write_needs_no_csrf_token(review, thread, people):
    strict = Client(enforce_csrf_checks=True)
    url = reverse("api:comment-create", args=[review.pk, thread.pk])
    response = post(strict, url, {"body": "Token only."}, people["other"])
    assert response.status_code == 201
    # A session cookie beside the token does not make the token's request need CSRF either.
    strict.force_login(people["other"].user)
    assert post(strict, url, {"body": "Both."}, people["other"]).status_code == 201


def test_a_body_over_the_request_cap_is_413_json(client, review, thread, people, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    url = reverse("api:mail-import", args=[review.pk])
    response = post(client, url, {"raw": "x" * (100 * 1024)}, people["moderator"])
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not Comment.objects.filter(source="mail").exists()
