"""A moderator corrects an imported comment's author and date afterwards, with history.

The journey: an import leaves the newest message (the paste's own top part, no header) as
"unknown", dated at import time; a moderator opens "correct author or date" beside "imported
by", sets who wrote it and when, and the review page shows the corrected author, the new
place in the thread and "corrected by" beside "via mail". Nobody else can (404).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from review import services as review_services
from review.mail.preview import preview_import
from review.mail.services import ImportChoice, correct_imported_comment, import_messages
from review.models import Comment, CommentCorrection
from review.services import NotAllowed
from tests.factories import make_review, make_user
from tests.review.test_security import parse

pytestmark = pytest.mark.django_db

# The newest message sits on top without a header; the one it answers is quoted under it.
PASTE = """I agree with Bob: the notice should travel with redistributed datasets only.

On 18 May 2025, at 05:51, Bob Ruiz <bob@example.org> wrote:
> Section 2.2(b) asks for a notice on every output dataset, which reaches too far.
"""
CEST = timezone(timedelta(hours=2))


@pytest.fixture
def moderator():
    return make_user("mona", roles=("moderator",))


@pytest.fixture
def review(moderator):
    return make_review(opened_by=moderator)


@pytest.fixture
def imported(review, moderator):
    preview = preview_import(review=review, raw=PASTE)
    items = [ImportChoice(message=i.message, clause_id=i.clause_id, stance=i.stance) for i in preview.items]
    comments = import_messages(review=review, items=items, by=moderator).comments
    return {c.author_name or "unknown": c for c in comments}


def page(client, review):
    response = client.get(review.get_absolute_url())
    assert response.status_code == 200
    return parse(response.content)


def comment_li(soup, comment: Comment):
    return soup.find(id=comment.dom_id)


def words(node) -> str:
    return " ".join(node.text.split())


# --- the journey ------------------------------------------------------------------------------------


def test_moderator_corrects_the_unknown_newest_message(client, review, moderator, imported):
    newest = imported["unknown"]
    assert newest.author_name == "" and newest.author_email == ""
    client.force_login(moderator)
    li = comment_li(page(client, review), newest)
    link = li.find("a", class_="correct-link")
    assert link.attrs["href"] == reverse("review:comment-correct", args=[newest.pk])

    form_page = client.get(link.attrs["href"])
    assert form_page.status_code == 200
    soup = parse(form_page.content)
    assert soup.find("input", name="date").attrs["value"].endswith("+00:00")
    assert "Not corrected yet" in words(soup)

    response = client.post(
        link.attrs["href"],
        {"author": "Carol Diaz", "email": "carol@example.net", "date": "2025-05-19 10:15 +02:00"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{review.get_absolute_url()}#{newest.dom_id}"

    newest.refresh_from_db()
    assert (newest.author_name, newest.author_email) == ("Carol Diaz", "carol@example.net")
    assert newest.created_at == datetime(2025, 5, 19, 8, 15, tzinfo=UTC)
    assert newest.mail_utc_offset == 120
    assert newest.corrected_by == moderator

    li = comment_li(page(client, review), newest)
    head = words(li.find("header"))
    assert "Carol Diaz" in head
    assert "via mail" in head and "imported by mona" in head
    assert "corrected by mona" in head
    # Bob's message is older, so it stays first in the thread; Carol's answer comes after it.
    thread = newest.thread
    assert [c.author_name for c in thread.comments.order_by("created_at", "pk")] == ["Bob Ruiz", "Carol Diaz"]

    history = parse(client.get(link.attrs["href"]).content).find(class_="correction-list")
    text = words(history)
    assert "by mona" in text
    assert "none → Carol Diaz" in text and "none → carol@example.net" in text
    assert "19 May 2025" in text


def test_others_see_no_correct_link_and_get_404(client, review, imported):
    bob = imported["Bob Ruiz"]
    url = reverse("review:comment-correct", args=[bob.pk])
    for user in (
        make_user("rita", roles=("reviewer",)),
        make_user("stella", roles=("steward",)),
        make_user("pat"),
    ):
        client.force_login(user)
        assert comment_li(page(client, review), bob).find("a", class_="correct-link") is None
        assert client.get(url).status_code == 404
        post = client.post(
            url, {"author": "Mallory", "email": "m@example.org", "date": "2025-05-18 05:51 +00:00"}
        )
        assert post.status_code == 404
    bob.refresh_from_db()
    assert bob.author_name == "Bob Ruiz" and not CommentCorrection.objects.exists()
    anonymous = Client().post(url, {"author": "Mallory", "date": "2025-05-18 05:51 +00:00"})
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]


def test_web_comments_and_deleted_imports_cannot_be_corrected(client, review, moderator, imported):
    writer = make_user("rita", roles=("reviewer",))
    thread = review_services.thread_start(review=review, clause=None, author=writer, body="My own words.")
    web = thread.comments.get()
    client.force_login(moderator)
    data = {"author": "Someone Else", "email": "", "date": "2025-05-18 05:51 +00:00"}
    assert client.post(reverse("review:comment-correct", args=[web.pk]), data).status_code == 404
    bob = imported["Bob Ruiz"]
    review_services.comment_delete(comment=bob, user=moderator)
    assert client.post(reverse("review:comment-correct", args=[bob.pk]), data).status_code == 404
    web.refresh_from_db()
    assert web.author == writer and web.author_name == ""


def test_a_bad_date_or_no_author_is_refused_and_nothing_is_written(client, review, moderator, imported):
    bob = imported["Bob Ruiz"]
    url = reverse("review:comment-correct", args=[bob.pk])
    client.force_login(moderator)
    for data, message in [
        ({"author": "Bob Ruiz", "email": "bob@example.org", "date": "18 May"}, "Write the date as"),
        ({"author": "", "email": "", "date": "2025-05-18 05:51 +00:00"}, "Give a name, an address or both."),
        ({"author": "Bob", "email": "not an address", "date": "2025-05-18 05:51 +00:00"}, "valid email"),
        (
            {"author": "Bob Ruiz", "email": "bob@example.org", "date": "2999-01-01 10:00 +00:00"},
            "in the future",
        ),
        (
            {"author": "Bob Ruiz", "email": "bob@example.org", "date": "2025-05-18 05:51 +00:00"},
            "Nothing changed",
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 422, data
        assert message in response.content.decode(), (data, response.content.decode()[-2000:])
    assert not CommentCorrection.objects.exists()
    bob.refresh_from_db()
    assert bob.corrected_at is None


def test_the_author_name_is_escaped_on_the_form_and_in_the_history(client, review, moderator, imported):
    bob = imported["Bob Ruiz"]
    payload = '"><script>alert(1)</script>'
    client.force_login(moderator)
    url = reverse("review:comment-correct", args=[bob.pk])
    client.post(url, {"author": payload, "email": "bob@example.org", "date": "2025-05-18 05:51 +00:00"})
    for response in (client.get(url), client.get(review.get_absolute_url())):
        assert "<script>alert(1)" not in response.content.decode()
        assert "&lt;script&gt;alert(1)" in response.content.decode()


# --- the service ------------------------------------------------------------------------------------


def test_service_keeps_every_correction_with_the_values_before(review, moderator, imported):
    bob = imported["Bob Ruiz"]
    first_at = bob.created_at
    other = make_user("max", roles=("moderator",))
    correct_imported_comment(
        comment=bob,
        by=moderator,
        author_name="Bob  Ruiz",
        author_email="bob@example.com",
        created_at=first_at,
    )
    later = datetime(2025, 5, 18, 7, 51, tzinfo=CEST)
    correct_imported_comment(
        comment=bob, by=other, author_name="Roberto Ruiz", author_email="bob@example.com", created_at=later
    )
    second, first = list(bob.corrections.all())  # newest first
    assert (first.corrected_by, first.author_email_before, first.author_email_after) == (
        moderator,
        "bob@example.org",
        "bob@example.com",
    )
    assert first.author_name_after == "Bob Ruiz"  # spaces collapsed
    assert first.created_at_before == first.created_at_after == first_at
    assert (second.corrected_by, second.author_name_before, second.author_name_after) == (
        other,
        "Bob Ruiz",
        "Roberto Ruiz",
    )
    assert (second.utc_offset_before, second.utc_offset_after) == (bob.mail_utc_offset, 120)
    bob.refresh_from_db()
    assert bob.created_at == later and bob.mail_utc_offset == 120 and bob.corrected_by == other


def test_service_refuses_non_moderators_and_takes_keywords_only(review, imported):
    bob = imported["Bob Ruiz"]
    with pytest.raises(NotAllowed):
        correct_imported_comment(
            comment=bob,
            by=make_user("rita", roles=("reviewer",)),
            author_name="X",
            author_email="",
            created_at=bob.created_at,
        )
    with pytest.raises(TypeError):
        correct_imported_comment(bob, None, "X", "", bob.created_at)  # type: ignore[misc]


def test_service_refuses_a_date_without_zone(review, moderator, imported):
    bob = imported["Bob Ruiz"]
    with pytest.raises(ValidationError):
        correct_imported_comment(
            comment=bob,
            by=moderator,
            author_name="Bob",
            author_email="",
            created_at=datetime(2025, 5, 18, 5, 51),
        )
    assert not CommentCorrection.objects.exists()


# --- the page's cost ----------------------------------------------------------------------------------


def test_review_page_queries_do_not_grow_with_corrections(
    client, review, moderator, imported, django_assert_max_num_queries
):
    client.force_login(moderator)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(review.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for n, comment in enumerate(imported.values()):
        corrector = make_user(f"mod{n}", roles=("moderator",))  # a different profile for each
        correct_imported_comment(
            comment=comment,
            by=corrector,
            author_name=f"Corrected {n}",
            author_email=f"c{n}@example.org",
            created_at=datetime(2025, 5, 10 + n, 9, 0, tzinfo=UTC),
        )
    assert count() == before
    with django_assert_max_num_queries(before):
        client.get(review.get_absolute_url())
