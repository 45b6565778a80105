"""Whole pages kept for visitors and clause lists kept per reader (issue 18): a visitor's review
or version page is rendered once per change and served with the request's own CSRF token and
CSP nonce; a signed-in reader's clause list is kept for them alone. Nobody ever gets another
person's render, and a write shows at once."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from config.http_cache import CSRF_MARK, NONCE_MARK
from licenses.corrections.services import clause_relabel
from review import services
from review.notify.models import Watch
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture
def world():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    ruth = make_user("ruth", roles=("reviewer",))
    mona = make_user("mona", roles=("moderator",))
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Rita says too wide.")
    return review, thread, rita, ruth, mona


def _kept() -> dict[str, str]:
    """Every render in the (local-memory) cache, by key."""
    return {key: cache.get(key.split(":", 2)[2]) for key in list(cache._cache)}


def _token(html: str) -> str:
    return re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)


def _nonce(html: str) -> str:
    return re.search(r'<script[^>]* nonce="([^"]+)"', html).group(1)


def _paths(world) -> dict[str, str]:
    review = world[0]
    return {
        "home": "/",
        "review": review.get_absolute_url(),
        "version": review.version.get_absolute_url(),
        "matrix": reverse("review:matrix", args=[review.pk]),
    }


@pytest.mark.parametrize("kind", ["home", "review", "version", "matrix"])
def test_a_visitor_gets_the_kept_page_with_their_own_token_and_nonce(world, kind):
    path = _paths(world)[kind]
    first = Client().get(path)
    assert any(key.startswith(":1:page-") for key in cache._cache)  # the whole page is kept
    seen = set()
    for visitor in (Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)):
        response = visitor.get(path)
        html = response.content.decode()
        assert response.status_code == 200
        assert CSRF_MARK not in html and NONCE_MARK not in html
        # The nonce the page's scripts carry is the one its policy allows, and a fresh one.
        assert f"'nonce-{_nonce(html)}'" in response["Content-Security-Policy"]
        seen.add(_nonce(html))
        # The token is this visitor's: it is set as their cookie, and a form post with it passes
        # the CSRF check (log-in answers the form again, not 403).
        assert "csrftoken" in response.cookies
        login = visitor.post(
            reverse("login"), {"csrfmiddlewaretoken": _token(html), "username": "x", "password": "y"}
        )
        assert login.status_code == 200
    assert len(seen) == 2
    assert _nonce(first.content.decode()) not in seen


def test_the_kept_renders_hold_only_marks(world):
    review, thread, rita, ruth, mona = world
    Client().get(review.get_absolute_url())
    Client().get(review.version.get_absolute_url())
    reader = Client()
    reader.force_login(rita)
    reader.get(review.get_absolute_url())
    kept = [html for html in _kept().values() if isinstance(html, str) and "<" in html]
    assert any(CSRF_MARK in html for html in kept)
    for html in kept:
        values = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)
        assert set(values) <= {CSRF_MARK}
        assert '"X-CSRFToken": "' not in html or f'"X-CSRFToken": "{CSRF_MARK}"' in html
        assert not re.search(r'nonce="(?!' + NONCE_MARK + ")", html)


def test_a_reader_never_gets_another_readers_clause_list(world):
    review, thread, rita, ruth, mona = world
    path = review.get_absolute_url()
    Client().get(path)  # a visitor's page, kept
    comment = thread.comments.get()
    edit = reverse("review:comment-edit", args=[comment.pk])
    hide = reverse("review:comment-hide", args=[comment.pk])
    # Her comment, her Edit link; the moderator's Hide; neither for Ruth.
    controls = {"rita": (True, False), "ruth": (False, False), "mona": (False, True)}
    readers = {}
    for user in (rita, ruth, mona, rita, ruth, mona):  # the second round from what was kept
        reader = readers.setdefault(user.username, Client(enforce_csrf_checks=True))
        reader.force_login(user)
        response = reader.get(path)
        html = response.content.decode()
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert f">{user.username}</a>" in html  # their own header
        assert (f'href="{edit}"' in html, f'href="{hide}"' in html) == controls[user.username]
        reader.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        assert reader.token != CSRF_MARK
    assert sum(":review-own:" in key for key in cache._cache) == 3  # one each, none shared
    # Their forms carry their own token: a reply posted with the kept page's token is accepted,
    # and shows at once to the next reader and to a visitor.
    reply = reverse("review:thread-reply", args=[review.pk, thread.pk])
    for name, reader in readers.items():
        body = {"csrfmiddlewaretoken": reader.token, "body": f"{name} replies.", "stance": "note"}
        assert reader.post(reply, body).status_code == 302
        assert f"{name} replies." in readers["ruth"].get(path).content.decode()
    visitor = Client().get(path).content.decode()
    assert all(f"{name} replies." in visitor for name in readers)


def test_what_a_reader_watches_shows_at_once(world):
    review, thread, rita, ruth, mona = world
    reader = Client()
    reader.force_login(ruth)
    path = review.get_absolute_url()
    assert "Unwatch thread" not in reader.get(path).content.decode()
    reader.get(path)  # kept for her
    Watch.objects.create(user=ruth, thread=thread)  # a watch is not a write the review shows
    assert "Unwatch thread" in reader.get(path).content.decode()


def test_a_write_shows_at_once_to_a_visitor(world):
    review, thread, rita, ruth, mona = world
    visitor = Client()
    path = review.get_absolute_url()
    etag = visitor.get(path)["ETag"]
    assert visitor.get(path, headers={"If-None-Match": etag}).status_code == 304
    services.comment_add(thread=thread, author=ruth, body="Ruth disagrees.")
    response = visitor.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Ruth disagrees." in response.content.decode()


@pytest.mark.parametrize("kind", ["home", "review", "version", "matrix"])
def test_a_message_is_never_kept_nor_served_from_a_kept_page(world, kind):
    path = _paths(world)[kind]
    Client().get(path)
    visitor = Client()
    storage = CookieStorage(HttpRequest())
    visitor.cookies["messages"] = storage._encode([Message(constants.INFO, "Only for this visitor.")])
    html = visitor.get(path).content.decode()
    assert "Only for this visitor." in html
    assert "Only for this visitor." not in Client().get(path).content.decode()


def test_only_bounded_addresses_are_kept_whole(world):
    review, *_ = world
    path = review.get_absolute_url()
    for query in ("?x=1", "?thread=999", "?show=open&y=2"):
        Client().get(path + query)
    assert not any(key.startswith(":1:page-") for key in cache._cache)
    Client().get(path + "?show=open")
    assert sum(key.startswith(":1:page-") for key in cache._cache) == 1


def test_a_signed_in_reader_shares_the_version_clause_list_but_edits_their_own(world):
    review, thread, rita, ruth, mona = world
    version = review.version
    steward = make_user("stella", roles=("steward",))
    version.license.stewards.add(steward)
    reader = Client()
    reader.force_login(steward)
    path = version.get_absolute_url()
    Client().get(path)  # a visitor's render: the clause list is kept
    plain = reader.get(path).content.decode()
    assert "Edit clauses" in plain and 'class="editing"' not in plain
    editing = reader.get(path + "?edit=1").content.decode()
    assert 'id="clauses" class="editing"' in editing  # her tools, never a kept list
    clause = version.clauses.get(anchor="2.2.b")
    clause_relabel(clause=clause, label="2.2(z)", heading="", actor=steward)
    assert "2.2(z)" in reader.get(path).content.decode()  # at once
    assert "2.2(z)" in Client().get(path).content.decode()


def test_the_home_page_moves_with_reviews_and_licenses(world):
    review, thread, rita, ruth, mona = world
    visitor = Client()
    etag = visitor.get("/")["ETag"]
    assert visitor.get("/", headers={"If-None-Match": etag}).status_code == 304
    other = make_review()
    other.version.license.name = "A Brand New License"
    other.version.license.save()
    page = visitor.get("/", headers={"If-None-Match": etag})
    assert page.status_code == 200 and "A Brand New License" in page.content.decode()
    etag = page["ETag"]
    services.comment_add(thread=thread, author=ruth, body="One more.")  # the counts move
    assert visitor.get("/", headers={"If-None-Match": etag}).status_code == 200
    signed_in = Client()
    signed_in.force_login(ruth)
    mine = signed_in.get("/")
    assert not mine.has_header("ETag") and ">ruth</a>" in mine.content.decode()
