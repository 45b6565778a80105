"""A form post that is sent again (the client timed out after the server saved it, and the
browser or the person retried) is answered from the first answer instead of being saved twice."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from review.models import Comment, Thread
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
HX = {"HTTP_HX_REQUEST": "true"}
KEY = "k3y-5f0c2b7e9d1a4c6b"


@pytest.fixture
def setting():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    thread = services.thread_start(review=review, clause=clause, author=rita, body="First.")
    client = FormClient()
    client.force_login(rita)
    return review, thread, rita, client


class FormClient(Client):
    """Posts as a browser posts a plain form: URL-encoded (the test client's default is multipart)."""

    def post(self, path, data=None, **extra):
        return super().post(
            path, urlencode(data or {}), content_type="application/x-www-form-urlencoded", **extra
        )


def reply_url(review, thread):
    return reverse("review:thread-reply", args=[review.pk, thread.pk])


def test_a_retried_htmx_reply_is_stored_once_and_answered_the_same(setting):
    review, thread, rita, client = setting
    post = {"body": "Second.", "stance": "note", "_idem": KEY}
    first = client.post(reply_url(review, thread), post, **HX)
    again = client.post(reply_url(review, thread), post, **HX)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again["Idempotent-Replay"] == "true"
    assert list(thread.comments.values_list("body", flat=True)) == ["First.", "Second."]


def test_the_key_also_comes_as_a_header(setting):
    review, thread, rita, client = setting
    post = {"body": "Second.", "stance": "note"}
    client.post(reply_url(review, thread), post, HTTP_IDEMPOTENCY_KEY=KEY, **HX)
    client.post(reply_url(review, thread), post, HTTP_IDEMPOTENCY_KEY=KEY, **HX)
    assert thread.comments.count() == 2


def test_a_retried_plain_post_redirects_where_the_first_did(setting):
    review, thread, rita, client = setting
    post = {"review": review.pk, "clause": thread.clause_id, "body": "New thread.", "stance": "concern"}
    url = reverse("review:thread-create", args=[review.pk])
    first = client.post(url, {**post, "_idem": KEY})
    again = client.post(url, {**post, "_idem": KEY})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Thread.objects.filter(review=review).count() == 2


def test_different_keys_and_no_key_are_separate_posts(setting):
    review, thread, rita, client = setting
    for key in ("a" * 20, "b" * 20, None):
        post = {"body": "Again.", "stance": "note"} | ({"_idem": key} if key else {})
        client.post(reply_url(review, thread), post, **HX)
    client.post(reply_url(review, thread), {"body": "Again.", "stance": "note"}, **HX)
    assert thread.comments.count() == 5


def test_a_refused_post_can_be_corrected_and_sent_with_the_same_key(setting):
    review, thread, rita, client = setting
    refused = client.post(reply_url(review, thread), {"body": "", "stance": "note", "_idem": KEY}, **HX)
    assert refused.status_code >= 400 or not Comment.objects.filter(body="").exists()
    client.post(reply_url(review, thread), {"body": "Now with words.", "stance": "note", "_idem": KEY}, **HX)
    assert thread.comments.filter(body="Now with words.").count() == 1


def test_a_key_belongs_to_one_person_and_one_address(setting):
    review, thread, rita, client = setting
    client.post(reply_url(review, thread), {"body": "Rita's.", "stance": "note", "_idem": KEY}, **HX)
    ben = make_user("ben", roles=("reviewer",))
    other = FormClient()
    other.force_login(ben)
    response = other.post(reply_url(review, thread), {"body": "Ben's.", "stance": "note", "_idem": KEY}, **HX)
    assert "Idempotent-Replay" not in response
    assert thread.comments.filter(author=ben, body="Ben's.").count() == 1


def test_a_post_still_being_saved_is_not_run_twice(setting):
    from django.core.cache import cache

    from config.idempotency import cache_key

    review, thread, rita, client = setting
    url = reply_url(review, thread)
    cache.add(cache_key(user_id=rita.pk, path=url, key=KEY), {"state": "pending"})
    response = client.post(url, {"body": "Second.", "stance": "note", "_idem": KEY}, **HX)
    assert response.status_code == 409
    assert "still being saved" in response.content.decode()
    assert thread.comments.count() == 1


def test_an_upload_is_left_for_the_view_to_parse(setting):
    review, thread, rita, client = setting
    for _ in range(2):
        Client.post(
            client, reply_url(review, thread), {"body": "Multipart.", "stance": "note", "_idem": KEY}, **HX
        )
    assert thread.comments.filter(body="Multipart.").count() == 2  # a plain multipart post is not keyed


def test_malformed_keys_are_ignored(setting):
    review, thread, rita, client = setting
    for key in ("short", "x" * 200, "bad key with spaces!"):
        client.post(reply_url(review, thread), {"body": "Again.", "stance": "note", "_idem": key}, **HX)
        client.post(reply_url(review, thread), {"body": "Again.", "stance": "note", "_idem": key}, **HX)
    assert thread.comments.count() == 7


@pytest.fixture
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
