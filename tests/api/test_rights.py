"""Every API endpoint, for anonymous visitors, a reader (an account without a role), a reviewer
and a moderator: who may read and write what, and that every refusal writes nothing.

``test_the_table_covers_every_api_endpoint`` fails when an endpoint is added without a row here
(the site-wide table in tests.security leaves the JSON endpoints to this module).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from review import services
from tests.api import get, person, post
from tests.factories import make_review, make_version, osd_criterion
from tests.security import diff, iter_patterns, snapshot

pytestmark = pytest.mark.django_db

WHO = ("anonymous", "reader", "reviewer", "moderator")
MAIL = (
    "From: Dana Wu <dana@example.org>\nDate: Fri, 02 May 2025 10:01:00 +0000\n"
    "Subject: Re: Sample\nMessage-ID: <rights-{n}@lists.example.org>\n\nSection 2.2(b), message {n}.\n"
)

#: name -> (url kwargs, expected status for each of WHO) on the open public review.
READS = {
    "api:licenses": ({}, (200, 200, 200, 200)),
    "api:license": ({"slug": "sample"}, (200, 200, 200, 200)),
    "api:version": ({"slug": "sample", "label": "1.0"}, (200, 200, 200, 200)),
    "api:compare": ({}, (200, 200, 200, 200)),
    "api:criteria": ({}, (200, 200, 200, 200)),
    "api:reviews": ({}, (200, 200, 200, 200)),
    "api:review": ({"review_id": "R"}, (200, 200, 200, 200)),
    "api:thread": ({"review_id": "R", "thread_id": "T"}, (200, 200, 200, 200)),
}
#: name -> (url kwargs, payload, expected status for each of WHO) on the open public review.
WRITES = {
    "api:thread-create": (
        {"review_id": "R"},
        lambda n: {"clause": "2.2.b", "body": f"New thread {n}."},
        (401, 404, 201, 201),
    ),
    "api:comment-create": (
        {"review_id": "R", "thread_id": "T"},
        lambda n: {"body": f"Reply {n}."},
        (401, 404, 201, 201),
    ),
    "api:position-set": (
        {"review_id": "R"},
        lambda n: {
            "clause": "2.2.b",
            "criterion": osd_criterion(6).key,
            "verdict": "concern",
            "expected_version": 0,
        },
        (401, 404, 201, 201),
    ),
    # Only moderators import (an import writes in other people's names).
    "api:mail-import": ({"review_id": "R"}, lambda n: {"raw": MAIL.format(n=n)}, (401, 404, 404, 201)),
}
QUERIES = {"api:compare": {"a": "sample@1.0", "b": "sample@1.0"}}


@pytest.fixture
def world(review, thread, people):
    people = {**people, "steward": person("stu", ("steward",))}
    return {"review": review, "thread": thread, "people": people}


def _url(name: str, kwargs: dict, review, thread) -> str:
    values = {"R": review.pk, "T": thread.pk}
    return reverse(name, kwargs={k: values.get(v, v) for k, v in kwargs.items()})


def _who(world, key: str):
    return None if key == "anonymous" else world["people"][key]


def test_the_table_covers_every_api_endpoint():
    served = {
        name
        for name, route, _p, _ns in iter_patterns()
        if route.startswith("api/v1/")
        and name not in ("api:docs", "api:not-found", "api:openapi-json", "api:api-root")
    }
    assert served == READS.keys() | WRITES.keys()


@pytest.mark.parametrize("name", READS)
def test_reads_by_role(client, world, name):
    kwargs, expected = READS[name]
    url = _url(name, kwargs, world["review"], world["thread"])
    for key, status in zip(WHO, expected, strict=True):
        response = get(client, url, _who(world, key), data=QUERIES.get(name))
        assert response.status_code == status, (name, key, response.content[:200])


@pytest.mark.parametrize("name", [n for n in READS if "R" in READS[n][0].values()])
def test_private_review_reads_by_role(client, world, name):
    private = make_review(make_version(label="p"), is_public=False)
    thread = services.thread_start(
        review=private,
        clause=private.version.clauses.first(),
        author=world["people"]["moderator"].user,
        body="x",
    )
    url = _url(name, READS[name][0], private, thread)
    for key, status in zip(WHO, (404, 404, 404, 200), strict=True):
        assert get(client, url, _who(world, key)).status_code == status, (name, key)


@pytest.mark.parametrize("name", WRITES)
def test_writes_by_role_and_refusals_write_nothing(client, world, name):
    kwargs, payload, expected = WRITES[name]
    url = _url(name, kwargs, world["review"], world["thread"])
    for n, (key, status) in enumerate(zip(WHO, expected, strict=True)):
        before = snapshot()
        response = post(client, url, payload(n), _who(world, key))
        assert response.status_code == status, (name, key, response.content[:300])
        if status >= 400:
            assert response.json()["code"] in ("not_authenticated", "not_found"), (name, key)
            assert diff(before, snapshot()) == [], (name, key)
        else:
            assert diff(before, snapshot()) != [], (name, key)


@pytest.mark.parametrize("name", WRITES)
def test_read_only_tokens_cannot_write(client, world, name):
    kwargs, payload, _ = WRITES[name]
    url = _url(name, kwargs, world["review"], world["thread"])
    before = snapshot()
    for key in ("reviewer", "moderator"):
        response = post(client, url, payload(9), world["people"][key], scope="read")
        assert response.status_code == 403
        assert response.json()["code"] == "insufficient_scope"
    assert diff(before, snapshot()) == []


@pytest.mark.parametrize("name", WRITES)
def test_writes_to_a_private_review_are_404_for_outsiders(client, world, name):
    private = make_review(world["review"].version, is_public=False)
    thread = services.thread_start(
        review=private,
        clause=private.version.clauses.get(anchor="2.2.b"),
        author=world["people"]["moderator"].user,
        body="x",
    )
    kwargs, payload, _ = WRITES[name]
    url = _url(name, kwargs, private, thread)
    before = snapshot()
    for key in ("reader", "reviewer"):
        response = post(client, url, payload(7), world["people"][key])
        assert response.status_code == 404
        assert response.json() == {"code": "not_found", "message": "No such review."}
    assert diff(before, snapshot()) == []
    assert post(client, url, payload(8), world["people"]["moderator"]).status_code == 201


def test_stewards_comment_but_take_no_positions(client, world):
    review, thread, steward = world["review"], world["thread"], world["people"]["steward"]
    assert (
        post(
            client,
            _url("api:comment-create", {"review_id": "R", "thread_id": "T"}, review, thread),
            {"body": "As steward."},
            steward,
        ).status_code
        == 201
    )
    position = WRITES["api:position-set"]
    assert (
        post(
            client, _url("api:position-set", position[0], review, thread), position[1](0), steward
        ).status_code
        == 404
    )
    assert (
        post(
            client,
            _url("api:mail-import", {"review_id": "R"}, review, thread),
            {"raw": MAIL.format(n=5)},
            steward,
        ).status_code
        == 404
    )


def test_on_a_decided_review_only_moderators_import_and_nobody_comments(client, world):
    review, thread, people = world["review"], world["thread"], world["people"]
    services.review_decide(review=review, user=people["moderator"].user, status="rejected", rationale="No.")
    before = snapshot()
    for name in ("api:thread-create", "api:comment-create", "api:mail-import"):
        kwargs, payload, _ = WRITES[name]
        assert (
            post(client, _url(name, kwargs, review, thread), payload(3), people["reviewer"]).status_code
            == 404
        )
    for name in ("api:thread-create", "api:comment-create"):
        kwargs, payload, _ = WRITES[name]
        assert (
            post(client, _url(name, kwargs, review, thread), payload(4), people["moderator"]).status_code
            == 404
        )
    assert diff(before, snapshot()) == []
    kwargs, payload, _ = WRITES["api:mail-import"]
    assert (
        post(
            client, _url("api:mail-import", kwargs, review, thread), payload(6), people["moderator"]
        ).status_code
        == 201
    )
