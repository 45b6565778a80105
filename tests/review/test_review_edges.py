"""The review page at its edges (issue 13): the decision form's thread list, history after htmx
posts, counts updated out of band."""

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from tests.factories import make_review, make_user
from tests.review.test_security import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
HX = {"HTTP_HX_REQUEST": "true"}


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_decision_form_tells_threads_on_the_same_words_apart():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    ana = make_user("ana", roles=("reviewer",))
    ben = make_user("ben", roles=("reviewer",))
    quote = services.Quote(exact="you must include a notice")
    t1 = services.thread_start(
        review=review, clause=clause, author=ana, body="Too wide for datasets.", quote=quote
    )
    t2 = services.thread_start(review=review, clause=clause, author=ben, body="Fine as it is.", quote=quote)
    services.comment_add(thread=t2, author=ana, body="Why?")
    services.thread_resolve(thread=t2, user=make_user("mona", roles=("moderator",)))
    page = parse(
        login(make_user("mod2", roles=("moderator",)))
        .get(reverse("review:review-decide", args=[review.pk]))
        .content
    )
    labels = [label.text.strip() for label in page.find_all("label") if label.find("input", name="threads")]
    assert labels == [
        "2.2(b) · ana: “Too wide for datasets.” · open, 1 comment",
        "2.2(b) · ben: “Fine as it is.” · resolved, 2 comments",
    ]
    assert t1.pk != t2.pk


def test_the_review_page_is_never_shown_from_a_stale_cache():
    review = make_review()
    # Signed in (the one who posts with htmx): never kept.
    response = login(make_user("rita", roles=("reviewer",))).get(review.get_absolute_url())
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")
    # A visitor: kept, but asked again every time (no-cache), against the review's stamp.
    response = Client().get(review.get_absolute_url())
    assert response["Cache-Control"] == "no-cache"
    assert response["ETag"]


def test_htmx_new_thread_replaces_the_url_and_updates_counts_out_of_band():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    client = login(make_user("rita", roles=("reviewer",)))
    response = client.post(
        reverse("review:thread-create", args=[review.pk]),
        {"clause": clause.pk, "body": "Too wide.", "stance": "objection"},
        HTTP_HX_CURRENT_URL=f"http://testserver{review.get_absolute_url()}?show=all#old",
        **HX,
    )
    assert response.status_code == 200
    thread = review.threads.get()
    assert response["HX-Replace-Url"] == f"{review.get_absolute_url()}?show=all#{thread.dom_id}"
    doc = parse(response.content)
    totals = doc.find(id="review-totals")
    assert totals.attrs["hx-swap-oob"] == "true"
    assert " ".join(totals.text.split()) == "1 thread (1 open, 0 resolved) · 1 comment on 1 clause"
    assert doc.find(id="count-open").text == "1"
    assert doc.find(id=f"toc-heat-{clause.pk}").attrs["hx-swap-oob"] == "true"


def test_htmx_reply_and_resolve_update_counts_out_of_band():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    thread = services.thread_start(review=review, clause=clause, author=rita, body="First.")
    client = login(rita)
    response = client.post(
        reverse("review:thread-reply", args=[review.pk, thread.pk]),
        {"body": "Second.", "stance": "note"},
        HTTP_HX_CURRENT_URL=f"http://testserver{review.get_absolute_url()}",
        **HX,
    )
    comment = thread.comments.order_by("-pk").first()
    assert response["HX-Replace-Url"] == f"{review.get_absolute_url()}#{comment.dom_id}"
    doc = parse(response.content)
    assert "2 comments on 1 clause" in " ".join(doc.find(id="review-totals").text.split())
    meta = doc.find(id=f"clause-meta-{clause.pk}")
    assert meta.attrs["hx-swap-oob"] == "true"
    assert "1 thread · 2 comments" in " ".join(meta.text.split())
    mod = login(make_user("mona", roles=("moderator",)))
    response = mod.post(reverse("review:thread-resolve", args=[review.pk, thread.pk]), **HX)
    doc = parse(response.content)
    assert doc.find(id="count-open").text == "0"
    assert doc.find(id="count-resolved").text == "1"
    assert "(1 resolved)" in doc.find(id=f"clause-meta-{clause.pk}").text
