"""Reviews as data: the list of public reviews, and one review with its threads, comments,
positions and decision. Visibility is the site's: private reviews are 404 to outsiders."""

from __future__ import annotations

import pytest
from django.urls import reverse

from review import services
from review.matrix.services import position_set
from review.models import Stance
from tests.api import get
from tests.factories import make_review, make_version, numbered_text, osd_criterion

pytestmark = pytest.mark.django_db


def test_review_detail_has_threads_comments_positions(client, review, clause, thread, people):
    reviewer, other, moderator = people["reviewer"].user, people["other"].user, people["moderator"].user
    services.comment_add(thread=thread, author=other, body="Yes: **dataset**.", stance=Stance.SUPPORT)
    hidden = services.comment_add(thread=thread, author=other, body="Rude words.")
    services.comment_hide(comment=hidden, user=moderator, reason="Off topic.")
    deleted = services.comment_add(thread=thread, author=reviewer, body="Oops.")
    services.comment_delete(comment=deleted, user=reviewer)
    quoted = services.thread_start(
        review=review,
        clause=clause,
        author=other,
        body="This part.",
        criterion=osd_criterion(6),
        quote=services.Quote(exact="as a dataset"),
    )
    position_set(
        review=review,
        clause=clause,
        criterion=osd_criterion(6),
        reviewer=reviewer,
        verdict="concern",
        rationale="See *the thread*.",
        expected_version=0,
        threads=[quoted],
    )
    response = client.get(reverse("api:review", args=[review.pk]))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "open"
    assert data["license"]["slug"] == "sample"
    assert data["version"]["ref"] == "sample@1.0"
    assert data["criterion_set"] == "osd-1.9"
    assert len(data["criteria"]) == 10
    assert data["decision"] is None
    assert data["html_url"] == f"http://testserver/reviews/{review.pk}/"
    first, second = data["threads"]
    assert first["id"] == thread.pk
    assert first["clause"] == {"path": "2.2(b)", "anchor": "2.2.b"}
    assert first["quote"] is None and first["status"] == "open"
    assert first["started_by"] == "rex"
    bodies = [(c["author"], c["stance"], c["body"], c["deleted"], c["hidden"]) for c in first["comments"]]
    assert bodies == [
        ("rex", "note", "Is *this* a dataset notice?", False, False),
        ("olga", "support", "Yes: **dataset**.", False, False),
        ("olga", "note", None, False, True),
        ("rex", "note", None, True, False),
    ]
    assert first["comments"][0]["body_html"].strip() == "<p>Is <em>this</em> a dataset notice?</p>"
    assert first["comments"][2]["hidden_reason"] == "Off topic."
    assert first["comments"][2]["body_html"] is None
    assert second["quote"]["exact"] == "as a dataset"
    assert second["quote"]["prefix"].endswith("collection of Output ")
    assert second["criterion"] == osd_criterion(6).key
    [position] = data["positions"]
    assert position["clause"]["anchor"] == "2.2.b"
    assert position["criterion"] == osd_criterion(6).key
    assert (position["reviewer"], position["verdict"], position["version"]) == ("rex", "concern", 1)
    assert position["rationale"] == "See *the thread*."
    assert position["rationale_html"].strip() == "<p>See <em>the thread</em>.</p>"
    assert position["threads"] == [quoted.pk]


def test_review_decision(client, review, thread, people):
    services.review_decide(
        review=review, user=people["moderator"].user, status="approved", rationale="Fine.", threads=[thread]
    )
    decision = client.get(reverse("api:review", args=[review.pk])).json()["decision"]
    assert decision["status"] == "approved"
    assert decision["by"] == "mo"
    assert decision["rationale"] == "Fine."
    assert decision["threads"] == [thread.pk]


def test_review_detail_runs_a_fixed_number_of_queries(
    client, review, clause, people, django_assert_max_num_queries
):
    reviewer = people["reviewer"].user
    url = reverse("api:review", args=[review.pk])

    def grow(n: int) -> None:
        for i in range(n):
            t = services.thread_start(review=review, clause=clause, author=reviewer, body=f"Thread {i}")
            services.comment_add(thread=t, author=people["other"].user, body="Reply.")

    grow(1)
    with django_assert_max_num_queries(10) as small:
        client.get(url)
    grow(20)
    with django_assert_max_num_queries(10) as large:
        response = client.get(url)
    assert len(response.json()["threads"]) == 21
    assert len(small.captured_queries) == len(large.captured_queries)


def test_thread_endpoint(client, review, thread):
    response = client.get(reverse("api:thread", args=[review.pk, thread.pk]))
    assert response.status_code == 200
    assert response.json()["comments"][0]["body"] == "Is *this* a dataset notice?"
    other = make_review()
    assert client.get(reverse("api:thread", args=[other.pk, thread.pk])).status_code == 404


def test_review_list_shows_public_reviews_with_counts(client, review, thread, people):
    private = make_review(make_version(label="private"), is_public=False)
    response = client.get(reverse("api:reviews"))
    data = response.json()
    assert [r["id"] for r in data["results"]] == [review.pk]
    item = data["results"][0]
    assert item["license"]["slug"] == "sample"
    assert item["version"] == "1.0"
    assert (item["thread_count"], item["open_thread_count"], item["comment_count"]) == (1, 1, 1)
    assert item["url"] == f"http://testserver/api/v1/reviews/{review.pk}/"
    # As on the site, the list is of public reviews whoever asks; a private one is reached by id.
    as_moderator = get(client, reverse("api:reviews"), people["moderator"]).json()
    assert private.pk not in [r["id"] for r in as_moderator["results"]]


def test_review_list_filters(client, review, people):
    decided = make_review(make_version(label="2.0"))
    services.review_decide(review=decided, user=people["moderator"].user, status="rejected", rationale="No.")
    url = reverse("api:reviews")
    assert [r["id"] for r in client.get(url, {"status": "rejected"}).json()["results"]] == [decided.pk]
    assert [r["id"] for r in client.get(url, {"license": "sample"}).json()["results"]] == [review.pk]
    assert client.get(url, {"status": "lost"}).status_code == 422


def test_review_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for i in range(3):
        make_review(make_version(text=numbered_text(2), label=f"{i}"))
    with django_assert_max_num_queries(2):
        small = client.get(reverse("api:reviews"), {"page_size": 2}).json()
    for i in range(25):
        make_review(make_version(text=numbered_text(2), label=f"x{i}"))
    with django_assert_max_num_queries(2):
        large = client.get(reverse("api:reviews"), {"page_size": 25}).json()
    assert (len(small["results"]), len(large["results"]), large["count"]) == (2, 25, 28)
    assert large["next"].endswith("?page=2&page_size=25")


def test_private_review_is_404_to_outsiders_and_readable_by_its_readers(client, people):
    private = make_review(make_version(label="p"), is_public=False, opened_by=people["reviewer"].user)
    url = reverse("api:review", args=[private.pk])
    for who in (None, people["reader"], people["other"]):
        response = get(client, url, who)
        assert response.status_code == 404, who
        assert response.json() == {"code": "not_found", "message": "No such review."}
    for who in (people["moderator"], people["reviewer"]):  # a moderator, and the opener
        response = get(client, url, who, scope="read")
        assert response.status_code == 200
        assert response.json()["is_public"] is False
        assert response["Cache-Control"] == "private, no-cache"
    assert client.get(reverse("api:review", args=[999999])).status_code == 404
