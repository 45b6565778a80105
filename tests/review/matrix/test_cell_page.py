"""The cell page on its own (issue 13, friction): threads named by their first words, never
"Thread #11"; a link back to the matrix instead of a Close button; opening_words as a unit."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from review.markup import opening_words
from review.matrix.services import position_set
from review.models import Comment
from tests.factories import make_review, make_user, osd_criterion
from tests.review.test_security import parse


def test_opening_words_are_plain_and_cut_at_a_word():
    assert opening_words("**Conflicts.** See [OSD 6](https://o.example/6) and `code`") == (
        "Conflicts. See OSD 6 and code"
    )
    assert opening_words("> quoted\n\n- one\n- _two_") == "quoted one two"
    long = "The notice duty reaches every dataset that anyone ever builds from the work, forever."
    assert opening_words(long, limit=40) == "The notice duty reaches every dataset…"
    assert opening_words("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["own-page", "panel"])
def test_cell_names_threads_by_their_first_words(htmx):
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    argued = services.thread_start(
        review=review, clause=clause, author=rita, body="**Too wide.** The notice reaches every dataset."
    )
    quoted = services.thread_start(
        review=review, clause=clause, author=rita, body="gone", quote=services.Quote(exact="as a dataset")
    )
    Comment.objects.filter(thread=quoted).update(deleted_at=quoted.created_at)
    criterion = osd_criterion(6)
    position_set(
        review=review, clause=clause, criterion=criterion, reviewer=rita, verdict="conflicts",
        rationale="Bars datasets.", threads=[argued], expected_version=0,
    )
    client = Client()
    client.force_login(rita)
    url = reverse("review:cell", args=[review.pk, clause.pk, criterion.pk])
    response = client.get(url, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    doc = parse(response.content)
    text = " ".join(doc.text.split())
    assert "Thread #" not in text and "thread #" not in text
    listed = [a.text for a in doc.find("ul", class_="panel-threads").find_all("a")]
    assert listed == ["“Too wide. The notice reaches every dataset.”", "On “as a dataset”"]
    argued_in = doc.find("ul", class_="positions").find("a", href=argued.get_absolute_url())
    assert argued_in.text == "“Too wide. The notice reaches every dataset.”"
    choices = [" ".join(label.text.split()) for label in doc.find("fieldset", class_="linked-threads").find_all("label")]
    assert choices == ["“Too wide. The notice reaches every dataset.” (open)", "On “as a dataset” (open)"]
    back = doc.find("p", class_="cell-page-back")
    if htmx:
        assert back is None  # the drawer keeps its Close button
    else:
        assert back.find("a").attrs["href"] == f"{reverse('review:matrix', args=[review.pk])}#{_cell_dom_id(doc)}"


def _cell_dom_id(doc) -> str:
    close = doc.find("a", class_="panel-close")
    return close.attrs["href"].split("#", 1)[1]
