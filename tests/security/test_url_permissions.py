"""Every URL, classified; every write refused to those without the right, with nothing written.

The table is ``tests.security.ENDPOINTS``. For each write endpoint:

- anonymous POST: a redirect to the login page, or 404/405;
- a logged-in user without the role, and a reviewer acting on someone else's object: 404;
- in every refused case the database is exactly as it was (every licenses/review row, users, groups);
- the first allowed user's POST does change the database (so the refusals are not vacuous).
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from review.models import Comment, Position, Review, Thread
from tests import security
from tests.security import (
    ACCOUNT,
    ADMIN_NAMESPACE,
    ENDPOINTS,
    LOGIN,
    PUBLIC,
    ROLE,
    client_for,
    diff,
    is_api_json,
    iter_patterns,
    snapshot,
    write_endpoints,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
module_world = pytest.fixture(scope="module")(security.module_world)
world = pytest.fixture(security.world)


# --- the table covers every URL -------------------------------------------------------------------


def test_every_url_is_classified():
    """A URL added without an entry in ENDPOINTS fails here: classify it and test it."""
    served = set()
    for name, route, _pattern, namespace in iter_patterns():
        if namespace.split(":")[0] == ADMIN_NAMESPACE or is_api_json(name, route):
            continue
        assert name, f"unnamed URL {route!r}: name it and add it to tests.security.ENDPOINTS"
        served.add(name)
    missing = served - ENDPOINTS.keys()
    stale = ENDPOINTS.keys() - served
    assert not missing, f"URLs without a security classification: {sorted(missing)}"
    assert not stale, f"classified URLs that no longer exist: {sorted(stale)}"
    assert {e.kind for e in ENDPOINTS.values()} == {PUBLIC, LOGIN, ROLE, ACCOUNT}


def test_every_role_write_names_who_is_refused():
    for name in write_endpoints():
        endpoint = ENDPOINTS[name]
        assert endpoint.post is not None and endpoint.allowed, name
        if endpoint.kind == ROLE:
            assert "plain" in endpoint.denied, f"{name}: a user without a role must be refused"


# --- read-only pages ------------------------------------------------------------------------------

PUBLIC_NAMES = [n for n, e in ENDPOINTS.items() if e.kind == PUBLIC]


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_public_page_reads_anonymously_and_refuses_post(world, name):
    endpoint = ENDPOINTS[name]
    url = endpoint.url(name, world)
    anonymous = client_for(world, None)
    response = anonymous.get(url)
    assert response.status_code == 200 or (response.status_code == 302 and response["Location"][0] == "/"), (
        url
    )
    before = snapshot()
    for key in (None, "moderator"):
        client = client_for(world, key)
        for headers in ({}, HX):
            response = client.post(url, {"body": "x", "status": "approved"}, **headers)
            assert response.status_code == 405, (url, key, response.status_code)
    assert diff(before, snapshot()) == []


def test_private_review_is_404_on_every_review_url_for_outsiders(world):
    """A non-public review is invisible (404) to anonymous visitors and to a reviewer."""
    world.review.is_public = False
    world.review.save(update_fields=["is_public"])
    Review.objects.update(is_public=False)  # the world's family review too (its URLs name its own pk)
    for name, endpoint in ENDPOINTS.items():
        kwargs = endpoint.kwargs(world)
        if not (name.startswith("review:") and ("pk" in kwargs or "thread_id" in kwargs)):
            continue
        url = endpoint.url(name, world)
        for key in (None, "other"):
            response = client_for(world, key).get(url)
            assert response.status_code in (404, 405) or (key is None and response.status_code == 302), (
                name,
                key,
                response.status_code,
            )


# --- writes ---------------------------------------------------------------------------------------


def _post(client, url: str, data: dict, **headers):
    return client.post(url, data, **headers)


@pytest.mark.parametrize("name", write_endpoints())
def test_anonymous_write_is_refused_and_writes_nothing(world, name):
    endpoint = ENDPOINTS[name]
    url = endpoint.url(name, world)
    data = endpoint.post(world)
    before = snapshot()
    client = client_for(world, None)
    for headers in ({}, HX):
        response = _post(client, url, data, **headers)
        if response.status_code == 302:
            assert not headers, "htmx gets 401, never a redirect it would follow to the log-in page"
            assert response["Location"].startswith(reverse("login")), (url, response["Location"])
        elif response.status_code == 401:
            assert headers, "only htmx requests get 401 (config.edges.HtmxSessionEnded)"
        else:
            assert response.status_code in (404, 405), (url, response.status_code)
    assert diff(before, snapshot()) == []


@pytest.mark.parametrize("name", [n for n in write_endpoints() if ENDPOINTS[n].kind == ROLE])
def test_users_without_the_right_get_404_and_write_nothing(world, name):
    endpoint = ENDPOINTS[name]
    url = endpoint.url(name, world)
    data = endpoint.post(world)
    before = snapshot()
    for key in endpoint.denied:
        client = client_for(world, key)
        for headers in ({}, HX):
            response = _post(client, url, data, **headers)
            assert response.status_code == 404, (name, key, headers, response.status_code)
        # The form page (where there is one) is not shown to them either.
        response = client.get(url)
        expected = (200,) if endpoint.public_get else (404, 405)
        assert response.status_code in expected, (name, key, "GET", response.status_code)
    assert diff(before, snapshot()) == []


@pytest.mark.parametrize("name", write_endpoints())
def test_the_allowed_user_can_write(world, name):
    """The control for the refusals above: the same POST by a user with the right changes data."""
    endpoint = ENDPOINTS[name]
    url = endpoint.url(name, world)
    data = endpoint.post(world)
    before = snapshot()
    response = _post(client_for(world, endpoint.allowed[0]), url, data)
    assert response.status_code in (200, 302), (name, response.status_code)
    assert diff(before, snapshot()) != [], f"{name}: the allowed POST wrote nothing"
    if endpoint.reader:
        assert client_for(world, endpoint.reader).get(url).status_code == 200


# --- someone else's objects -----------------------------------------------------------------------


def test_reviewer_cannot_set_anyone_elses_position(world):
    """The reviewer is always the logged-in user: a posted ``reviewer`` is ignored."""
    author, other = world.user("author"), world.user("other")
    cell = {"review": world.review, "clause": world.clause, "criterion": world.thread.criterion}
    theirs = Position.objects.filter(**cell, reviewer=author).values().get()
    mine = Position.objects.get(**cell, reviewer=other)
    url = reverse(
        "review:cell",
        kwargs={
            "pk": world.review.pk,
            "clause_id": world.clause.pk,
            "criterion_id": world.thread.criterion_id,
        },
    )
    client = client_for(world, "other")
    response = client.post(
        url,
        {
            "verdict": "not_applicable",
            "rationale": "Mine.",
            "expected_version": str(mine.lock_version),
            "reviewer": author.pk,
            "reviewer_id": author.pk,
            "review": world.decided.pk,
            "lock_version": 99,
            "created_at": "2001-01-01T00:00:00Z",
        },
    )
    assert response.status_code == 302
    assert Position.objects.filter(**cell, reviewer=author).values().get() == theirs
    mine.refresh_from_db()
    assert (mine.verdict, mine.rationale, mine.lock_version) == ("not_applicable", "Mine.", 2)
    assert mine.created_at.year > 2001 and mine.review == world.review
    # One click from a thread sets the clicker's own position, never the thread starter's.
    client.post(
        reverse("review:position-from-thread", args=[world.thread.pk]),
        {"verdict": "concern", "reviewer": author.pk},
    )
    assert Position.objects.filter(**cell, reviewer=author).values().get() == theirs


def test_steward_of_another_license_cannot_correct_or_upload(world):
    from tests.factories import make_license, make_version

    outsider = world.user("other_steward")
    mine = make_license(slug="stans-license")
    mine.stewards.add(outsider)
    make_version(mine)
    client = client_for(world, "other_steward")
    before = snapshot()
    for name in ("licenses:version-create", "licenses:clause-edit", "licenses:correction-undo"):
        endpoint = ENDPOINTS[name]
        response = client.post(endpoint.url(name, world), endpoint.post(world))
        assert response.status_code == 404, name
    assert diff(before, snapshot()) == []


def test_extra_post_fields_are_ignored_on_every_write(world):
    """Fields a form does not declare (author, thread, status, reviewer, review…) change nothing."""
    extra = {
        "author": world.user("other").pk,
        "author_id": world.user("other").pk,
        "started_by": world.user("other").pk,
        "created_at": "2001-01-01T00:00:00Z",
        "thread": world.resolved_thread.pk,
        "review": world.decided.pk,
        "status": "approved",
        "reviewer": world.user("other").pk,
        "lock_version": "99",
        "opened_by": world.user("other").pk,
        "decided_by": world.user("other").pk,
        "is_hidden": "1",
        "hidden_reason": "x",
        "body_html": "<script>alert(1)</script>",
        "source": "mail",
        "user": world.user("other").pk,
        "is_superuser": "1",
        "is_staff": "1",
        "groups": "1",
    }
    author = client_for(world, "author")
    # A new thread and a reply: written by the poster, on this review, open.
    author.post(
        ENDPOINTS["review:thread-create"].url("review:thread-create", world),
        {**extra, "clause": world.clause.pk, "body": "Fresh thread.", "stance": "note"},
    )
    thread = Thread.objects.get(comments__body="Fresh thread.")
    assert (thread.review, thread.started_by, thread.status) == (world.review, world.user("author"), "open")
    author.post(
        reverse("review:thread-reply", args=[world.review.pk, world.thread.pk]),
        {**extra, "body": "Fresh reply.", "stance": "note"},
    )
    reply = Comment.objects.get(body="Fresh reply.")
    assert (reply.thread, reply.author, reply.source, reply.hidden_at) == (
        world.thread,
        world.user("author"),
        "web",
        None,
    )
    assert reply.created_at.year > 2001 and "<script>" not in reply.body_html
    # An edit keeps the author and the thread.
    author.post(
        reverse("review:comment-edit", args=[world.comment.pk]),
        {**extra, "body": "Edited again.", "stance": "note"},
    )
    world.comment.refresh_from_db()
    assert (world.comment.author, world.comment.thread, world.comment.body) == (
        world.user("author"),
        world.thread,
        "Edited again.",
    )
    # A review opened by a steward is open, theirs, undecided.
    steward = client_for(world, "steward")
    steward.post(
        ENDPOINTS["review:review-create"].url("review:review-create", world),
        {**extra, "criterion_set": world.review.criterion_set_id},
    )
    new = Review.objects.get(version=world.v2, opened_by=world.user("steward"), status="open")
    assert new.decided_by is None
    # The profile form changes only the poster's own profile, and never their rights.
    plain = world.user("plain")
    client_for(world, "plain").post(
        reverse("profile"), {**extra, "display_name": "P", "affiliation": "", "email": "p@example.org"}
    )
    plain.refresh_from_db()
    assert (plain.profile.display_name, plain.is_superuser, plain.is_staff) == ("P", False, False)
    assert not plain.groups.exists()
    other = world.user("other")
    other.refresh_from_db()
    assert other.profile.display_name != "P" and other.email == "otto@example.org"
    # A decision rests only on threads of its own review.
    client_for(world, "moderator").post(
        reverse("review:review-decide", args=[world.review.pk]),
        {**extra, "status": "deferred", "rationale": "Later.", "threads": [world.thread.pk]},
    )
    world.review.refresh_from_db()
    assert (world.review.status, world.review.decided_by) == ("deferred", world.user("moderator"))


# --- the admin ------------------------------------------------------------------------------------


def _admin_paths():
    paths = []
    for _name, route, pattern, namespace in iter_patterns():
        if namespace.split(":")[0] != ADMIN_NAMESPACE:
            continue
        path = "/" + route
        for param, sample in (
            ("<path:content_type_id>", "1"),
            ("<path:object_id>", "1"),
            ("<id>", "1"),
            ("(?P<url>.*)$", "nowhere/"),
        ):
            path = path.replace(param, sample)
        # The app index's pattern lists every app with admin models: any of them will do.
        path = re.sub(r"\^\(\?P<app_label>[^)]*\)/\$", "review/", path)
        assert "<" not in path and "(" not in path, f"admin URL {route!r}: teach _admin_paths its parameter"
        paths.append((path, pattern.name))
    return paths


def test_the_admin_is_for_staff_only(world):
    """Every admin URL sends anonymous visitors and non-staff users (even moderators) to its login."""
    before = snapshot()
    for key in (None, "moderator", "steward"):
        client = client_for(world, key)
        for path, name in _admin_paths():
            if name == "login":
                continue
            for method in ("get", "post"):
                response = getattr(client, method)(path, {"name": "x"})
                assert response.status_code in (302, 404), (key, method, path, response.status_code)
                if response.status_code == 302:
                    # Logging out of the admin sends everyone to the admin's front door (its login).
                    location = response["Location"]
                    assert location.startswith(("/admin/login/", "/admin/nowhere")) or (
                        name == "logout" and location == "/admin/"
                    ), (
                        key,
                        path,
                        location,
                    )
    assert diff(before, snapshot()) == []


def test_a_revoked_steward_can_no_longer_upload_versions(world):
    """Roles are groups: a user still named on the license but out of the steward group is refused,
    as the corrections and next-round pages already refuse them."""
    from django.contrib.auth.models import Group

    steward = world.user("steward")
    steward.groups.remove(Group.objects.get(name="steward"))
    client = client_for(world, "steward")
    before = snapshot()
    for name in ("licenses:version-create", "licenses:clause-edit", "review:next-round"):
        endpoint = ENDPOINTS[name]
        response = client.post(endpoint.url(name, world), endpoint.post(world))
        assert response.status_code == 404, (name, response.status_code)
    assert diff(before, snapshot()) == []
    page = client.get(world.license.get_absolute_url())
    assert reverse("licenses:version-create", args=[world.license.slug]) not in page.content.decode()
