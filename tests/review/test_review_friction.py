"""The review page's friction list (issue 13): imported threads folded to their first line with
a count, the comment edit form with the same stance chips as the new-comment form."""

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from review.models import Comment
from tests.factories import make_review, make_user
from tests.review.test_security import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]
HX = {"HTTP_HX_REQUEST": "true"}


def _imported_and_web_threads():
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    mailed = services.thread_start(
        review=review, clause=clause, author=rita, body="Forwarded from the list: this is too wide."
    )
    services.comment_add(thread=mailed, author=rita, body="And a second message.")
    Comment.objects.filter(thread=mailed).update(source=Comment.Source.MAIL)
    typed = services.thread_start(review=review, clause=clause, author=rita, body="Typed here.")
    return review, mailed, typed, rita


def test_imported_threads_start_folded_to_their_first_line_with_a_count():
    review, mailed, typed, _ = _imported_and_web_threads()
    page = parse(Client().get(review.get_absolute_url()).content)
    fold = page.find(id=mailed.dom_id).find("details", class_="thread-fold")
    assert "open" not in fold.attrs
    head = fold.find("summary")
    assert head.find(class_="thread-first-line").text == "rita: Forwarded from the list: this is too wide."
    assert " ".join(head.text.split()).count("· 2 comments") == 1
    # A thread typed on the site still comes open, without the folded first line.
    typed_fold = page.find(id=typed.dom_id).find("details", class_="thread-fold")
    assert "open" in typed_fold.attrs
    assert typed_fold.find(class_="thread-first-line") is None


def test_a_reply_to_an_imported_thread_comes_back_open():
    review, mailed, _, rita = _imported_and_web_threads()
    client = Client()
    client.force_login(rita)
    response = client.post(
        reverse("review:thread-reply", args=[review.pk, mailed.pk]),
        {"body": "Replying on the site.", "stance": "note"},
        **HX,
    )
    assert response.status_code == 200
    fold = parse(response.content).find(id=mailed.dom_id).find("details", class_="thread-fold")
    assert "open" in fold.attrs


def _chips(doc) -> list[tuple[str, str, bool]]:
    """(value, chip class, checked) for each stance radio button, as the form shows them."""
    chips = []
    for label in doc.find("fieldset", class_="stance-choice").find_all("label"):
        radio, chip = label.find("input", type="radio"), label.find("span", class_="stance")
        chips.append((radio.attrs["value"], chip.attrs["class"] if chip else "", "checked" in radio.attrs))
    return chips


@pytest.mark.parametrize("htmx", [True, False], ids=["in-thread", "own-page"])
def test_the_edit_form_has_the_stance_chips_of_the_new_comment_form(htmx):
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    thread = services.thread_start(
        review=review, clause=clause, author=rita, body="Too wide.", stance="objection"
    )
    client = Client()
    client.force_login(rita)
    page = parse(client.get(review.get_absolute_url()).content)
    reply_chips = _chips(page.find(id=thread.dom_id).find("details", class_="reply"))
    url = reverse("review:comment-edit", args=[thread.comments.get().pk])
    edit = parse(client.get(url, **(HX if htmx else {})).content)
    edit_chips = _chips(edit.find("form", class_="comment-form"))
    assert [(v, c) for v, c, _ in edit_chips] == [(v, c) for v, c, _ in reply_chips]
    assert edit_chips[0][1] == f"stance stance-{edit_chips[0][0]}"
    assert [v for v, _, checked in edit_chips if checked] == ["objection"]
    assert [v for v, _, checked in reply_chips if checked] == ["note"]


def test_an_imported_comment_shows_the_time_its_sender_wrote_with_their_offset():
    """Issue 13, defect 6: times in the viewer's zone, and the original offset for imported mail."""
    review, mailed, typed, _ = _imported_and_web_threads()
    first = mailed.comments.order_by("pk").first()
    first.created_at = first.created_at.replace(year=2025, month=5, day=18, hour=3, minute=51, second=0)
    first.mail_utc_offset = 120
    first.save(update_fields=["created_at", "mail_utc_offset"])
    page = parse(Client().get(review.get_absolute_url() + f"?thread={mailed.pk}").content)
    head = page.find(id=first.dom_id).find("header", class_="comment-head")
    assert head.find("span", class_="mail-sent").text == "(sent 18 May 2025, 05:51 +02:00)"
    assert "sent 18 May 2025, 05:51 +02:00" in head.find("span", class_="via-mail").attrs["title"]
    typed_head = page.find(id=typed.comments.get().dom_id).find("header", class_="comment-head")
    assert typed_head.find("span", class_="mail-sent") is None
