"""The review's "changed" stamp and what rests on it (issue 18): every write the review page
shows moves ``Review.changed_at``; visitors share one render of the clause list and get an ETag,
and a write shows to them at once; signed-in readers never get a visitor's page."""

import gzip

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from licenses.corrections.services import clause_relabel
from review import services
from review.matrix.services import position_set
from review.models import Review
from review.page_cache import layout_key
from review.selectors import viewer_for
from tests.factories import make_review, make_user, osd_criterion
from tests.review.test_security import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def _stamp(review) -> object:
    return Review.objects.values_list("changed_at", flat=True).get(pk=review.pk)


@pytest.fixture
def world():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    mona = make_user("mona", roles=("moderator",))
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide.")
    return review, clause, rita, mona, thread


def _writes(review, clause, rita, mona, thread):
    """Each write the review page shows, as the services make it."""
    comment = thread.comments.get()
    return {
        "thread": lambda: services.thread_start(review=review, clause=clause, author=rita, body="Another."),
        "reply": lambda: services.comment_add(thread=thread, author=rita, body="A reply."),
        "edit": lambda: services.comment_edit(comment=comment, editor=rita, body="Edited.", stance="note"),
        "hide": lambda: services.comment_hide(comment=comment, user=mona, reason="Off topic."),
        "restore": lambda: services.comment_restore(comment=comment, user=mona),
        "delete": lambda: services.comment_delete(comment=comment, user=rita),
        "resolve": lambda: services.thread_resolve(thread=thread, user=mona),
        "reopen": lambda: services.thread_reopen(thread=thread, user=mona),
        "position": lambda: position_set(
            review=review,
            clause=clause,
            criterion=osd_criterion(6),
            reviewer=rita,
            verdict="concern",
            rationale="",
            expected_version=0,
        ),
        "position again": lambda: position_set(
            review=review,
            clause=clause,
            criterion=osd_criterion(6),
            reviewer=rita,
            verdict="conflicts",
            rationale="",
            expected_version=1,
        ),
        "decision": lambda: services.review_decide(
            review=Review.objects.get(pk=review.pk), user=mona, status="approved", rationale="Fine."
        ),
        "clause relabel": lambda: clause_relabel(clause=clause, label="2.2(c)", heading="", actor=mona),
    }


def test_every_write_the_page_shows_moves_the_stamp(world):
    review, *rest = world
    for name, write in _writes(review, *rest).items():
        before = _stamp(review)
        write()
        assert _stamp(review) > before, name


def test_a_new_comment_shows_at_once_to_a_visitor(world):
    review, clause, rita, mona, thread = world
    visitor = Client()
    first = visitor.get(review.get_absolute_url())
    assert "A reply nobody saw." not in first.content.decode()
    # The second visit is the shared render (no thread query at all), the same page.
    again = visitor.get(review.get_absolute_url())
    assert again.content.count(b'class="thread') == first.content.count(b'class="thread')
    services.comment_add(thread=thread, author=rita, body="A reply nobody saw.")
    after = parse(visitor.get(review.get_absolute_url()).content)
    bodies = [b.text.strip() for b in after.find(id=thread.dom_id).find_all(class_="comment-body")]
    assert bodies == ["Too wide.", "A reply nobody saw."]


def test_a_hidden_comment_leaves_the_visitors_page_at_once(world):
    review, clause, rita, mona, thread = world
    visitor = Client()
    assert "Too wide." in visitor.get(review.get_absolute_url()).content.decode()
    services.comment_hide(comment=thread.comments.get(), user=mona, reason="Off topic.")
    page = visitor.get(review.get_absolute_url()).content.decode()
    assert "Too wide." not in page
    assert "Off topic." in page


def test_etag_gives_a_304_until_the_review_changes(world):
    review, clause, rita, mona, thread = world
    visitor = Client()
    first = visitor.get(review.get_absolute_url())
    etag = first["ETag"]
    assert visitor.get(review.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    # another address (a filter) is another validator
    other = visitor.get(review.get_absolute_url() + "?show=open")
    assert other["ETag"] != etag
    services.comment_add(thread=thread, author=rita, body="Later.")
    fresh = visitor.get(review.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag
    assert "Later." in fresh.content.decode()


def test_signed_in_readers_never_get_the_visitors_page(world):
    review, clause, rita, mona, thread = world
    visitor = Client()
    etag = visitor.get(review.get_absolute_url())["ETag"]
    visitor.get(review.get_absolute_url())  # the shared render is now cached
    reader = Client()
    reader.force_login(rita)
    # not even with the visitor's validator
    response = reader.get(review.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]
    page = parse(response.content)
    assert page.find(id=thread.dom_id).find("form", class_="comment-form")  # her reply form
    assert page.find(id=f"new-thread-{clause.pk}")
    assert page.find(id="new-thread-form")


@pytest.mark.parametrize("lazy", [False, True])
def test_a_moderators_page_is_never_shared_with_a_reviewer(world, settings, lazy):
    review, clause, rita, mona, thread = world
    settings.REVIEW_INLINE_COMMENTS = 0 if lazy else 200
    moderator = Client()
    moderator.force_login(mona)
    services.comment_hide(comment=thread.comments.get(), user=mona, reason="Off topic.")
    mod_page = moderator.get(review.get_absolute_url()).content.decode()
    moderator.get(review.get_absolute_url())
    reader = Client()
    reader.force_login(rita)
    page = reader.get(review.get_absolute_url()).content.decode()
    assert "Too wide." not in page
    if not lazy:
        assert "Restore" in mod_page  # the moderator's own controls...
        assert "Restore" not in page  # ...stay with the moderator
    # the page's forms carry the reader's own CSRF token, never someone else's
    assert "csrfmiddlewaretoken" in page


def test_a_visitors_page_holds_no_csrf_token_to_share(world):
    review = Review.objects.get(pk=world[0].pk)  # with its current stamp
    Client().get(review.get_absolute_url())
    key = layout_key(review, viewer=viewer_for(AnonymousUser(), review), filter="all")
    shared = cache.get(key)
    assert shared and 'id="review-clauses"' in shared
    assert "csrfmiddlewaretoken" not in shared


def test_the_matrix_shows_a_new_position_at_once_and_answers_304_between(world):
    review, clause, rita, mona, thread = world
    url = reverse("review:matrix", args=[review.pk])
    visitor = Client()
    first = visitor.get(url)
    etag = first["ETag"]
    assert visitor.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert visitor.get(url).content.count(b"<tr") == first.content.count(b"<tr")  # the shared render
    assert "1 position" not in first.content.decode()
    position_set(
        review=review,
        clause=clause,
        criterion=osd_criterion(6),
        reviewer=rita,
        verdict="conflicts",
        rationale="",
        expected_version=0,
    )
    after = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert "1 position" in after.content.decode()
    # another public review's change may mark a cell here (precedent): a new validator too
    other = make_review()
    services.thread_start(
        review=other, clause=other.version.clauses.get(anchor="2.2.b"), author=rita, body="Elsewhere."
    )
    assert visitor.get(url, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 200
    # signed in: no validator, no shared render
    reader = Client()
    reader.force_login(rita)
    response = reader.get(url, HTTP_IF_NONE_MATCH=after["ETag"])
    assert response.status_code == 200
    assert not response.has_header("ETag")


def test_pages_go_out_gzipped_and_the_weakened_validator_still_matches(world):
    review, *_ = world
    visitor = Client()
    plain = visitor.get(review.get_absolute_url())
    zipped = visitor.get(review.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert len(zipped.content) < len(plain.content) / 3
    assert gzip.decompress(zipped.content).count(b'class="clause-block') == plain.content.count(
        b'class="clause-block'
    )
    assert zipped["ETag"] == "W/" + plain["ETag"]  # GZipMiddleware weakens it
    again = visitor.get(review.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304
